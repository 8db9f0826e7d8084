//! Memberships (adhésions): the periods, a member's own, the treasurer's ledger, the form to
//! print.

use super::amaps::amap_path;
use super::client;
use super::error::ApiError;
use super::templates::fields::{date, named, text};
use crate::domain::adhesion::{
    AdhesionState, AdhesionTotals, Enrolment, NAME_MAX, PAYMENT_TEXT_MAX, PaymentKind, PeriodTerms,
};
use crate::domain::{AdhesionId, Money, PeriodId, Problem, ProblemCode, Problems, UserId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A period as everyone reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PeriodView {
    pub id: PeriodId,
    pub name: String,
    #[serde(with = "crate::domain::wire::date")]
    pub starts_on: NaiveDate,
    #[serde(with = "crate::domain::wire::date")]
    pub ends_on: NaiveDate,
    pub minimum: Money,
    pub suggested: Money,
    pub enrolment: Enrolment,
    /// How to pay ("chèque à l'ordre de…"), as the treasurer wrote it.
    pub payment_text: String,
    /// Contract templates that require it.
    pub required_by: u32,
    /// The treasurer's totals (absent for anyone else).
    pub totals: Option<AdhesionTotals>,
}

impl PeriodView {
    pub fn terms(&self) -> PeriodTerms {
        PeriodTerms {
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            minimum: self.minimum,
            suggested: self.suggested,
            enrolment: self.enrolment,
        }
    }
}

/// The short reference a template gives to the period it requires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PeriodRef {
    pub id: PeriodId,
    pub name: String,
}

/// A period as the treasurer defines it (`POST`, `PUT`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PeriodForm {
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 100,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub name: String,
    /// `2026-09-01` or `01/09/2026`.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, format = Date))]
    pub starts_on: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, format = Date))]
    pub ends_on: String,
    /// `10`, `10,00`, `10.5`: at most two decimals.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^[0-9]{1,7}([.,][0-9]{1,2})?$")
    )]
    pub minimum: String,
    /// Empty: the minimum.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,7}([.,][0-9]{1,2})?)?$"))]
    pub suggested: String,
    /// `online` (members adhere themselves) or `treasurer`.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^(online|treasurer)$")
    )]
    pub enrolment: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 2000,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub payment_text: String,
}

/// A period's fields once read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodInput {
    pub name: String,
    pub terms: PeriodTerms,
    pub payment_text: String,
}

impl PeriodForm {
    pub fn parse(&self) -> Result<PeriodInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let name = text(&mut problems, "name", &self.name, NAME_MAX, true);
        let payment_text = text(
            &mut problems,
            "payment_text",
            &self.payment_text,
            PAYMENT_TEXT_MAX,
            false,
        );
        let starts_on = date(&mut problems, "starts_on", &self.starts_on);
        let ends_on = date(&mut problems, "ends_on", &self.ends_on);
        let minimum = problems.take(Money::parse("minimum", &self.minimum));
        let suggested = if self.suggested.trim().is_empty() {
            minimum
        } else {
            problems.take(Money::parse("suggested", &self.suggested))
        };
        let enrolment = named(
            &mut problems,
            "enrolment",
            &self.enrolment,
            Enrolment::parse,
        );
        let terms = match (starts_on, ends_on, minimum, suggested, enrolment) {
            (Some(starts_on), Some(ends_on), Some(minimum), Some(suggested), Some(enrolment)) => {
                let terms = PeriodTerms {
                    starts_on,
                    ends_on,
                    minimum,
                    suggested,
                    enrolment,
                };
                terms.check().into_iter().for_each(|p| problems.push(p));
                Some(terms)
            }
            _ => None,
        };
        problems.finish(|| {
            Some(PeriodInput {
                name,
                terms: terms?,
                payment_text,
            })
        })
    }
}

/// One membership as the treasurer and its member see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdhesionView {
    pub id: AdhesionId,
    pub period_id: PeriodId,
    pub member: UserId,
    pub first_name: String,
    pub last_name: String,
    pub amount: Money,
    pub state: AdhesionState,
    pub payment_kind: Option<PaymentKind>,
    #[serde(with = "crate::domain::wire::opt_date")]
    pub received_on: Option<NaiveDate>,
    /// When it was recorded (the AMAP's date).
    #[serde(with = "crate::domain::wire::date")]
    pub adhered_on: NaiveDate,
}

/// A member's own page: each period with their membership, and what they may do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyPeriod {
    pub period: PeriodView,
    pub mine: Option<AdhesionView>,
    /// Adhering, changing the amount or withdrawing is open to me today (the server's
    /// decision: online period not over, not cashed yet).
    pub may_change: bool,
}

/// What a member offers (`PUT …/me/adhesions/{period_id}`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OwnAdhesionForm {
    /// `20`, `20,00`: at least the period's minimum.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^[0-9]{1,7}([.,][0-9]{1,2})?$")
    )]
    pub amount: String,
}

impl OwnAdhesionForm {
    pub fn parse(&self, terms: &PeriodTerms) -> Result<Money, Vec<Problem>> {
        Money::parse("amount", &self.amount)
            .and_then(|amount| terms.check_amount("amount", amount))
            .map_err(|p| vec![p])
    }
}

/// The treasurer records or corrects a membership (`POST …/adhesion-periods/{id}/adhesions`
/// names the member; `PUT …/adhesions/{id}` does not).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdhesionEntryForm {
    /// Required when recording; ignored when correcting.
    #[serde(default, deserialize_with = "super::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub member_id: Option<UserId>,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^[0-9]{1,7}([.,][0-9]{1,2})?$")
    )]
    pub amount: String,
    /// `to_provide` or `cashed`.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^(to_provide|cashed)$")
    )]
    pub state: String,
    /// `cheque`, `cash`, `transfer`, or empty (not known yet).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^(cheque|cash|transfer)?$"))]
    pub payment_kind: String,
    /// Empty: today, once cashed.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub received_on: String,
}

/// A membership's fields once read; the treasurer is not bound by the minimum (a reduced
/// fee is the AMAP's call), only by a non-negative amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdhesionEntry {
    pub member: Option<UserId>,
    pub amount: Money,
    pub state: AdhesionState,
    pub payment_kind: Option<PaymentKind>,
    pub received_on: Option<NaiveDate>,
}

impl AdhesionEntryForm {
    pub fn parse(&self, needs_member: bool) -> Result<AdhesionEntry, Vec<Problem>> {
        let mut problems = Problems::new();
        if needs_member && self.member_id.is_none() {
            problems.push(Problem::new("member_id", ProblemCode::Required));
        }
        let amount = match Money::parse("amount", &self.amount) {
            Ok(amount) if amount < Money::ZERO => {
                problems.push(Problem::new("amount", ProblemCode::InvalidAmount));
                None
            }
            parsed => problems.take(parsed),
        };
        let state = named(&mut problems, "state", &self.state, AdhesionState::parse);
        let payment_kind = match self.payment_kind.trim() {
            "" => Some(None),
            raw => named(&mut problems, "payment_kind", raw, PaymentKind::parse).map(Some),
        };
        let received_on = match self.received_on.trim() {
            "" => Some(None),
            raw => date(&mut problems, "received_on", raw).map(Some),
        };
        problems.finish(|| {
            Some(AdhesionEntry {
                member: self.member_id,
                amount: amount?,
                state: state?,
                payment_kind: payment_kind?,
                received_on: received_on?,
            })
        })
    }
}

/// A member of the AMAP without a membership of the period (the treasurer's "to chase").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MemberRef {
    pub id: UserId,
    pub first_name: String,
    pub last_name: String,
}

/// The treasurer's screen of one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PeriodLedger {
    pub period: PeriodView,
    /// In French order of last then first name.
    pub adhesions: Vec<AdhesionView>,
    /// Active members who have not adhered, in the same order.
    pub without: Vec<MemberRef>,
}

/// The printable membership form (bulletin d'adhésion), filled with what is known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BulletinView {
    pub amap_name: String,
    pub amap_city: String,
    pub period: PeriodView,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
    /// The amount adhered with, if any yet.
    pub amount: Option<Money>,
}

/// The period a template requires (`PUT …/templates/{id}/adhesion`); empty: none.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RequirementForm {
    #[serde(default, deserialize_with = "super::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub period_id: Option<PeriodId>,
}

pub fn requirement_path(slug: &str, template: crate::domain::TemplateId) -> String {
    format!("{}/templates/{template}/adhesion", amap_path(slug))
}

pub fn periods_path(slug: &str) -> String {
    format!("{}/adhesion-periods", amap_path(slug))
}

pub fn period_path(slug: &str, period: PeriodId) -> String {
    format!("{}/{period}", periods_path(slug))
}

pub fn ledger_path(slug: &str, period: PeriodId) -> String {
    format!("{}/adhesions", period_path(slug, period))
}

pub fn adhesion_path(slug: &str, adhesion: AdhesionId) -> String {
    format!("{}/adhesions/{adhesion}", amap_path(slug))
}

pub fn mine_path(slug: &str) -> String {
    format!("{}/me/adhesions", amap_path(slug))
}

pub fn my_period_path(slug: &str, period: PeriodId) -> String {
    format!("{}/{period}", mine_path(slug))
}

pub fn bulletin_path(slug: &str, period: PeriodId) -> String {
    format!("{}/bulletin", my_period_path(slug, period))
}

pub async fn periods(slug: String) -> Result<Vec<PeriodView>, ApiError> {
    client::get(periods_path(&slug)).await
}

pub async fn ledger(slug: String, period: PeriodId) -> Result<PeriodLedger, ApiError> {
    client::get(ledger_path(&slug, period)).await
}

pub async fn mine(slug: String) -> Result<Vec<MyPeriod>, ApiError> {
    client::get(mine_path(&slug)).await
}

pub async fn bulletin(slug: String, period: PeriodId) -> Result<BulletinView, ApiError> {
    client::get(bulletin_path(&slug, period)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period_form() -> PeriodForm {
        PeriodForm {
            name: "Saison 2026-2027".into(),
            starts_on: "2026-09-01".into(),
            ends_on: "31/08/2027".into(),
            minimum: "10".into(),
            suggested: "".into(),
            enrolment: "online".into(),
            payment_text: "Chèque à l'ordre de l'AMAP".into(),
        }
    }

    #[test]
    fn a_period_without_a_suggestion_suggests_its_minimum() {
        let input = period_form().parse().expect("valid");
        assert_eq!(input.terms.suggested, Money::from_cents(1000));
        assert_eq!(input.terms.enrolment, Enrolment::Online);
    }

    #[test]
    fn every_problem_of_a_period_is_named_on_its_field() {
        let form = PeriodForm {
            name: " ".into(),
            starts_on: "2027-09-01".into(),
            minimum: "10,555".into(),
            enrolment: "mail".into(),
            ..period_form()
        };
        let mut fields: Vec<_> = form
            .parse()
            .expect_err("invalid")
            .into_iter()
            .map(|p| (p.field, p.code))
            .collect();
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            fields,
            [
                ("enrolment".to_owned(), ProblemCode::UnknownValue),
                ("minimum".to_owned(), ProblemCode::InvalidAmount),
                ("name".to_owned(), ProblemCode::Required),
            ]
        );
        let backwards = PeriodForm {
            starts_on: "2027-09-01".into(),
            ..period_form()
        };
        let problems = backwards.parse().expect_err("ends first");
        assert_eq!(problems[0].field, "ends_on");
    }

    #[test]
    fn the_treasurer_records_any_non_negative_amount_and_names_the_member() {
        let form = AdhesionEntryForm {
            member_id: None,
            amount: "5".into(),
            state: "cashed".into(),
            payment_kind: "cash".into(),
            received_on: "".into(),
        };
        let problems = form.parse(true).expect_err("no member");
        assert_eq!(problems[0].field, "member_id");
        let entry = form.parse(false).expect("a correction names nobody");
        assert_eq!(entry.payment_kind, Some(PaymentKind::Cash));
        let negative = AdhesionEntryForm {
            amount: "-1".into(),
            ..form
        };
        assert_eq!(
            negative.parse(false).expect_err("negative")[0].code,
            ProblemCode::InvalidAmount
        );
    }
}
