//! What a deposit slip ("bordereau de remise") takes: every cheque of its payment date that
//! is at the AMAP, and their total.

use super::cheque::{ChequeState, Held};
use crate::domain::money::Money;
use chrono::NaiveDate;

/// How many cheques a slip of `date` takes from `held`, and their total.
pub fn contents(held: &[Held], date: NaiveDate) -> (usize, Money) {
    held.iter()
        .filter(|c| c.date == date && c.state == ChequeState::Received)
        .fold((0, Money::ZERO), |(n, total), c| (n + 1, total + c.amount))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_takes_the_received_cheques_of_its_date_only() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).expect("date");
        let cheque = |d, cents, state| Held {
            date: day(d),
            amount: Money::from_cents(cents),
            state,
        };
        let held = [
            cheque(5, 2000, ChequeState::Received),
            cheque(5, 1500, ChequeState::Received),
            cheque(5, 1000, ChequeState::Promised),
            cheque(6, 3000, ChequeState::Received),
        ];
        assert_eq!(contents(&held, day(5)), (2, Money::from_cents(3500)));
        assert_eq!(contents(&held, day(7)), (0, Money::ZERO));
    }
}
