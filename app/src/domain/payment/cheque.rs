//! A cheque's life cycle (reference §3.4, §13 rule 10) and how a new schedule becomes
//! changes to the cheques already stored.
//!
//! promised ("à fournir") ⇄ received ("à l'AMAP") → remitted ("remis au producteur", only
//! through a deposit slip, back to received when the slip is deleted). Only promised cheques
//! follow the member's schedule; a received cheque changes only by a référent's hand; a
//! remitted one never changes, and no new cheque lands on a date already remitted.

use super::editing::field;
use super::proposal::Line;
use crate::domain::collect;
use crate::domain::money::Money;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChequeState {
    /// Promised by the member, not yet handed in (AmapJ A_FOURNIR).
    Promised,
    /// Held by the AMAP (AMAP).
    Received,
    /// Handed to the producer in a deposit slip (PRODUCTEUR).
    Remitted,
}

crate::domain::names::names!(ChequeState {
    Promised = "promised",
    Received = "received",
    Remitted = "remitted",
});

/// What a line of the cheque audit trail records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChequeEvent {
    /// A cheque planned (a proposal, or the member's schedule).
    Promised,
    /// Its amount changed.
    Changed,
    /// A promised cheque no longer planned.
    Deleted,
    Received,
    /// Back from received to promised (a wrong tick).
    Unreceived,
    Remitted,
    /// Its deposit slip was cancelled: back at the AMAP.
    RemittanceDeleted,
    /// The contract's credit was set.
    Credit,
    /// Credit carried over to the member's next contract…
    CreditOut,
    /// …and received there.
    CreditIn,
}

crate::domain::names::names!(ChequeEvent {
    Promised = "promised",
    Changed = "changed",
    Deleted = "deleted",
    Received = "received",
    Unreceived = "unreceived",
    Remitted = "remitted",
    RemittanceDeleted = "remittance_deleted",
    Credit = "credit",
    CreditOut = "credit_out",
    CreditIn = "credit_in",
});

/// Who is changing cheques: members are held to stricter rules than référents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editor {
    Member,
    Referent,
}

/// A stored cheque, as the rules see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    pub date: NaiveDate,
    pub amount: Money,
    pub state: ChequeState,
}

/// The reception screen's tick box: promised ⇄ received. Anything involving a remitted cheque
/// goes through its deposit slip instead.
pub fn mark(from: ChequeState, to: ChequeState) -> Result<(), ProblemCode> {
    match (from, to) {
        (ChequeState::Remitted, _) => Err(ProblemCode::ChequeRemitted),
        (_, ChequeState::Remitted) => Err(ProblemCode::NotInSlip),
        _ => Ok(()),
    }
}

/// Whether `editor` may change the amount or details of a cheque in `state`.
pub fn may_edit(state: ChequeState, editor: Editor) -> Result<(), ProblemCode> {
    match (state, editor) {
        (ChequeState::Remitted, _) => Err(ProblemCode::ChequeRemitted),
        (ChequeState::Received, Editor::Member) => Err(ProblemCode::ChequeReceived),
        _ => Ok(()),
    }
}

/// A contract may be deleted only while none of its cheques has reached the AMAP.
pub fn may_delete_contract(held: &[Held]) -> Result<(), Problem> {
    if held.iter().all(|c| c.state == ChequeState::Promised) {
        Ok(())
    } else {
        Err(Problem::new("contract", ProblemCode::ChequesHeld))
    }
}

/// The lines a schedule is made of: one per payment date and per date already holding a
/// cheque, in date order. A line is modifiable while its cheque is still only promised and
/// its date has not been remitted.
pub fn schedule(
    payment_dates: &[NaiveDate],
    held: &[Held],
    remitted: &BTreeSet<NaiveDate>,
) -> Vec<Line> {
    let mut lines: BTreeMap<NaiveDate, Line> = collect::map(payment_dates.iter().map(|&date| {
        let line = Line {
            date,
            amount: Money::ZERO,
            modifiable: !remitted.contains(&date),
        };
        (date, line)
    }));
    for cheque in held {
        lines.insert(
            cheque.date,
            Line {
                date: cheque.date,
                amount: cheque.amount,
                modifiable: cheque.state == ChequeState::Promised
                    && !remitted.contains(&cheque.date),
            },
        );
    }
    lines.into_values().collect()
}

/// One write that turns the stored cheques into a new schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Insert {
        date: NaiveDate,
        amount: Money,
    },
    Update {
        date: NaiveDate,
        from: Money,
        to: Money,
    },
    /// The amount went to zero: zero cheques are not stored.
    Delete {
        date: NaiveDate,
        amount: Money,
    },
}

/// The writes that make the stored cheques match `wanted`, or every rule they would break. A
/// date `wanted` does not list is left as it is.
pub fn changes(
    held: &[Held],
    wanted: &[Line],
    remitted: &BTreeSet<NaiveDate>,
    editor: Editor,
) -> Result<Vec<Change>, Vec<Problem>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for line in wanted {
        let old = held.iter().find(|c| c.date == line.date);
        let from = old.map_or(Money::ZERO, |c| c.amount);
        if from == line.amount {
            continue;
        }
        let refused = match old {
            Some(c) => may_edit(c.state, editor).err(),
            None if remitted.contains(&line.date) => Some(ProblemCode::DateRemitted),
            None => None,
        };
        if let Some(code) = refused {
            problems.push(Problem::new(&field(line), code));
            continue;
        }
        if line.amount.cents() < 0 {
            continue; // `check_lines` reports it, with the excess
        }
        out.push(match (old, line.amount == Money::ZERO) {
            (None, _) => Change::Insert {
                date: line.date,
                amount: line.amount,
            },
            (Some(_), true) => Change::Delete {
                date: line.date,
                amount: from,
            },
            (Some(_), false) => Change::Update {
                date: line.date,
                from,
                to: line.amount,
            },
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::payment::proposal::tests::day;

    fn held(month: u32, cents: i64, state: ChequeState) -> Held {
        Held {
            date: day(month, 1),
            amount: Money::from_cents(cents),
            state,
        }
    }

    fn line(month: u32, cents: i64) -> Line {
        Line {
            date: day(month, 1),
            amount: Money::from_cents(cents),
            modifiable: true,
        }
    }

    use ChequeState::*;

    #[test]
    fn the_tick_box_moves_only_between_promised_and_received() {
        assert_eq!(mark(Promised, Received), Ok(()));
        assert_eq!(mark(Received, Promised), Ok(()));
        assert_eq!(mark(Received, Received), Ok(()));
        assert_eq!(mark(Remitted, Received), Err(ProblemCode::ChequeRemitted));
        assert_eq!(mark(Remitted, Promised), Err(ProblemCode::ChequeRemitted));
        assert_eq!(mark(Received, Remitted), Err(ProblemCode::NotInSlip));
    }

    #[test]
    fn members_change_only_promised_cheques_and_nobody_a_remitted_one() {
        assert_eq!(may_edit(Promised, Editor::Member), Ok(()));
        assert_eq!(
            may_edit(Received, Editor::Member),
            Err(ProblemCode::ChequeReceived)
        );
        assert_eq!(may_edit(Received, Editor::Referent), Ok(()));
        for editor in [Editor::Member, Editor::Referent] {
            assert_eq!(may_edit(Remitted, editor), Err(ProblemCode::ChequeRemitted));
        }
    }

    #[test]
    fn a_contract_with_a_cheque_at_the_amap_stays() {
        assert_eq!(may_delete_contract(&[held(1, 500, Promised)]), Ok(()));
        assert_eq!(
            may_delete_contract(&[held(1, 500, Promised), held(2, 500, Received)]),
            Err(Problem::new("contract", ProblemCode::ChequesHeld))
        );
    }

    #[test]
    fn the_schedule_freezes_what_left_the_members_hands() {
        let remitted = BTreeSet::from([day(1, 1)]);
        let lines = schedule(
            &[day(1, 1), day(2, 1), day(3, 1), day(4, 1)],
            &[
                held(1, 1000, Remitted),
                held(2, 1000, Received),
                held(3, 700, Promised),
            ],
            &remitted,
        );
        let view: Vec<(i64, bool)> = lines
            .iter()
            .map(|l| (l.amount.cents(), l.modifiable))
            .collect();
        assert_eq!(view, [(1000, false), (1000, false), (700, true), (0, true)]);
        // A cheque on a date that is no longer a payment date still shows.
        let moved = schedule(&[day(2, 1)], &[held(5, 300, Promised)], &BTreeSet::new());
        assert_eq!(moved.len(), 2);
    }

    #[test]
    fn a_new_schedule_becomes_inserts_updates_and_deletes() {
        let stored = [held(1, 1000, Promised), held(2, 1000, Promised)];
        let wanted = [line(1, 1000), line(2, 0), line(3, 2500)];
        assert_eq!(
            changes(&stored, &wanted, &BTreeSet::new(), Editor::Member),
            Ok(vec![
                Change::Delete {
                    date: day(2, 1),
                    amount: Money::from_cents(1000)
                },
                Change::Insert {
                    date: day(3, 1),
                    amount: Money::from_cents(2500)
                },
            ])
        );
    }

    #[test]
    fn forbidden_changes_name_their_line() {
        let stored = [held(1, 1000, Remitted), held(2, 1000, Received)];
        let remitted = BTreeSet::from([day(3, 1)]);
        let wanted = [line(1, 900), line(2, 900), line(3, 100)];
        let refused = changes(&stored, &wanted, &remitted, Editor::Member).expect_err("refused");
        let codes: Vec<(String, ProblemCode)> =
            refused.into_iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(
            codes,
            [
                (
                    "payments.2025-01-01".to_owned(),
                    ProblemCode::ChequeRemitted
                ),
                (
                    "payments.2025-02-01".to_owned(),
                    ProblemCode::ChequeReceived
                ),
                ("payments.2025-03-01".to_owned(), ProblemCode::DateRemitted),
            ]
        );
        // A référent may correct the received cheque, still not the remitted one.
        let referent = changes(&stored, &wanted[1..2], &remitted, Editor::Referent);
        assert_eq!(
            referent,
            Ok(vec![Change::Update {
                date: day(2, 1),
                from: Money::from_cents(1000),
                to: Money::from_cents(900)
            }])
        );
    }
}
