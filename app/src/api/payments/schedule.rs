//! A contract's cheque schedule: as the member's form needs it, and as it is posted.

use super::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChequeView {
    pub id: ChequeId,
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    pub amount: Money,
    pub state: ChequeState,
    pub bank: String,
    pub number: String,
    /// The name written on the cheque when it is not the member's.
    pub drawer: String,
    pub comment: String,
    /// The real day it was handed to the producer, once remitted.
    #[serde(with = "crate::domain::wire::opt_date")]
    pub handed_on: Option<NaiveDate>,
}

/// A contract's schedule as the member's form needs it: the plan, the payment dates and what
/// is stored. The browser computes the proposal from these with the same domain code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScheduleView {
    pub settings: PaymentSettings,
    #[serde(with = "crate::domain::wire::dates")]
    pub payment_dates: Vec<NaiveDate>,
    /// Payment dates already handed to the producer.
    #[serde(with = "crate::domain::wire::dates")]
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
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, value_type = String, format = Date)
    )]
    #[serde(with = "crate::domain::wire::opt_date")]
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
