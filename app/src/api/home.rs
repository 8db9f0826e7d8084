//! The member's home page in one AMAP.

use super::amaps::{AmapView, amap_path};
use super::auth::UserView;
use super::client;
use super::contracts::DeliveryLine;
use super::error::ApiError;
use super::members::RolesView;
use super::payments::ChequeGroup;
use super::templates::TemplateSummary;
use crate::domain::ProducerId;
use crate::domain::access::RoleLevel;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who the member is here and what the menu opens to them (every page's header reads it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HomeView {
    pub amap: AmapView,
    pub me: UserView,
    pub level: RoleLevel,
    pub roles: RolesView,
    /// The producers whose catalogue and templates I manage (the server's decision).
    pub manages: Vec<ProducerId>,
    /// Contract management opens to me (référent of some producer, treasurer, admin).
    pub may_manage_templates: bool,
    /// The members' list and roles open to me (treasurer, admin).
    pub may_list_members: bool,
    /// The AMAP's settings open to me (admin).
    pub may_manage_amap: bool,
    /// The membership periods and their ledgers open to me (treasurer, admin).
    #[serde(default)]
    pub may_manage_adhesions: bool,
    /// Coordinates the duty rota (admins and coordinators).
    #[serde(default)]
    pub may_manage_rota: bool,
    /// Organises distributions: reads every date's sign-in sheet.
    #[serde(default)]
    pub may_read_sign_in_sheets: bool,
}

/// What is coming for me here: the home page's summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HomeSummary {
    /// My next delivery from today on (where and when: the AMAP's settings).
    pub next_delivery: Option<NextDelivery>,
    /// Contracts with cheques still to give, and the date to bring them by.
    pub to_bring: Vec<ChequesToBring>,
    /// Contracts open for sign-up that I have not signed, soonest deadline first.
    pub open: Vec<TemplateSummary>,
    /// My contracts still running.
    pub running: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NextDelivery {
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    /// What I collect that day, by producer then product.
    pub lines: Vec<DeliveryLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChequesToBring {
    pub template: TemplateSummary,
    /// The order the cheques are made out to.
    pub payee: String,
    #[serde(with = "crate::domain::wire::opt_date")]
    pub hand_in_by: Option<NaiveDate>,
    /// Equal amounts grouped, with the month each is cashed.
    pub cheques: Vec<ChequeGroup>,
}

pub async fn member_home(slug: String) -> Result<HomeView, ApiError> {
    client::get(format!("{}/home", amap_path(&slug))).await
}

pub async fn summary(slug: String) -> Result<HomeSummary, ApiError> {
    client::get(format!("{}/me/summary", amap_path(&slug))).await
}
