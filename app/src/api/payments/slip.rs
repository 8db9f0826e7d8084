//! Deposit slips ("bordereaux de remise"): the form that makes one, and the slip.

use super::*;

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
            crate::api::templates::date(&mut problems, "payment_date", &self.payment_date);
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
    #[serde(with = "crate::domain::wire::date")]
    pub payment_date: NaiveDate,
    #[serde(with = "crate::domain::wire::date")]
    pub handed_on: NaiveDate,
    pub lines: Vec<SlipLine>,
    pub total: Money,
    pub count: u32,
    /// The stored total and count agree with the cheques listed.
    pub consistent: bool,
}
