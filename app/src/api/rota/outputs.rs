//! What a period gives out: its planning (to print, download or mail to the participants)
//! and its history (every move: who, when, from whom).

use super::rota_path;
use crate::api::client;
use crate::api::error::ApiError;
use crate::domain::DutyPeriodId;
use crate::domain::rota::MoveKind;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A period's planning: one row per date, one column per place slot
/// (`domain::rota::planning`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanningView {
    pub period_id: DutyPeriodId,
    pub name: String,
    pub amap_name: String,
    /// "Accueil", "Distribution 1", "Distribution 2"…
    pub columns: Vec<String>,
    pub rows: Vec<PlanningRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanningRow {
    #[serde(with = "crate::domain::wire::date")]
    pub day: NaiveDate,
    /// One per column.
    pub cells: Vec<PlanningCell>,
}

/// One cell of the planning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum PlanningCell {
    /// That date has no place in this column.
    NoPlace,
    /// A place nobody holds yet.
    Free,
    /// "Prénom Nom".
    Held { name: String },
}

/// What mailing the planning did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanningMailed {
    /// Participants it was queued for (active members with an address).
    pub mailed: u32,
}

/// One line of a period's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MoveView {
    pub at: DateTime<Utc>,
    #[serde(with = "crate::domain::wire::date")]
    pub day: NaiveDate,
    pub role_name: String,
    pub kind: MoveKind,
    /// Who did it ("Prénom Nom"); none for the server's own moves.
    pub by: Option<String>,
    /// Who held the place before.
    pub from: Option<String>,
    /// Who holds it after.
    pub to: Option<String>,
}

/// A period's history, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HistoryView {
    pub period_id: DutyPeriodId,
    pub name: String,
    /// The AMAP's time zone (IANA name): the instants above are UTC, read in this zone.
    pub time_zone: String,
    pub moves: Vec<MoveView>,
}

pub fn planning_path(slug: &str, period: DutyPeriodId) -> String {
    format!("{}/planning", rota_path(slug, period))
}

/// POST: mails the planning to every participant.
pub fn planning_mail_path(slug: &str, period: DutyPeriodId) -> String {
    format!("{}/mail", planning_path(slug, period))
}

pub fn history_path(slug: &str, period: DutyPeriodId) -> String {
    format!("{}/history", rota_path(slug, period))
}

pub async fn planning(slug: String, period: DutyPeriodId) -> Result<PlanningView, ApiError> {
    client::get(planning_path(&slug, period)).await
}

pub async fn history(slug: String, period: DutyPeriodId) -> Result<HistoryView, ApiError> {
    client::get(history_path(&slug, period)).await
}
