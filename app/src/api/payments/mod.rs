//! Cheques on the wire: a template's payment settings, a member's schedule and "Mes
//! paiements", the treasurer's register with its deposit slips ("bordereaux de remise") and
//! the audit trail. Forms are flat strings parsed here, so an HTML form and a JSON client post
//! the same names.

use super::amaps::amap_path;
use super::client;
use super::error::ApiError;
use super::producers::PersonRef;
use super::templates::{TemplateSummary, checked, date_list, one_of, parse_date, text};
use crate::domain::payment::register::Tally;
use crate::domain::payment::{
    ChequeEvent, ChequeState, PaymentDates, PaymentPlan, ProposalKind, Strategy,
};
use crate::domain::{
    ChequeId, Money, Problem, ProblemCode, Problems, RemittanceId, SubscriptionId, TemplateId,
    UserId,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod audit;
pub use audit::*;
mod mine;
pub use mine::*;
mod register;
pub use register::*;
mod schedule;
pub use schedule::*;
mod settings;
pub use settings::*;
mod slip;
pub use slip::*;

pub const PRESETS: [&str; 6] = [
    "monthly_smoothed_editable",
    "monthly_smoothed_fixed",
    "per_delivery",
    "monthly_first_of_month_editable",
    "not_managed",
    "custom",
];

pub const KINDS: [(&str, ProposalKind); 4] = [
    ("split_rounded", ProposalKind::SplitRounded),
    ("split_strict", ProposalKind::SplitStrict),
    ("pay_ahead_strict", ProposalKind::PayAheadStrict),
    ("pay_ahead_rounded", ProposalKind::PayAheadRounded),
];

pub const DATE_RULES: [&str; 4] = [
    "first_delivery_of_month",
    "first_of_month",
    "each_delivery",
    "free",
];

pub fn cheques_path(slug: &str, template: TemplateId) -> String {
    format!("{}/templates/{template}/cheques", amap_path(slug))
}

pub async fn my_payments(slug: String) -> Result<MyPayments, ApiError> {
    client::get(format!("{}/me/payments", amap_path(&slug))).await
}

pub async fn register(slug: String, template: TemplateId) -> Result<Register, ApiError> {
    client::get(cheques_path(&slug, template)).await
}

pub async fn slip(
    slug: String,
    template: TemplateId,
    remittance: RemittanceId,
) -> Result<Slip, ApiError> {
    client::get(remittance_path(&slug, template, remittance)).await
}

pub fn remittance_path(slug: &str, template: TemplateId, remittance: RemittanceId) -> String {
    format!(
        "{}/templates/{template}/remittances/{remittance}",
        amap_path(slug)
    )
}

pub async fn audit(slug: String, template: TemplateId) -> Result<AuditLog, ApiError> {
    client::get(format!("{}/audit", cheques_path(&slug, template))).await
}

pub async fn settings(slug: String, template: TemplateId) -> Result<PaymentSettings, ApiError> {
    client::get(format!(
        "{}/templates/{template}/payments",
        amap_path(&slug)
    ))
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("date")
    }

    #[test]
    fn a_posted_schedule_reads_amounts_and_details_per_date() {
        let fields = BTreeMap::from([
            ("pay.2026-01-05".to_owned(), "20,50".to_owned()),
            ("pay.2026-02-02".to_owned(), "".to_owned()),
            ("bank.2026-01-05".to_owned(), " Crédit Mutuel ".to_owned()),
            ("number.2026-01-05".to_owned(), "0001234".to_owned()),
            ("_back".to_owned(), "/x".to_owned()),
        ]);
        let input = ScheduleBody::Fields(fields).parse().expect("parsed");
        assert_eq!(input.amounts[&day(1, 5)], Money::from_cents(2050));
        assert_eq!(input.amounts[&day(2, 2)], Money::ZERO);
        assert_eq!(input.details[&day(1, 5)].bank, "Crédit Mutuel");
        let bad = BTreeMap::from([("pay.2026-01-05".to_owned(), "vingt".to_owned())]);
        let problems = ScheduleBody::Fields(bad).parse().expect_err("refused");
        assert_eq!(problems[0].field, "payments.2026-01-05");
    }

    #[test]
    fn settings_round_trip_through_the_form() {
        let settings = PaymentSettings {
            plan: PaymentPlan {
                strategy: Strategy::Custom {
                    managed: true,
                    kind: ProposalKind::PayAheadRounded,
                    editable: true,
                    dates: PaymentDates::Free(vec![day(1, 5), day(3, 5)]),
                },
                minimum: Money::from_cents(1500),
            },
            payee: "GAEC des Prés".into(),
            hand_in_by: Some(day(1, 2)),
            collector: None,
            message: String::new(),
            referents: Vec::new(),
        };
        let parsed = PaymentSettingsForm::from_settings(&settings)
            .parse()
            .expect("parsed");
        assert_eq!(parsed.plan, settings.plan);
        assert_eq!(parsed.hand_in_by, settings.hand_in_by);
        let unknown = PaymentSettingsForm {
            strategy: "weekly".into(),
            ..PaymentSettingsForm::default()
        };
        assert_eq!(unknown.parse().expect_err("refused")[0].field, "strategy");
    }

    #[test]
    fn tick_boxes_say_which_cheques_came_in_and_which_went_back() {
        let body = ReceiveBody {
            fields: BTreeMap::from([
                ("seen.1".to_owned(), "1".to_owned()),
                ("seen.2".to_owned(), "1".to_owned()),
                ("got.2".to_owned(), "on".to_owned()),
                ("got.3".to_owned(), "on".to_owned()),
            ]),
            ..ReceiveBody::default()
        };
        assert_eq!(
            body.ids(),
            Ok((vec![ChequeId(2), ChequeId(3)], vec![ChequeId(1)]))
        );
    }
}
