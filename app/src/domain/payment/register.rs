//! The treasurer's register: balances, cheques to return, which payment date may be remitted,
//! where a credit carries over, and how a member's cheques read when grouped (reference §3.4,
//! §13 rules 11–12).

use super::cheque::{ChequeState, Held};
use crate::domain::money::Money;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One contract's money, as the reception screen shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Tally {
    /// Σ quantity × price of the contract as it stands.
    pub ordered: Money,
    /// The credit ("avoir") brought into this contract.
    pub credit: Money,
    pub promised: Count,
    pub received: Count,
    pub remitted: Count,
}

/// Register totals: the sum of contracts' tallies.
impl std::ops::AddAssign<&Tally> for Tally {
    fn add_assign(&mut self, t: &Tally) {
        self.ordered = self.ordered + t.ordered;
        self.credit = self.credit + t.credit;
        for (sum, part) in [
            (&mut self.promised, &t.promised),
            (&mut self.received, &t.received),
            (&mut self.remitted, &t.remitted),
        ] {
            sum.cheques += part.cheques;
            sum.amount = sum.amount + part.amount;
        }
    }
}

/// How many cheques, for how much.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Count {
    pub cheques: u32,
    pub amount: Money,
}

impl Count {
    fn add(&mut self, amount: Money) {
        self.cheques += 1;
        self.amount = self.amount + amount;
    }
}

impl Tally {
    pub fn new(ordered: Money, credit: Money, held: &[Held]) -> Self {
        let mut tally = Tally {
            ordered,
            credit,
            ..Tally::default()
        };
        for cheque in held {
            match cheque.state {
                ChequeState::Promised => tally.promised.add(cheque.amount),
                ChequeState::Received => tally.received.add(cheque.amount),
                ChequeState::Remitted => tally.remitted.add(cheque.amount),
            }
        }
        tally
    }

    /// AmapJ's "solde final": credit + remitted − ordered. Negative: still owed to the
    /// producer; positive: paid beyond the order (a credit to carry over or to refund).
    pub fn balance(&self) -> Money {
        self.credit + self.remitted.amount - self.ordered
    }

    /// What the member has handed in so far: cheques the AMAP holds or passed on.
    pub fn given(&self) -> Money {
        self.received.amount + self.remitted.amount
    }

    /// What the member still has to hand in, as they read it (never negative: paying beyond
    /// the order is the treasurer's "à rendre", not a debt of the member's).
    pub fn left_to_give(&self) -> Money {
        (self.ordered - self.credit - self.given()).max(Money::ZERO)
    }

    /// What the schedule covers beyond (or short of) the order: credit + every cheque −
    /// ordered. Not zero after a price change, a cancelled date or a joker: the schedule needs
    /// a new proposal.
    pub fn schedule_gap(&self) -> Money {
        self.credit + self.promised.amount + self.received.amount + self.remitted.amount
            - self.ordered
    }

    /// "Chèques à rendre": the AMAP holds cheques and what it holds or passed on already
    /// exceeds the order. The amount is the excess.
    pub fn to_return(&self) -> Option<Money> {
        let covered = self.credit + self.received.amount + self.remitted.amount;
        (self.received.cheques > 0 && covered > self.ordered).then(|| covered - self.ordered)
    }
}

/// One payment date of a template, as the remittance screen sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateStatus {
    pub date: NaiveDate,
    /// Cheques on that date, of every state.
    pub cheques: u32,
    /// Members whose cheque of that date is still only promised.
    pub missing: Vec<String>,
    pub remitted: bool,
}

impl DateStatus {
    fn waiting(&self) -> bool {
        self.cheques > 0 && !self.remitted
    }
}

/// The payment date AmapJ would remit next: the earliest one with cheques and no slip yet.
pub fn next_to_remit(dates: &[DateStatus]) -> Option<NaiveDate> {
    dates.iter().filter(|d| d.waiting()).map(|d| d.date).min()
}

/// The field remittance problems are reported on.
pub const REMIT_FIELD: &str = "payment_date";

/// Whether `date` may be remitted now. Every cheque of that date must be at the AMAP (the
/// problem names who is missing); a date other than the earliest needs `confirmed`.
pub fn check_remit(date: NaiveDate, dates: &[DateStatus], confirmed: bool) -> Result<(), Problem> {
    let problem = |code| Problem::new(REMIT_FIELD, code);
    let Some(status) = dates.iter().find(|d| d.date == date) else {
        return Err(problem(ProblemCode::NothingToRemit));
    };
    if status.remitted {
        return Err(problem(ProblemCode::DateRemitted));
    }
    if status.cheques == 0 {
        return Err(problem(ProblemCode::NothingToRemit));
    }
    if !status.missing.is_empty() {
        let mut p = problem(ProblemCode::ChequesMissing);
        p.detail = Some(status.missing.join(", "));
        return Err(p);
    }
    match next_to_remit(dates) {
        Some(first) if first != date && !confirmed => {
            let mut p = problem(ProblemCode::NotEarliest);
            p.detail = Some(crate::domain::contract::agenda::day_month_year(first));
            Err(p)
        }
        _ => Ok(()),
    }
}

/// A slip's stored total against the cheques it holds: the deposit slip is printed only when
/// both agree (AmapJ left this as a TODO).
pub fn slip_consistent(total: Money, count: u32, cheques: &[Money]) -> bool {
    cheques.iter().copied().sum::<Money>() == total && cheques.len() == count as usize
}

/// Identical amounts together, in date order of their first cheque: "3 chèques de 20 € :
/// janvier, février, mars".
pub fn group_by_amount(cheques: &[(NaiveDate, Money)]) -> Vec<(Money, Vec<NaiveDate>)> {
    let mut sorted = cheques.to_vec();
    sorted.sort();
    let mut groups: Vec<(Money, Vec<NaiveDate>)> = Vec::new();
    for (date, amount) in sorted {
        match groups.iter_mut().find(|(a, _)| *a == amount) {
            Some((_, dates)) => dates.push(date),
            None => groups.push((amount, vec![date])),
        }
    }
    groups
}

/// Where a contract's credit goes: the member's contract with the same producer whose first
/// delivery comes next after `after` (candidates are `(key, first delivery)`).
pub fn next_contract<K: Copy>(after: NaiveDate, candidates: &[(K, NaiveDate)]) -> Option<K> {
    candidates
        .iter()
        .filter(|(_, first)| *first > after)
        .min_by_key(|(_, first)| *first)
        .map(|(key, _)| *key)
}

/// The credit that may move out of a contract: its positive balance, nothing else.
pub fn carry_over(tally: &Tally) -> Result<Money, Problem> {
    let balance = tally.balance();
    if balance > Money::ZERO {
        Ok(balance)
    } else {
        Err(Problem::new("credit", ProblemCode::NothingToCarry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::payment::proposal::tests::day;
    use ChequeState::*;

    fn euros(e: i64) -> Money {
        Money::from_cents(e * 100)
    }

    fn held(month: u32, e: i64, state: ChequeState) -> Held {
        Held {
            date: day(month, 1),
            amount: euros(e),
            state,
        }
    }

    #[test]
    fn balance_counts_only_what_reached_the_producer() {
        let cheques = [
            held(1, 30, Remitted),
            held(2, 30, Received),
            held(3, 40, Promised),
        ];
        let tally = Tally::new(euros(100), euros(10), &cheques);
        assert_eq!(tally.balance(), euros(-60));
        assert_eq!(tally.schedule_gap(), euros(10));
        assert_eq!(
            (tally.promised.cheques, tally.received.amount),
            (1, euros(30))
        );
        assert_eq!(tally.to_return(), None);
    }

    #[test]
    fn a_member_reads_what_they_gave_and_what_is_left() {
        let cheques = [
            held(1, 30, Remitted),
            held(2, 30, Received),
            held(3, 40, Promised),
        ];
        let tally = Tally::new(euros(100), euros(10), &cheques);
        // Whether the AMAP still holds a cheque or passed it on, the member gave it.
        assert_eq!(
            (tally.given(), tally.left_to_give()),
            (euros(60), euros(30))
        );
        // Beyond the order is not a debt of the member's.
        let over = Tally::new(euros(40), Money::ZERO, &cheques[..2]);
        assert_eq!(over.left_to_give(), Money::ZERO);
    }

    #[test]
    fn cheques_to_return_when_the_amap_holds_more_than_owed() {
        // The producer stopped: the order fell to 40 €, 60 € of cheques are in.
        let cheques = [held(1, 30, Remitted), held(2, 30, Received)];
        let tally = Tally::new(euros(40), Money::ZERO, &cheques);
        assert_eq!(tally.to_return(), Some(euros(20)));
        // Nothing held at the AMAP: nothing to hand back, only a credit.
        let passed = Tally::new(euros(20), Money::ZERO, &cheques[..1]);
        assert_eq!((passed.to_return(), passed.balance()), (None, euros(10)));
        assert_eq!(carry_over(&passed), Ok(euros(10)));
        assert_eq!(
            carry_over(&Tally::new(euros(40), Money::ZERO, &cheques)),
            Err(Problem::new("credit", ProblemCode::NothingToCarry))
        );
    }

    fn status(month: u32, cheques: u32, missing: &[&str], remitted: bool) -> DateStatus {
        DateStatus {
            date: day(month, 1),
            cheques,
            missing: missing.iter().map(|s| s.to_string()).collect(),
            remitted,
        }
    }

    #[test]
    fn the_earliest_complete_date_is_remitted_first() {
        let dates = [
            status(1, 3, &[], true),
            status(2, 0, &[], false),
            status(3, 2, &[], false),
            status(4, 2, &["Dupont Marie", "Roux Paul"], false),
            status(5, 1, &[], false),
        ];
        assert_eq!(next_to_remit(&dates), Some(day(3, 1)));
        assert_eq!(check_remit(day(3, 1), &dates, false), Ok(()));
        let code = |month, confirmed| {
            check_remit(day(month, 1), &dates, confirmed).map_err(|p| (p.code, p.detail))
        };
        assert_eq!(code(1, false), Err((ProblemCode::DateRemitted, None)));
        assert_eq!(code(2, false), Err((ProblemCode::NothingToRemit, None)));
        assert_eq!(code(6, false), Err((ProblemCode::NothingToRemit, None)));
        assert_eq!(
            code(4, true),
            Err((
                ProblemCode::ChequesMissing,
                Some("Dupont Marie, Roux Paul".into())
            ))
        );
        assert_eq!(
            code(5, false),
            Err((ProblemCode::NotEarliest, Some("01/03/2025".into())))
        );
        assert_eq!(code(5, true), Ok(()));
    }

    #[test]
    fn a_slip_agrees_with_its_cheques() {
        let amounts = [euros(20), euros(15)];
        assert!(slip_consistent(euros(35), 2, &amounts));
        assert!(!slip_consistent(euros(35), 3, &amounts));
        assert!(!slip_consistent(euros(36), 2, &amounts));
    }

    #[test]
    fn identical_cheques_are_grouped_in_date_order() {
        let cheques = [
            (day(3, 1), euros(20)),
            (day(1, 1), euros(20)),
            (day(4, 1), euros(15)),
            (day(2, 1), euros(20)),
        ];
        assert_eq!(
            group_by_amount(&cheques),
            [
                (euros(20), vec![day(1, 1), day(2, 1), day(3, 1)]),
                (euros(15), vec![day(4, 1)])
            ]
        );
    }

    #[test]
    fn a_credit_goes_to_the_next_contract_with_the_producer() {
        let candidates = [
            ("autumn", day(9, 1)),
            ("old", day(1, 1)),
            ("winter", day(12, 1)),
        ];
        assert_eq!(next_contract(day(6, 1), &candidates), Some("autumn"));
        assert_eq!(next_contract(day(12, 1), &candidates), None);
    }
}
