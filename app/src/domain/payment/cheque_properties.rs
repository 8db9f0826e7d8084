//! Property tests of the cheque life cycle (reference §13 rules 10–12): whatever a member
//! posts and whatever the plan proposes, a cheque that left the member's hands never moves.

use super::cheque::{Change, ChequeState, Editor, Held, changes, schedule};
use super::plan::{Contract, PaymentPlan};
use super::proposal::Line;
use super::proposal::tests::day;
use super::strategy::Strategy;
use crate::domain::money::Money;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use std::collections::{BTreeMap, BTreeSet};

fn any_state() -> impl proptest::strategy::Strategy<Value = ChequeState> {
    proptest::sample::select(ChequeState::ALL.to_vec())
}

/// Cheques on distinct dates, each in any state; which dates were remitted follows.
fn any_held() -> impl proptest::strategy::Strategy<Value = (Vec<Held>, BTreeSet<NaiveDate>)> {
    proptest::collection::btree_map(0_u64..200, (1_i64..50_000, any_state()), 0..8).prop_map(
        |rows| {
            let held: Vec<Held> = rows
                .into_iter()
                .map(|(offset, (cents, state))| Held {
                    date: day(1, 1) + Days::new(offset),
                    amount: Money::from_cents(cents),
                    state,
                })
                .collect();
            let remitted = held
                .iter()
                .filter(|c| c.state == ChequeState::Remitted)
                .map(|c| c.date)
                .collect();
            (held, remitted)
        },
    )
}

fn touched(change: &Change) -> NaiveDate {
    match change {
        Change::Insert { date, .. } | Change::Update { date, .. } | Change::Delete { date, .. } => {
            *date
        }
    }
}

proptest! {
    #[test]
    fn a_member_only_ever_changes_promised_cheques(
        (held, remitted) in any_held(),
        wanted in proptest::collection::vec((0_u64..200, 0_i64..50_000), 0..10),
    ) {
        let wanted: Vec<Line> = wanted
            .into_iter()
            .map(|(offset, cents)| Line {
                date: day(1, 1) + Days::new(offset),
                amount: Money::from_cents(cents),
                modifiable: true,
            })
            .collect();
        if let Ok(writes) = changes(&held, &wanted, &remitted, Editor::Member) {
            for change in &writes {
                let date = touched(change);
                let stored = held.iter().find(|c| c.date == date);
                prop_assert!(stored.is_none_or(|c| c.state == ChequeState::Promised));
                prop_assert!(!remitted.contains(&date));
            }
        }
    }

    #[test]
    fn a_proposal_keeps_received_and_remitted_cheques(
        (held, remitted) in any_held(),
        values in proptest::collection::vec((0_u64..200, 0_i64..20_000), 1..12),
        credit in 0_i64..10_000,
    ) {
        let deliveries: BTreeMap<NaiveDate, Money> = values
            .into_iter()
            .map(|(offset, cents)| (day(1, 1) + Days::new(offset), Money::from_cents(cents)))
            .collect();
        let deliveries: Vec<(NaiveDate, Money)> = deliveries.into_iter().collect();
        let dates: Vec<NaiveDate> = deliveries.iter().map(|(d, _)| *d).collect();
        let contract = Contract {
            template_dates: &dates,
            deliveries: &deliveries,
            credit: Money::from_cents(credit),
            held: &held,
            remitted: &remitted,
            frozen_before: None,
        };
        for strategy in [Strategy::MonthlySmoothedEditable, Strategy::PerDelivery] {
            let plan = PaymentPlan { strategy, minimum: Money::ZERO };
            let lines = plan.propose(&contract);
            for cheque in held.iter().filter(|c| c.state != ChequeState::Promised) {
                let line = lines.iter().find(|l| l.date == cheque.date);
                prop_assert_eq!(line.map(|l| l.amount), Some(cheque.amount));
            }
            // Nothing new lands on a remitted date.
            let current = schedule(&plan.payment_dates(&dates).unwrap_or_default(), &held, &remitted);
            for line in lines.iter().filter(|l| remitted.contains(&l.date)) {
                let before = current.iter().find(|c| c.date == line.date).map(|c| c.amount);
                prop_assert_eq!(Some(line.amount), before);
            }
        }
    }
}
