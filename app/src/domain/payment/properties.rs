//! Property tests of the proposal arithmetic on arbitrary schedules (reference §13 rules 2–6).

use super::editing::{adjust_after_edit, check_lines};
use super::proposal::tests::day;
use super::proposal::{Line, NothingModifiable, ProposalKind, Terms, propose};
use crate::domain::money::Money;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

const KINDS: [ProposalKind; 4] = [
    ProposalKind::SplitStrict,
    ProposalKind::SplitRounded,
    ProposalKind::PayAheadStrict,
    ProposalKind::PayAheadRounded,
];

fn any_kind() -> impl Strategy<Value = ProposalKind> {
    proptest::sample::select(KINDS.to_vec())
}

/// Lines on distinct increasing dates, with any flags and current amounts.
fn any_lines() -> impl Strategy<Value = Vec<Line>> {
    proptest::collection::vec((1_u64..40, any::<bool>(), 0_i64..500_000), 0..8).prop_map(|rows| {
        let mut date = day(1, 1);
        rows.into_iter()
            .map(|(gap, modifiable, cents)| {
                date = date + Days::new(gap);
                Line {
                    date,
                    amount: Money::from_cents(cents),
                    modifiable,
                }
            })
            .collect()
    })
}

fn any_deliveries() -> impl Strategy<Value = Vec<(NaiveDate, Money)>> {
    proptest::collection::vec((0_u64..300, 0_i64..50_000), 0..12).prop_map(|rows| {
        rows.into_iter()
            .map(|(offset, cents)| (day(1, 1) + Days::new(offset), Money::from_cents(cents)))
            .collect()
    })
}

fn any_terms() -> impl Strategy<Value = Terms> {
    (
        0_i64..2_000_000,
        -50_000_i64..200_000,
        prop_oneof![Just(0_i64), 1_i64..10_000],
    )
        .prop_map(|(total, credit, minimum)| Terms {
            total: Money::from_cents(total),
            credit: Money::from_cents(credit),
            minimum: Money::from_cents(minimum),
        })
}

/// Terms and lines where the credit and the fixed lines fit in the total (scaled down to fit).
fn valid_schedule() -> impl Strategy<Value = (Terms, Vec<Line>)> {
    (any_terms(), 0_i64..=100, any_lines()).prop_map(|(terms, credit_share, mut lines)| {
        let total = terms.total.cents();
        let credit = total * credit_share / 100;
        let budget = total - credit;
        let fixed: i64 = cents(lines.iter().filter(|l| !l.modifiable));
        if fixed > budget {
            for line in lines.iter_mut().filter(|l| !l.modifiable) {
                line.amount = Money::from_cents(line.amount.cents() * budget / fixed);
            }
        }
        let terms = Terms {
            credit: Money::from_cents(credit),
            ..terms
        };
        (terms, lines)
    })
}

fn cents<'a>(lines: impl IntoIterator<Item = &'a Line>) -> i64 {
    lines.into_iter().map(|line| line.amount.cents()).sum()
}

proptest! {
    #[test]
    fn lines_and_credit_always_sum_to_the_total(kind in any_kind(), terms in any_terms(), lines in any_lines(), deliveries in any_deliveries()) {
        match propose(kind, &terms, &lines, &deliveries) {
            Ok(proposal) => prop_assert_eq!(terms.credit.cents() + cents(&proposal), terms.total.cents()),
            Err(NothingModifiable) => prop_assert!(lines.iter().all(|l| !l.modifiable)),
        }
    }

    #[test]
    fn valid_inputs_never_give_a_negative_line(kind in any_kind(), (terms, lines) in valid_schedule(), deliveries in any_deliveries()) {
        if let Ok(proposal) = propose(kind, &terms, &lines, &deliveries) {
            prop_assert!(proposal.iter().all(|l| l.amount.cents() >= 0), "{:?}", proposal);
            prop_assert_eq!(check_lines(&proposal), Ok(()));
        }
    }

    #[test]
    fn amounts_land_only_on_the_given_dates_and_fixed_lines_stay(kind in any_kind(), terms in any_terms(), lines in any_lines(), deliveries in any_deliveries()) {
        if let Ok(proposal) = propose(kind, &terms, &lines, &deliveries) {
            prop_assert_eq!(proposal.len(), lines.len());
            for (before, after) in lines.iter().zip(&proposal) {
                prop_assert_eq!(before.date, after.date);
                prop_assert_eq!(before.modifiable, after.modifiable);
                if !before.modifiable {
                    prop_assert_eq!(before.amount, after.amount);
                }
            }
        }
    }

    /// Every modifiable line but the last is `toPay / N` cents (truncated); the last adds the
    /// remainder `toPay % N`, so it exceeds the others by fewer than N cents.
    #[test]
    fn strict_split_is_even_and_the_last_line_takes_the_remainder((terms, lines) in valid_schedule()) {
        if let Ok(proposal) = propose(ProposalKind::SplitStrict, &terms, &lines, &[]) {
            let fixed = terms.credit.cents() + cents(proposal.iter().filter(|l| !l.modifiable));
            let to_pay = terms.total.cents() - fixed;
            let modifiable: Vec<i64> = proposal.iter().filter(|l| l.modifiable).map(|l| l.amount.cents()).collect();
            let n = modifiable.len() as i64;
            let (last, others) = modifiable.split_last().expect("a modifiable line");
            prop_assert!(others.iter().all(|&amount| amount == to_pay / n));
            prop_assert_eq!(*last, to_pay / n + to_pay % n);
            prop_assert!(*last - to_pay / n < n);
        }
    }

    #[test]
    fn proposals_are_deterministic_and_ignore_input_order(kind in any_kind(), terms in any_terms(), lines in any_lines(), deliveries in any_deliveries()) {
        let once = propose(kind, &terms, &lines, &deliveries);
        prop_assert_eq!(&once, &propose(kind, &terms, &lines, &deliveries));
        let mut reversed = lines.clone();
        reversed.reverse();
        prop_assert_eq!(&once, &propose(kind, &terms, &reversed, &deliveries));
    }

    #[test]
    fn member_edits_always_balance_and_negatives_are_refused(terms in any_terms(), lines in any_lines()) {
        if let Ok(edited) = adjust_after_edit(&terms, lines) {
            prop_assert_eq!(terms.credit.cents() + cents(&edited), terms.total.cents());
            let negative = edited.iter().filter(|l| l.amount.cents() < 0).count();
            prop_assert_eq!(check_lines(&edited).err().map_or(0, |problems| problems.len()), negative);
        }
    }
}
