//! A member's contracts: what is open to them, the sign-up form's data, their deliveries; and
//! the producer's outputs (synthesis and delivery sheet).

use super::amaps::amap_path;
use super::client;
use super::error::ApiError;
use super::producers::PersonRef;
use super::templates::{TemplateProductView, TemplateSummary, parse_date};
use crate::domain::contract::deadline::Window;
use crate::domain::contract::stock::StockUse;
use crate::domain::contract::{JokerChoice, Offer, Quantities, SignUp, StockLimit};
use crate::domain::{Money, Problem, ProblemCode, ProductId, TemplateId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub fn my_contract_path(slug: &str, template: TemplateId) -> String {
    format!("{}/me/contracts/{template}", amap_path(slug))
}

/// Units of one stock product already taken by others on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StockUsed {
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    pub product: ProductId,
    pub units: u32,
}

pub fn stock_use(used: &[StockUsed]) -> StockUse {
    crate::domain::collect::map(used.iter().map(|u| ((u.date, u.product), u.units)))
}

/// A contract as stored: the grid and the jokers taken.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContractEntry {
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<crate::domain::contract::Cell>))]
    pub grid: Quantities,
    pub jokers: Vec<JokerChoice>,
    pub late: bool,
    pub edited_by_referent: bool,
}

/// Everything the sign-up form needs to check quantities in the browser exactly as the
/// server will.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignUpPage {
    pub template: TemplateSummary,
    pub description: String,
    /// Whose contract this is (the caller, or the member a référent is editing).
    pub member: PersonRef,
    pub products: Vec<TemplateProductView>,
    pub offer: Offer,
    pub window: Window,
    /// The AMAP's local time when the page was made.
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    #[serde(with = "crate::domain::wire::moment")]
    pub now: NaiveDateTime,
    /// The contract so far, if any.
    pub mine: Option<ContractEntry>,
    pub limits: Vec<StockLimit>,
    /// What the other contracts already consume.
    pub others: Vec<StockUsed>,
    /// Entered by a référent (window ignored, member-only rules waived).
    pub as_referent: bool,
    /// The payment plan and the cheques stored so far.
    pub schedule: super::payments::ScheduleView,
    /// The membership period the template requires and the member has not joined: signing
    /// up waits for it (the server refuses it too).
    #[serde(default)]
    pub adhesion_needed: Option<super::adhesions::PeriodRef>,
}

/// One template in "Mes contrats".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyContract {
    pub template: TemplateSummary,
    pub amount: Money,
    pub units: u32,
    /// Whether the member may still change it now.
    pub editable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyContracts {
    /// Open to me and not yet subscribed.
    pub offered: Vec<TemplateSummary>,
    pub mine: Vec<MyContract>,
    /// Finished contracts (closed and last delivery more than 5 days ago).
    pub history: Vec<MyContract>,
}

/// One product to collect on one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeliveryLine {
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    pub template_id: TemplateId,
    pub template: String,
    pub producer: String,
    pub product: String,
    pub packaging: String,
    pub qty: u32,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyDeliveries {
    pub lines: Vec<DeliveryLine>,
}

/// A sign-up as posted by an HTML form: `q.{date}.{product}` (grid), `q.{product}` (an
/// ABONNEMENT's basket), `joker.{date}` = `absence` or the target date; or as JSON.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum SignUpBody {
    Json(SignUp),
    Fields(BTreeMap<String, String>),
}

impl SignUpBody {
    pub fn parse(self) -> Result<SignUp, Vec<Problem>> {
        match self {
            SignUpBody::Json(sign_up) => Ok(sign_up),
            SignUpBody::Fields(fields) => sign_up_from_fields(&fields),
        }
    }
}

fn quantity(field: &str, raw: &str) -> Result<u32, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(0);
    }
    match raw.parse::<u32>() {
        Ok(q) if q <= 10_000 => Ok(q),
        Ok(_) => Err(Problem::with_limit(field, ProblemCode::AtMost, 10_000)),
        Err(_) => Err(Problem::new(field, ProblemCode::Malformed)),
    }
}

/// Reads the flat fields of the sign-up form; form bookkeeping (`_next`, `_back`…) is ignored.
pub fn sign_up_from_fields(fields: &BTreeMap<String, String>) -> Result<SignUp, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut sign_up = SignUp::default();
    for (name, value) in fields {
        if let Some(rest) = name.strip_prefix("q.") {
            let qty = match quantity(name, value) {
                Ok(q) => q,
                Err(p) => {
                    problems.push(p);
                    continue;
                }
            };
            match rest.split_once('.') {
                Some((day, product)) => match (parse_date(day), product.parse::<i64>()) {
                    (Some(date), Ok(product)) => sign_up.grid.set(date, ProductId(product), qty),
                    _ => problems.push(Problem::new(name, ProblemCode::Malformed)),
                },
                None => match rest.parse::<i64>() {
                    Ok(product) => sign_up.basket.push((ProductId(product), qty)),
                    Err(_) => problems.push(Problem::new(name, ProblemCode::Malformed)),
                },
            }
        } else if let Some(day) = name.strip_prefix("joker.") {
            let Some(date) = parse_date(day) else {
                problems.push(Problem::new(name, ProblemCode::Malformed));
                continue;
            };
            match value.trim() {
                "" | "none" => {}
                "absence" => sign_up.jokers.push(JokerChoice { date, to: None }),
                target => match parse_date(target) {
                    Some(to) => sign_up.jokers.push(JokerChoice { date, to: Some(to) }),
                    None => problems.push(Problem::new(name, ProblemCode::InvalidDate)),
                },
            }
        }
    }
    if problems.is_empty() {
        Ok(sign_up)
    } else {
        Err(problems)
    }
}

// ---------------------------------------------------------------------------------------
// Producer outputs

/// One delivery date of the synthesis: quantities per product (template column order).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SynthesisRow {
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    pub cancelled: bool,
    pub quantities: Vec<u32>,
    /// Running totals per product up to and including this date ("cumul").
    pub cumulative: Vec<u32>,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Synthesis {
    pub template: TemplateSummary,
    pub products: Vec<TemplateProductView>,
    pub rows: Vec<SynthesisRow>,
    pub totals: Vec<u32>,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SheetRow {
    pub member: PersonRef,
    pub quantities: Vec<u32>,
    pub amount: Money,
}

/// What to hand to whom on one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeliverySheet {
    pub template: TemplateSummary,
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    pub products: Vec<TemplateProductView>,
    pub rows: Vec<SheetRow>,
    pub totals: Vec<u32>,
    pub amount: Money,
}

// ---------------------------------------------------------------------------------------
// Calls

pub async fn mine(slug: String) -> Result<MyContracts, ApiError> {
    client::get(format!("{}/me/contracts", amap_path(&slug))).await
}

pub async fn sign_up_page(slug: String, template: TemplateId) -> Result<SignUpPage, ApiError> {
    client::get(my_contract_path(&slug, template)).await
}

pub async fn deliveries(slug: String) -> Result<MyDeliveries, ApiError> {
    client::get(format!("{}/me/deliveries", amap_path(&slug))).await
}

pub async fn synthesis(slug: String, template: TemplateId) -> Result<Synthesis, ApiError> {
    client::get(format!(
        "{}/templates/{template}/synthesis",
        amap_path(&slug)
    ))
    .await
}

pub async fn delivery_sheet(
    slug: String,
    template: TemplateId,
    date: NaiveDate,
) -> Result<DeliverySheet, ApiError> {
    client::get(format!(
        "{}/templates/{template}/deliveries/{date}",
        amap_path(&slug)
    ))
    .await
}
