//! The dates of a rota period, from a frequency: every week, every other week, or the same
//! weekday of each month ("le 2e samedi"), between a first and a last date.

use super::super::names::names;
use super::super::{Problem, ProblemCode};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Most dates one period may have (two years of weekly distributions).
pub const DATES_MAX: usize = 110;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    Fortnightly,
    /// The same n-th weekday as the first date, each month (a month without a fifth
    /// Saturday has no distribution that month).
    Monthly,
}

names!(Frequency {
    Weekly = "weekly",
    Fortnightly = "fortnightly",
    Monthly = "monthly",
});

/// The dates from `first` to `last` (both included) at `frequency`; refused on `last_date`
/// when `last` is before `first` or the period would have more than [`DATES_MAX`] dates.
pub fn dates(
    first: NaiveDate,
    last: NaiveDate,
    frequency: Frequency,
) -> Result<Vec<NaiveDate>, Problem> {
    if last < first {
        return Err(Problem::new("last_date", ProblemCode::InvalidDate));
    }
    let too_many = || Problem::with_limit("last_date", ProblemCode::AtMost, DATES_MAX as u32);
    let mut found = Vec::new();
    match frequency {
        Frequency::Weekly | Frequency::Fortnightly => {
            let step = if frequency == Frequency::Weekly {
                7
            } else {
                14
            };
            let mut day = first;
            while day <= last {
                if found.len() == DATES_MAX {
                    return Err(too_many());
                }
                found.push(day);
                match day.checked_add_days(Days::new(step)) {
                    Some(next) => day = next,
                    None => break,
                }
            }
        }
        Frequency::Monthly => {
            let rank = (first.day() - 1) / 7;
            let mut month = first.with_day(1).expect("the first of a month exists");
            while month <= last {
                if let Some(day) = nth_weekday(month, first.weekday(), rank)
                    && day >= first
                    && day <= last
                {
                    if found.len() == DATES_MAX {
                        return Err(too_many());
                    }
                    found.push(day);
                }
                match month.checked_add_months(Months::new(1)) {
                    Some(next) => month = next,
                    None => break,
                }
            }
        }
    }
    Ok(found)
}

/// The `rank`-th (0-based) `weekday` of the month starting at `month`, if that month has it.
fn nth_weekday(month: NaiveDate, weekday: chrono::Weekday, rank: u32) -> Option<NaiveDate> {
    let offset = (7 + weekday.num_days_from_monday() - month.weekday().num_days_from_monday()) % 7;
    let day = month.checked_add_days(Days::new(u64::from(offset + 7 * rank)))?;
    (day.month() == month.month()).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn weekly_and_fortnightly_step_from_the_first_date() {
        let weekly =
            dates(day(2026, 12, 5), day(2026, 12, 26), Frequency::Weekly).expect("valid dates");
        assert_eq!(
            weekly,
            [
                day(2026, 12, 5),
                day(2026, 12, 12),
                day(2026, 12, 19),
                day(2026, 12, 26)
            ]
        );
        let fortnightly = dates(day(2026, 12, 5), day(2026, 12, 26), Frequency::Fortnightly)
            .expect("valid dates");
        assert_eq!(fortnightly, [day(2026, 12, 5), day(2026, 12, 19)]);
    }

    #[test]
    fn monthly_keeps_the_rank_of_the_weekday() {
        // 2026-12-12 is the second Saturday of December.
        let monthly =
            dates(day(2026, 12, 12), day(2027, 3, 31), Frequency::Monthly).expect("valid dates");
        assert_eq!(
            monthly,
            [
                day(2026, 12, 12),
                day(2027, 1, 9),
                day(2027, 2, 13),
                day(2027, 3, 13)
            ]
        );
    }

    #[test]
    fn a_month_without_a_fifth_weekday_is_skipped() {
        // 2026-10-31 is the fifth Saturday of October; November has none, January has one.
        let monthly =
            dates(day(2026, 10, 31), day(2027, 1, 31), Frequency::Monthly).expect("valid dates");
        assert_eq!(monthly, [day(2026, 10, 31), day(2027, 1, 30)]);
    }

    #[test]
    fn bad_bounds_are_refused_on_the_last_date() {
        let backwards = dates(day(2026, 12, 5), day(2026, 12, 4), Frequency::Weekly);
        assert_eq!(
            backwards.expect_err("refused").code,
            ProblemCode::InvalidDate
        );
        let years = dates(day(2026, 1, 1), day(2030, 1, 1), Frequency::Weekly);
        assert_eq!(years.expect_err("refused").code, ProblemCode::AtMost);
    }

    proptest! {
        /// Every date lies in the bounds, on the first date's weekday, in order, without
        /// repeats; weekly dates are exactly a week apart.
        #[test]
        fn dates_keep_the_weekday_and_the_bounds(
            start in 0u64..3000, length in 0u64..600, pick in 0usize..3,
        ) {
            let first = day(2024, 1, 1) + Days::new(start);
            let last = first + Days::new(length);
            let frequency = Frequency::ALL[pick];
            let Ok(found) = dates(first, last, frequency) else {
                prop_assert!(length / 7 >= DATES_MAX as u64 - 1);
                return Ok(());
            };
            prop_assert_eq!(found.first().copied(), Some(first));
            for pair in found.windows(2) {
                prop_assert!(pair[0] < pair[1]);
                if frequency == Frequency::Weekly {
                    prop_assert_eq!((pair[1] - pair[0]).num_days(), 7);
                }
            }
            for d in &found {
                prop_assert!(*d >= first && *d <= last);
                prop_assert_eq!(d.weekday(), first.weekday());
            }
        }
    }
}
