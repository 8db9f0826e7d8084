//! The proposed amount of each cheque, to the cent (reference §3.2, §13 rules 2–6;
//! AmapJ V045 `PropositionPaiement`).
//!
//! Notation: `T` the contract total, `credit` the member's avoir, `nonModif` = credit + Σ the
//! non-modifiable lines, `N` the number of modifiable lines, `toPay = T − nonModif`. Every kind
//! sets the modifiable lines except the last, then [`adjust`] makes the last one absorb the
//! difference, so the lines plus the credit always sum to `T`. Integer division truncates
//! toward zero, as in Java.
//!
//! One deliberate difference from AmapJ: where AmapJ caps a line at `T − paidBefore` (the
//! credit and the earlier lines), we cap it at what is left of `toPay`, which also reserves the
//! non-modifiable lines dated *after* it. The two agree whenever no non-modifiable line follows
//! a modifiable one (always the case for late joiners, whose past dates are the fixed ones);
//! otherwise AmapJ can propose a negative last line, which ours never does.

use crate::domain::collect;
use crate::domain::contract::Quantities;
use crate::domain::ids::ProductId;
use crate::domain::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How a proposal spreads what is due (AmapJ `SaisiePaiementProposition`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    /// REPARTI_STRICT: `toPay / N` cents on each line, the last absorbs the remainder.
    SplitStrict,
    /// REPARTI_ARRONDI: whole-euro parts, honouring the minimum cheque; some lines may be 0.
    SplitRounded,
    /// PAYE_AVANCE_STRICT: each cheque pays exactly what will have been delivered before the
    /// next payment date and is not yet paid.
    PayAheadStrict,
    /// PAYE_AVANCE_ARRONDI: as `PayAheadStrict`, rounded **up** to the euro and honouring the
    /// minimum cheque. AmapJ's in-app help says "arrondi à l'euro inférieur" (15,50 + 12 € then
    /// 13,50 € → 27 € then 14 €) but its code rounds up (→ 28 € then 13 €); we follow the code,
    /// which never leaves the member behind on what was delivered.
    PayAheadRounded,
}

/// One payment date of a contract and its amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    pub amount: Money,
    /// Whether a proposal may change it (in member mode: the cheque is still promised).
    pub modifiable: bool,
}

/// What a schedule must pay for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terms {
    /// The contract total `T`.
    pub total: Money,
    /// The member's credit (avoir) already counted as paid.
    pub credit: Money,
    /// The smallest cheque the proposal aims for (0: none); a preset may force it to 0.
    pub minimum: Money,
}

/// No line can be modified ("il n'est plus possible de modifier les chèques"): the schedule
/// cannot be proposed nor adjusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NothingModifiable;

impl std::fmt::Display for NothingModifiable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no payment line is modifiable")
    }
}

impl std::error::Error for NothingModifiable {}

/// The value delivered on each date of a contract grid, in date order (for the pay-ahead kinds).
pub fn delivery_values(
    grid: &Quantities,
    price: impl Fn(ProductId) -> Option<Money>,
) -> Vec<(NaiveDate, Money)> {
    let dates: BTreeSet<NaiveDate> = collect::set(grid.cells().map(|cell| cell.date));
    dates
        .into_iter()
        .map(|date| (date, grid.date_amount(date, &price)))
        .collect()
}

/// Proposes the amounts of the modifiable lines (§3.2 steps 1–5). Non-modifiable lines keep
/// their amounts; lines come back in date order. `deliveries` (date, value) is only read by the
/// pay-ahead kinds. With a single modifiable line, it simply takes what is due.
pub fn propose(
    kind: ProposalKind,
    terms: &Terms,
    lines: &[Line],
    deliveries: &[(NaiveDate, Money)],
) -> Result<Vec<Line>, NothingModifiable> {
    let mut lines = in_date_order(lines.to_vec());
    let modifiable: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].modifiable).collect();
    let Some((_, spread)) = modifiable.split_last() else {
        return Err(NothingModifiable);
    };
    let (total, credit) = (terms.total.cents(), terms.credit.cents());
    let minimum = terms.minimum.cents().max(0);
    let fixed: i64 = credit + cents_of(lines.iter().filter(|l| !l.modifiable));
    let to_pay = total - fixed;
    let n = modifiable.len() as i64;
    let part = match kind {
        ProposalKind::SplitStrict => to_pay / n,
        ProposalKind::SplitRounded => rounded_part(to_pay, n, minimum),
        ProposalKind::PayAheadStrict | ProposalKind::PayAheadRounded => 0,
    };
    let mut assigned = 0_i64;
    for (i, &index) in spread.iter().enumerate() {
        let rest = to_pay - assigned;
        let amount = match kind {
            ProposalKind::SplitStrict => part,
            ProposalKind::SplitRounded => {
                let target = (i as i64 + 1).saturating_mul(to_pay) / n;
                if assigned >= target {
                    0
                } else {
                    part.min(rest)
                }
            }
            ProposalKind::PayAheadStrict | ProposalKind::PayAheadRounded => {
                let next = lines.get(index + 1).map(|line| line.date);
                let consumed = delivered_before(deliveries, next);
                let paid = credit + cents_of(&lines[..index]);
                let need = consumed - paid;
                if need <= 0 {
                    0
                } else if kind == ProposalKind::PayAheadStrict {
                    need.min(rest)
                } else {
                    round_ahead(need, rest, minimum)
                }
            }
        };
        lines[index].amount = Money::from_cents(amount);
        assigned += amount;
    }
    adjust(terms, lines)
}

/// §3.2 step 5: the last modifiable line becomes its amount + T − (credit + Σ all lines), so the
/// lines plus the credit sum to `T`. It may become negative (see `check_lines`).
pub fn adjust(terms: &Terms, lines: Vec<Line>) -> Result<Vec<Line>, NothingModifiable> {
    let mut lines = in_date_order(lines);
    let last = lines
        .iter()
        .rposition(|line| line.modifiable)
        .ok_or(NothingModifiable)?;
    let paid = terms.credit.cents() + cents_of(&lines);
    let amount = lines[last].amount.cents() + terms.total.cents() - paid;
    lines[last].amount = Money::from_cents(amount);
    Ok(lines)
}

/// REPARTI_ARRONDI's part: `ceilEuro(toPay / N)`, or with a minimum cheque
/// `k = min(toPay / mini, N)` cheques of `ceilEuro(toPay / k)` (the whole amount when k = 0).
fn rounded_part(to_pay: i64, n: i64, minimum: i64) -> i64 {
    if minimum == 0 {
        return ceil_euro(to_pay / n);
    }
    match (to_pay / minimum).min(n) {
        0 => to_pay,
        k => ceil_euro(to_pay / k),
    }
}

/// PAYE_AVANCE_ARRONDI's line: what is missing rounded up to the euro, at least the minimum,
/// at most what is left; and everything left when the remainder would fall under the minimum.
fn round_ahead(need: i64, rest: i64, minimum: i64) -> i64 {
    let amount = rest.min(ceil_euro(need).max(minimum));
    if rest - amount < minimum {
        rest
    } else {
        amount
    }
}

/// Value of the deliveries strictly before `next` (all of them when there is no next date).
fn delivered_before(deliveries: &[(NaiveDate, Money)], next: Option<NaiveDate>) -> i64 {
    deliveries
        .iter()
        .filter(|(date, _)| next.is_none_or(|next| *date < next))
        .map(|(_, value)| value.cents())
        .sum()
}

fn ceil_euro(cents: i64) -> i64 {
    Money::from_cents(cents).ceil_euro().cents()
}

fn cents_of<'a>(lines: impl IntoIterator<Item = &'a Line>) -> i64 {
    lines.into_iter().map(|line| line.amount.cents()).sum()
}

/// One line per payment date, so an unstable sort is as good (and smaller in the bundle).
fn in_date_order(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_unstable_by_key(|line| line.date);
    lines
}

#[cfg(test)]
pub(super) mod tests;
