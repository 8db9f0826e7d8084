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

// ---------------------------------------------------------------------------------------
// Template payment settings (référent)

/// How a template's contracts are paid, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PaymentSettings {
    pub plan: PaymentPlan,
    /// "Ordre des chèques".
    pub payee: String,
    /// The date by which cheques must be handed in.
    pub hand_in_by: Option<NaiveDate>,
    /// Who collects the cheques (a référent of the producer); none: the first référent.
    pub collector: Option<PersonRef>,
    /// Shown to members instead of a schedule when the AMAP does not manage payments.
    pub message: String,
    /// The producer's référents, in order: who may be chosen as the collector.
    #[serde(default)]
    pub referents: Vec<PersonRef>,
}

/// The settings form. `strategy` is a preset name or `custom`; `kind`, `editable` and `dates`
/// count only with `custom`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PaymentSettingsForm {
    /// `not_managed`, `monthly_smoothed_editable`, `monthly_smoothed_fixed`, `per_delivery`,
    /// `monthly_first_of_month_editable` or `custom`.
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            pattern = "^(not_managed|monthly_smoothed_editable|monthly_smoothed_fixed|per_delivery|monthly_first_of_month_editable|custom)$"
        )
    )]
    pub strategy: String,
    /// `split_strict`, `split_rounded`, `pay_ahead_strict` or `pay_ahead_rounded`.
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "^(split_strict|split_rounded|pay_ahead_strict|pay_ahead_rounded)?$")
    )]
    pub kind: String,
    /// A checkbox: the member may change the proposed amounts.
    pub editable: Option<String>,
    /// `first_delivery_of_month`, `first_of_month`, `each_delivery` or `free`.
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "^(first_delivery_of_month|first_of_month|each_delivery|free)?$")
    )]
    pub dates: String,
    /// With `dates=free`: the payment dates, separated by spaces, commas or new lines.
    pub free_dates: String,
    /// Minimum cheque in euros ("20" or "20,00"); empty: none.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,7}([.,][0-9]{1,2})?)?$"))]
    pub minimum: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 200, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub payee: String,
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub hand_in_by: String,
    /// The collecting référent's user id; empty: the producer's first référent.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,18})?$"))]
    pub collector: String,
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 2000,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub message: String,
}

/// A settings form that parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsInput {
    pub plan: PaymentPlan,
    pub payee: String,
    pub hand_in_by: Option<NaiveDate>,
    pub collector: Option<UserId>,
    pub message: String,
}

pub const PRESETS: [&str; 6] = [
    "monthly_smoothed_editable",
    "monthly_smoothed_fixed",
    "per_delivery",
    "monthly_first_of_month_editable",
    "not_managed",
    "custom",
];

/// The form name of a strategy (the inverse of what `PaymentSettingsForm::parse` reads).
pub fn strategy_name(strategy: &Strategy) -> &'static str {
    match strategy {
        Strategy::NotManaged => "not_managed",
        Strategy::MonthlySmoothedEditable => "monthly_smoothed_editable",
        Strategy::MonthlySmoothedFixed => "monthly_smoothed_fixed",
        Strategy::PerDelivery => "per_delivery",
        Strategy::MonthlyFirstOfMonthEditable => "monthly_first_of_month_editable",
        Strategy::Custom { .. } => "custom",
    }
}

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

/// The form name of a payment-date rule.
pub fn dates_name(dates: &PaymentDates) -> &'static str {
    match dates {
        PaymentDates::FirstDeliveryOfMonth => "first_delivery_of_month",
        PaymentDates::FirstOfMonth => "first_of_month",
        PaymentDates::EachDelivery => "each_delivery",
        PaymentDates::Free(_) => "free",
    }
}

impl PaymentSettingsForm {
    /// The form prefilled with stored settings.
    pub fn from_settings(s: &PaymentSettings) -> Self {
        let mut form = Self {
            strategy: strategy_name(&s.plan.strategy).to_owned(),
            minimum: if s.plan.minimum == Money::ZERO {
                String::new()
            } else {
                s.plan.minimum.decimal().to_string().replace('.', ",")
            },
            payee: s.payee.clone(),
            hand_in_by: s.hand_in_by.map(|d| d.to_string()).unwrap_or_default(),
            collector: s
                .collector
                .as_ref()
                .map(|p| p.id.to_string())
                .unwrap_or_default(),
            message: s.message.clone(),
            ..Self::default()
        };
        let preset = s.plan.preset();
        form.kind = KINDS
            .iter()
            .find(|(_, k)| *k == preset.kind)
            .map(|(n, _)| (*n).to_owned())
            .unwrap_or_default();
        form.editable = preset.editable.then(|| "on".to_owned());
        form.dates = dates_name(&preset.dates).to_owned();
        if let PaymentDates::Free(dates) = &preset.dates {
            let list: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
            form.free_dates = list.join(" ");
        }
        form
    }

    pub fn parse(&self) -> Result<SettingsInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let presets = [
            ("not_managed", Some(Strategy::NotManaged)),
            (
                "monthly_smoothed_editable",
                Some(Strategy::MonthlySmoothedEditable),
            ),
            (
                "monthly_smoothed_fixed",
                Some(Strategy::MonthlySmoothedFixed),
            ),
            ("per_delivery", Some(Strategy::PerDelivery)),
            (
                "monthly_first_of_month_editable",
                Some(Strategy::MonthlyFirstOfMonthEditable),
            ),
            ("custom", None),
        ];
        let chosen = presets
            .iter()
            .find(|(name, _)| *name == self.strategy.trim())
            .map(|(_, s)| s.clone());
        let strategy = match chosen {
            Some(Some(preset)) => Some(preset),
            Some(None) => self.custom(&mut problems),
            None => {
                let _: Option<()> = one_of(&mut problems, "strategy", &self.strategy, &[]);
                None
            }
        };
        let minimum = match self.minimum.trim() {
            "" => Some(Money::ZERO),
            raw => problems.take(Money::parse("minimum", raw)),
        };
        if minimum.is_some_and(|m| m < Money::ZERO) {
            problems.push(Problem::new("minimum", ProblemCode::InvalidAmount));
        }
        let payee = text(&mut problems, "payee", &self.payee, 200, false);
        let message = text(&mut problems, "message", &self.message, 2000, false);
        let hand_in_by = match self.hand_in_by.trim() {
            "" => None,
            raw => {
                let parsed = parse_date(raw);
                if parsed.is_none() {
                    problems.push(Problem::new("hand_in_by", ProblemCode::InvalidDate));
                }
                parsed
            }
        };
        let collector = match self.collector.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) => Some(UserId(id)),
                Err(_) => {
                    problems.push(Problem::new("collector", ProblemCode::Malformed));
                    None
                }
            },
        };
        problems.finish(|| {
            Some(SettingsInput {
                plan: PaymentPlan {
                    strategy: strategy?,
                    minimum: minimum?,
                },
                payee,
                hand_in_by,
                collector,
                message,
            })
        })
    }

    fn custom(&self, problems: &mut Problems) -> Option<Strategy> {
        let kind = one_of(problems, "kind", &self.kind, &KINDS);
        let rules = [
            ("first_delivery_of_month", 0),
            ("first_of_month", 1),
            ("each_delivery", 2),
            ("free", 3),
        ];
        let dates = match one_of(problems, "dates", &self.dates, &rules)? {
            0 => PaymentDates::FirstDeliveryOfMonth,
            1 => PaymentDates::FirstOfMonth,
            2 => PaymentDates::EachDelivery,
            _ => {
                let list = date_list(problems, "free_dates", &self.free_dates);
                if list.is_empty() {
                    problems.push(Problem::new("free_dates", ProblemCode::Required));
                }
                PaymentDates::Free(list)
            }
        };
        Some(Strategy::Custom {
            managed: true,
            kind: kind?,
            editable: checked(&self.editable),
            dates,
        })
    }
}

// ---------------------------------------------------------------------------------------
// Cheques

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChequeView {
    pub id: ChequeId,
    pub date: NaiveDate,
    pub amount: Money,
    pub state: ChequeState,
    pub bank: String,
    pub number: String,
    /// The name written on the cheque when it is not the member's.
    pub drawer: String,
    pub comment: String,
    /// The real day it was handed to the producer, once remitted.
    pub handed_on: Option<NaiveDate>,
}

/// A contract's schedule as the member's form needs it: the plan, the payment dates and what
/// is stored. The browser computes the proposal from these with the same domain code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScheduleView {
    pub settings: PaymentSettings,
    pub payment_dates: Vec<NaiveDate>,
    /// Payment dates already handed to the producer.
    pub remitted_dates: Vec<NaiveDate>,
    pub credit: Money,
    pub cheques: Vec<ChequeView>,
}

/// A member's schedule as posted: `pay.{date}` (amount in euros), `bank.{date}`,
/// `number.{date}`, `drawer.{date}`; or as JSON.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum ScheduleBody {
    Json(ScheduleEntry),
    Fields(BTreeMap<String, String>),
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntry {
    pub lines: Vec<ChequeLine>,
}

/// One line of a posted schedule. Amounts of lines the member may not edit are ignored (the
/// adjusting line is always recomputed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ChequeLine {
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub date: Option<NaiveDate>,
    /// In euros ("20.50" or "20,50"); read by `Money::parse`, so a third decimal is refused
    /// with the line's field (`payments.{date}`) named, never rounded.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,7}([.,][0-9]{1,2})?)?$"))]
    pub amount: Option<String>,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 100, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub bank: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 50, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub number: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 100, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub drawer: String,
}

/// The cheque details a member or a référent may write down.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub bank: String,
    pub number: String,
    pub drawer: String,
}

/// A posted schedule, parsed: typed amounts and details per date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScheduleInput {
    pub amounts: BTreeMap<NaiveDate, Money>,
    pub details: BTreeMap<NaiveDate, Details>,
}

impl ScheduleBody {
    pub fn parse(self) -> Result<ScheduleInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let mut input = ScheduleInput::default();
        let lines = match self {
            ScheduleBody::Json(entry) => entry.lines,
            ScheduleBody::Fields(fields) => lines_from_fields(&fields, &mut problems),
        };
        for line in lines {
            let Some(date) = line.date else {
                problems.push(Problem::new("lines.date", ProblemCode::Required));
                continue;
            };
            let field = format!("payments.{date}");
            let amount = match line.amount.as_deref().map(str::trim) {
                None => None,
                Some("") => Some(Money::ZERO),
                Some(raw) => problems.take(Money::parse(&field, raw)),
            };
            if let Some(amount) = amount {
                if amount < Money::ZERO {
                    problems.push(Problem::new(&field, ProblemCode::InvalidAmount));
                }
                input.amounts.insert(date, amount);
            }
            let details = Details {
                bank: text(
                    &mut problems,
                    &format!("bank.{date}"),
                    &line.bank,
                    100,
                    false,
                ),
                number: text(
                    &mut problems,
                    &format!("number.{date}"),
                    &line.number,
                    50,
                    false,
                ),
                drawer: text(
                    &mut problems,
                    &format!("drawer.{date}"),
                    &line.drawer,
                    100,
                    false,
                ),
            };
            input.details.insert(date, details);
        }
        problems.finish(|| Some(input))
    }
}

fn lines_from_fields(
    fields: &BTreeMap<String, String>,
    problems: &mut Problems,
) -> Vec<ChequeLine> {
    let mut lines: BTreeMap<NaiveDate, ChequeLine> = BTreeMap::new();
    for (name, value) in fields {
        let Some((prefix, day)) = name.split_once('.') else {
            continue;
        };
        if !matches!(prefix, "pay" | "bank" | "number" | "drawer") {
            continue;
        }
        let Some(date) = parse_date(day) else {
            problems.push(Problem::new(name, ProblemCode::Malformed));
            continue;
        };
        let line = lines.entry(date).or_insert_with(|| ChequeLine {
            date: Some(date),
            ..ChequeLine::default()
        });
        match prefix {
            "pay" => line.amount = Some(value.clone()),
            "bank" => line.bank = value.clone(),
            "number" => line.number = value.clone(),
            _ => line.drawer = value.clone(),
        }
    }
    lines.into_values().collect()
}

// ---------------------------------------------------------------------------------------
// "Mes paiements"

/// Identical cheques still to give, together: "3 chèques de 20 € : janvier, février, mars".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChequeGroup {
    pub amount: Money,
    pub dates: Vec<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyPaymentContract {
    pub template: TemplateSummary,
    pub payee: String,
    pub hand_in_by: Option<NaiveDate>,
    pub collector: Option<PersonRef>,
    pub managed: bool,
    pub message: String,
    pub tally: Tally,
    pub balance: Money,
    pub to_give: Vec<ChequeGroup>,
    pub at_amap: Vec<ChequeView>,
    pub remitted: Vec<ChequeView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyPayments {
    pub contracts: Vec<MyPaymentContract>,
}

// ---------------------------------------------------------------------------------------
// The treasurer's register

/// One contract on the reception screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RegisterRow {
    pub subscription_id: SubscriptionId,
    pub member: PersonRef,
    pub tally: Tally,
    /// credit + remitted − ordered ("solde final").
    pub balance: Money,
    /// credit + every cheque − ordered: not zero when prices, dates or jokers changed the
    /// order after the cheques were planned.
    pub schedule_gap: Money,
    /// Cheques the AMAP should hand back, for this much.
    pub to_return: Option<Money>,
    pub cheques: Vec<ChequeView>,
    /// When `schedule_gap` is not zero: the cheques as "recompute" would leave them (received
    /// and remitted ones unchanged), so the treasurer sees the proposal before applying it.
    /// Empty otherwise.
    pub recomputed: Vec<ChequeView>,
}

/// One payment date on the remittance screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PaymentDateView {
    pub date: NaiveDate,
    pub cheques: u32,
    pub amount: Money,
    pub received: u32,
    /// Members whose cheque of this date has not reached the AMAP.
    pub missing: Vec<String>,
    pub remittance: Option<RemittanceRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RemittanceRef {
    pub id: RemittanceId,
    pub handed_on: NaiveDate,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Register {
    pub template: TemplateSummary,
    pub settings: PaymentSettings,
    pub rows: Vec<RegisterRow>,
    pub dates: Vec<PaymentDateView>,
    /// The payment date to remit next (earliest with cheques and no slip).
    pub next_to_remit: Option<NaiveDate>,
    pub totals: Tally,
    /// The caller may also set credits, carry them over and recompute schedules (référents,
    /// treasurers), not only receive and remit (a producer handling its own cheques).
    pub may_settle: bool,
}

/// Tick boxes of the reception screen: `received` cheques become received, `promised` ones
/// go back to promised. A form posts `seen.{id}` for every box shown and `got.{id}` for each
/// ticked one.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ReceiveBody {
    pub received: Vec<ChequeId>,
    pub promised: Vec<ChequeId>,
    #[serde(flatten)]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub fields: BTreeMap<String, String>,
}

impl ReceiveBody {
    /// (received, promised) cheque ids, from JSON lists or tick boxes.
    pub fn ids(&self) -> Result<(Vec<ChequeId>, Vec<ChequeId>), Vec<Problem>> {
        let mut received = self.received.clone();
        let mut promised = self.promised.clone();
        let mut problems = Problems::new();
        for name in self.fields.keys() {
            let Some((prefix, id)) = name.split_once('.') else {
                continue;
            };
            if !matches!(prefix, "seen" | "got") {
                continue;
            }
            match id.parse::<i64>() {
                Ok(id) if prefix == "got" => received.push(ChequeId(id)),
                Ok(id) if !self.fields.contains_key(&format!("got.{id}")) => {
                    promised.push(ChequeId(id))
                }
                Ok(_) => {}
                Err(_) => problems.push(Problem::new(name, ProblemCode::Malformed)),
            }
        }
        received.sort_unstable();
        received.dedup();
        promised.sort_unstable();
        promised.dedup();
        problems.finish(|| Some((received, promised)))
    }
}

/// A référent's correction of one cheque.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ChequeForm {
    /// New amount in euros; empty: unchanged.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,7}([.,][0-9]{1,2})?)?$"))]
    pub amount: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 100, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub bank: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 50, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub number: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 100, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub drawer: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 500, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChequeInput {
    pub amount: Option<Money>,
    pub details: Details,
    pub comment: String,
}

impl ChequeForm {
    pub fn parse(&self) -> Result<ChequeInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let amount = match self.amount.trim() {
            "" => None,
            raw => problems.take(Money::parse("amount", raw)),
        };
        if amount.is_some_and(|a| a <= Money::ZERO) {
            problems.push(Problem::new("amount", ProblemCode::InvalidAmount));
        }
        let details = Details {
            bank: text(&mut problems, "bank", &self.bank, 100, false),
            number: text(&mut problems, "number", &self.number, 50, false),
            drawer: text(&mut problems, "drawer", &self.drawer, 100, false),
        };
        let comment = text(&mut problems, "comment", &self.comment, 500, false);
        problems.finish(|| {
            Some(ChequeInput {
                amount,
                details,
                comment,
            })
        })
    }
}

/// Hand the cheques of one payment date to the producer.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RemitForm {
    #[cfg_attr(feature = "ssr", schema(required = true, format = Date))]
    pub payment_date: String,
    /// The real day of the hand-over; empty: today.
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub handed_on: String,
    /// A checkbox: remit although an earlier date is still waiting.
    pub confirm: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemitInput {
    pub payment_date: NaiveDate,
    pub handed_on: Option<NaiveDate>,
    pub confirmed: bool,
}

impl RemitForm {
    pub fn parse(&self) -> Result<RemitInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let payment_date =
            super::templates::date(&mut problems, "payment_date", &self.payment_date);
        let handed_on = match self.handed_on.trim() {
            "" => None,
            raw => {
                let parsed = parse_date(raw);
                if parsed.is_none() {
                    problems.push(Problem::new("handed_on", ProblemCode::InvalidDate));
                }
                parsed
            }
        };
        problems.finish(|| {
            Some(RemitInput {
                payment_date: payment_date?,
                handed_on,
                confirmed: checked(&self.confirm),
            })
        })
    }
}

/// One cheque on a deposit slip.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SlipLine {
    pub member: String,
    pub bank: String,
    pub number: String,
    pub drawer: String,
    pub amount: Money,
}

/// A deposit slip ("bordereau de remise").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Slip {
    pub id: RemittanceId,
    pub template: TemplateSummary,
    pub producer: String,
    pub payee: String,
    pub payment_date: NaiveDate,
    pub handed_on: NaiveDate,
    pub lines: Vec<SlipLine>,
    pub total: Money,
    pub count: u32,
    /// The stored total and count agree with the cheques listed.
    pub consistent: bool,
}

/// Set a contract's credit ("avoir"), in euros; negative only for a debt carried in.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CreditForm {
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "^(-?[0-9]{1,7}([.,][0-9]{1,2})?)?$")
    )]
    pub amount: String,
}

impl CreditForm {
    pub fn parse(&self) -> Result<Money, Vec<Problem>> {
        match self.amount.trim() {
            "" => Ok(Money::ZERO),
            raw => Money::parse("amount", raw).map_err(|p| vec![p]),
        }
    }
}

/// What a contract's schedule would become (référent view of a recomputation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Recomputed {
    pub subscription_id: SubscriptionId,
    pub ordered: Money,
    pub before: Vec<ChequeView>,
    pub after: Vec<ChequeView>,
}

/// What recomputing a whole template did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RecomputedAll {
    /// Contracts whose still-promised cheques got a new proposal.
    pub contracts: u32,
}

/// One line of the audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub member: String,
    pub action: ChequeEvent,
    pub from: Option<ChequeState>,
    pub to: Option<ChequeState>,
    pub date: Option<NaiveDate>,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditLog {
    pub template: TemplateSummary,
    pub entries: Vec<AuditEntry>,
}

// ---------------------------------------------------------------------------------------
// Paths and calls

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
