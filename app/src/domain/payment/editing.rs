//! A member editing the proposed cheques (reference §3.3, §13 rule 6; AmapJ
//! `PopupSaisiePaiement`): which lines they may touch, the adjusting line recomputed live, and
//! the refusal of a schedule with a negative line ("trop payé").

use super::proposal::{Line, NothingModifiable, Terms, adjust};
use crate::domain::problem::{Problem, ProblemCode};
use serde::{Deserialize, Serialize};

/// How one line shows in the payment form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineRole {
    /// Shown, not editable.
    ReadOnly,
    /// The member types the amount.
    Editable,
    /// Computed from the others so the schedule balances (disabled field, may show negative).
    Adjust,
}

/// The role of each line, in the given order. Every line is read-only when the preset is not
/// editable or only one line is modifiable (its amount is forced); otherwise the last
/// modifiable line adjusts and the other modifiable lines are editable.
pub fn roles(lines: &[Line], editable: bool) -> Vec<LineRole> {
    let modifiable = lines.iter().filter(|line| line.modifiable).count();
    let last = lines.iter().rposition(|line| line.modifiable);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| match () {
            _ if !editable || modifiable < 2 || !line.modifiable => LineRole::ReadOnly,
            _ if Some(i) == last => LineRole::Adjust,
            _ => LineRole::Editable,
        })
        .collect()
}

/// After the member typed amounts: the last modifiable line becomes T − credit − Σ the other
/// lines, whatever it held before (the same arithmetic as [`adjust`]).
pub fn adjust_after_edit(terms: &Terms, lines: Vec<Line>) -> Result<Vec<Line>, NothingModifiable> {
    adjust(terms, lines)
}

/// The form field of the line paid on `line.date` ("payments.2025-06-05").
pub fn field(line: &Line) -> String {
    format!("payments.{}", line.date)
}

/// Refuses every negative line: the other cheques overpay the contract by that much
/// ("Les paiements saisis sont incorrects : il y a un trop-payé de X"). The problem's `limit`
/// is the overpaid amount in cents.
pub fn check_lines(lines: &[Line]) -> Result<(), Vec<Problem>> {
    let problems: Vec<Problem> = lines
        .iter()
        .filter(|line| line.amount.cents() < 0)
        .map(|line| {
            let overpaid = u32::try_from(line.amount.cents().unsigned_abs()).unwrap_or(u32::MAX);
            Problem::with_limit(&field(line), ProblemCode::Overpaid, overpaid)
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;
    use crate::domain::payment::proposal::tests::day;

    fn line(month: u32, cents: i64, modifiable: bool) -> Line {
        Line {
            date: day(month, 1),
            amount: Money::from_cents(cents),
            modifiable,
        }
    }

    fn terms(total: i64, credit: i64) -> Terms {
        Terms {
            total: Money::from_cents(total),
            credit: Money::from_cents(credit),
            minimum: Money::ZERO,
        }
    }

    #[test]
    fn the_last_modifiable_line_adjusts() {
        let lines = [
            line(1, 0, false),
            line(2, 0, true),
            line(3, 0, true),
            line(4, 0, false),
        ];
        use LineRole::*;
        assert_eq!(roles(&lines, true), [ReadOnly, Editable, Adjust, ReadOnly]);
        assert_eq!(roles(&lines, false), [ReadOnly; 4]);
        assert_eq!(roles(&lines[..2], true), [ReadOnly, ReadOnly]);
    }

    #[test]
    fn editing_recomputes_the_adjusting_line_from_the_others() {
        let typed = vec![
            line(1, 5000, true),
            line(2, 2000, true),
            line(3, 9999, true),
        ];
        let lines = adjust_after_edit(&terms(10_000, 1000), typed).expect("adjusted");
        let amounts: Vec<i64> = lines.iter().map(|l| l.amount.cents()).collect();
        assert_eq!(amounts, [5000, 2000, 2000]);
        assert_eq!(check_lines(&lines), Ok(()));
    }

    #[test]
    fn an_overpaying_schedule_is_refused_with_the_excess() {
        let typed = vec![line(1, 8000, true), line(2, 3000, true), line(3, 0, true)];
        let lines = adjust_after_edit(&terms(10_000, 0), typed).expect("adjusted");
        assert_eq!(lines[2].amount.cents(), -1000);
        assert_eq!(
            check_lines(&lines),
            Err(vec![Problem::with_limit(
                "payments.2025-03-01",
                ProblemCode::Overpaid,
                1000
            )])
        );
    }
}
