//! The treasurer's register: rows, payment dates, reception, corrections, credits, recomputation.

use super::*;

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
    #[serde(with = "crate::domain::wire::date")]
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
    #[serde(with = "crate::domain::wire::date")]
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
    #[serde(with = "crate::domain::wire::opt_date")]
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
    #[serde(flatten, deserialize_with = "text_only")]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub fields: BTreeMap<String, String>,
}

/// The tick boxes' names and values, which are text; whatever else a JSON client sends beside
/// the two lists is ignored, as unknown members of an object are.
fn text_only<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    let all = BTreeMap::<String, serde_json::Value>::deserialize(deserializer)?;
    Ok(all
        .into_iter()
        .filter_map(|(name, value)| match value {
            serde_json::Value::String(text) => Some((name, text)),
            _ => None,
        })
        .collect())
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
    /// New amount in euros, more than zero; empty: unchanged.
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "^([1-9][0-9]{0,6}([.,][0-9]{1,2})?|0[.,]([1-9][0-9]?|0[1-9]))?$")
    )]
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
