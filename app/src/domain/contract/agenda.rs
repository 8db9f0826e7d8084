//! Delivery dates as people read them: grouped by week or by month, written `dd/mm/yyyy`
//! (the server names dates in stock messages the same way).

use chrono::{Datelike, Days, NaiveDate};

/// How a list of deliveries is grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

/// The first day of the period holding `date`: its Monday, or the 1st of its month.
pub fn period_start(date: NaiveDate, period: Period) -> NaiveDate {
    match period {
        Period::Week => {
            let back = u64::from(date.weekday().num_days_from_monday());
            date.checked_sub_days(Days::new(back)).unwrap_or(date)
        }
        Period::Month => date.with_day(1).unwrap_or(date),
    }
}

/// `05/06/2025`.
pub fn day_month_year(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::template::fixtures::day;
    use proptest::prelude::*;

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        // Thursday 5 June 2025.
        let thursday = day(2025, 6, 5);
        assert_eq!(period_start(thursday, Period::Week), day(2025, 6, 2));
        assert_eq!(period_start(day(2025, 6, 2), Period::Week), day(2025, 6, 2));
        assert_eq!(period_start(day(2025, 6, 8), Period::Week), day(2025, 6, 2));
        // A week may straddle two months.
        assert_eq!(
            period_start(day(2025, 7, 3), Period::Week),
            day(2025, 6, 30)
        );
        assert_eq!(period_start(thursday, Period::Month), day(2025, 6, 1));
    }

    #[test]
    fn dates_read_the_french_way() {
        assert_eq!(day_month_year(day(2025, 6, 5)), "05/06/2025");
        assert_eq!(day_month_year(day(2026, 12, 31)), "31/12/2026");
    }

    proptest! {
        #[test]
        fn a_date_lies_within_the_week_and_month_it_is_grouped_in(offset in 0_u64..4000) {
            let date = day(2020, 1, 1) + Days::new(offset);
            let monday = period_start(date, Period::Week);
            prop_assert_eq!(monday.weekday(), chrono::Weekday::Mon);
            prop_assert!(monday <= date && date < monday + Days::new(7));
            let first = period_start(date, Period::Month);
            prop_assert_eq!((first.day(), first.month(), first.year()), (1, date.month(), date.year()));
        }
    }
}
