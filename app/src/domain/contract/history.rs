//! When a member may withdraw a contract, and when it leaves "Mes contrats" for the history
//! (reference §2.8).

use super::LocalNow;
use super::deadline::Window;
use super::grid::Quantities;
use chrono::Days;

/// A member may withdraw while every date they ordered is still changeable for them (and the
/// window is open at all).
pub fn may_withdraw(window: &Window, grid: &Quantities) -> bool {
    *window != Window::Closed && grid.cells().all(|c| window.allows(c.date))
}

/// A contract moves to the history once the member can no longer change it and its last
/// ordered delivery is more than 5 days old.
pub fn is_finished(window: &Window, grid: &Quantities, now: LocalNow) -> bool {
    let last = grid.cells().map(|c| c.date).max();
    *window == Window::Closed
        && last.is_none_or(|last| {
            last.checked_add_days(Days::new(5))
                .is_some_and(|d| d < now.date())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ProductId;
    use chrono::NaiveDate;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    fn grid_on(dates: &[NaiveDate]) -> Quantities {
        let mut g = Quantities::new();
        for d in dates {
            g.set(*d, ProductId(1), 1);
        }
        g
    }

    fn noon(date: NaiveDate) -> LocalNow {
        date.and_hms_opt(12, 0, 0).expect("valid time")
    }

    #[test]
    fn withdrawing_needs_every_ordered_date_open() {
        let g = grid_on(&[day(12, 3), day(12, 10)]);
        assert!(may_withdraw(&Window::Open, &g));
        assert!(!may_withdraw(&Window::Closed, &g));
        assert!(!may_withdraw(&Window::LateFrom { from: day(12, 10) }, &g));
        assert!(may_withdraw(
            &Window::SomeDates {
                dates: vec![day(12, 3), day(12, 10)]
            },
            &g
        ));
        assert!(!may_withdraw(
            &Window::SomeDates {
                dates: vec![day(12, 10)]
            },
            &g
        ));
    }

    #[test]
    fn a_closed_contract_joins_the_history_five_days_after_its_last_delivery() {
        let g = grid_on(&[day(12, 3), day(12, 10)]);
        assert!(!is_finished(&Window::Closed, &g, noon(day(12, 15))));
        assert!(is_finished(&Window::Closed, &g, noon(day(12, 16))));
        assert!(!is_finished(&Window::Open, &g, noon(day(12, 31))));
    }
}
