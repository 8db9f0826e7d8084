//! Delivery calendars (reference §2.2 "Date generation", §13 rule 8).

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// How a calendar is generated between a first and a last date (both inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// A single delivery on the first date.
    Once,
    /// first, +7 days, … while ≤ last.
    Weekly,
    /// first, +14 days, … while ≤ last.
    Fortnightly,
    /// Every date stepping 7 days from `first` whose rank of weekday in its month equals
    /// that of `first` (e.g. every 1st Thursday). A 5th-weekday start skips months without one.
    MonthlySameWeekday,
}

/// The generated dates, ascending; empty when `last < first`.
pub fn generate_dates(frequency: Frequency, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    if last < first {
        return Vec::new();
    }
    let step = match frequency {
        Frequency::Once => return vec![first],
        Frequency::Weekly | Frequency::MonthlySameWeekday => 7,
        Frequency::Fortnightly => 14,
    };
    let rank = weekday_rank(first);
    // `checked_add_days` ends the walk at the end of chrono's calendar instead of panicking.
    std::iter::successors(Some(first), |d| d.checked_add_days(Days::new(step)))
        .take_while(|d| *d <= last)
        .filter(|d| frequency != Frequency::MonthlySameWeekday || weekday_rank(*d) == rank)
        .collect()
}

/// Rank (1..=5) of `date`'s weekday within its month: the 1st Thursday is 1.
pub fn weekday_rank(date: NaiveDate) -> u32 {
    (date.day() - 1) / 7 + 1
}

/// Sorts and removes duplicates (a free list typed by a référent).
pub fn normalize(mut dates: Vec<NaiveDate>) -> Vec<NaiveDate> {
    dates.sort_unstable();
    dates.dedup();
    dates
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn once_is_the_first_date_only() {
        let first = day(2025, 5, 15);
        assert_eq!(
            generate_dates(Frequency::Once, first, day(2025, 12, 31)),
            vec![first]
        );
        assert_eq!(generate_dates(Frequency::Once, first, first), vec![first]);
    }

    #[test]
    fn an_end_before_the_start_gives_nothing() {
        for frequency in [
            Frequency::Once,
            Frequency::Weekly,
            Frequency::Fortnightly,
            Frequency::MonthlySameWeekday,
        ] {
            assert!(generate_dates(frequency, day(2025, 5, 15), day(2025, 5, 14)).is_empty());
        }
    }

    #[test]
    fn weekly_thursdays_include_the_last_date() {
        let dates = generate_dates(Frequency::Weekly, day(2025, 5, 1), day(2025, 5, 29));
        assert_eq!(
            dates,
            vec![
                day(2025, 5, 1),
                day(2025, 5, 8),
                day(2025, 5, 15),
                day(2025, 5, 22),
                day(2025, 5, 29)
            ]
        );
    }

    #[test]
    fn fortnightly_steps_fourteen_days() {
        let dates = generate_dates(Frequency::Fortnightly, day(2025, 5, 1), day(2025, 6, 11));
        assert_eq!(
            dates,
            vec![day(2025, 5, 1), day(2025, 5, 15), day(2025, 5, 29)]
        );
    }

    #[test]
    fn monthly_every_first_thursday_across_a_year() {
        // 2 January 2025 is the first Thursday of the year.
        let dates = generate_dates(
            Frequency::MonthlySameWeekday,
            day(2025, 1, 2),
            day(2025, 12, 31),
        );
        let expected: Vec<NaiveDate> = [
            (1, 2),
            (2, 6),
            (3, 6),
            (4, 3),
            (5, 1),
            (6, 5),
            (7, 3),
            (8, 7),
            (9, 4),
            (10, 2),
            (11, 6),
            (12, 4),
        ]
        .into_iter()
        .map(|(m, d)| day(2025, m, d))
        .collect();
        assert_eq!(dates, expected);
        assert!(dates.iter().all(|d| d.weekday() == Weekday::Thu));
    }

    #[test]
    fn monthly_from_a_fifth_weekday_skips_months_without_one() {
        // 29 May 2025 is the 5th Thursday of May; June has only four Thursdays.
        let dates = generate_dates(
            Frequency::MonthlySameWeekday,
            day(2025, 5, 29),
            day(2025, 10, 31),
        );
        assert_eq!(
            dates,
            vec![day(2025, 5, 29), day(2025, 7, 31), day(2025, 10, 30)]
        );
    }

    #[test]
    fn weekday_rank_counts_weeks_of_the_month() {
        assert_eq!(weekday_rank(day(2025, 5, 1)), 1);
        assert_eq!(weekday_rank(day(2025, 5, 7)), 1);
        assert_eq!(weekday_rank(day(2025, 5, 8)), 2);
        assert_eq!(weekday_rank(day(2025, 5, 28)), 4);
        assert_eq!(weekday_rank(day(2025, 5, 29)), 5);
        assert_eq!(weekday_rank(day(2025, 5, 31)), 5);
    }

    #[test]
    fn normalize_sorts_and_dedups_a_free_list() {
        let typed = vec![day(2025, 6, 5), day(2025, 5, 1), day(2025, 6, 5)];
        assert_eq!(normalize(typed), vec![day(2025, 5, 1), day(2025, 6, 5)]);
    }

    #[test]
    fn the_end_of_the_calendar_does_not_panic() {
        let dates = generate_dates(
            Frequency::Weekly,
            NaiveDate::MAX - Days::new(20),
            NaiveDate::MAX,
        );
        assert_eq!(dates.len(), 3);
    }

    fn any_frequency() -> impl Strategy<Value = Frequency> {
        prop_oneof![
            Just(Frequency::Once),
            Just(Frequency::Weekly),
            Just(Frequency::Fortnightly),
            Just(Frequency::MonthlySameWeekday),
        ]
    }

    proptest! {
        #[test]
        fn generated_calendars_are_sorted_unique_bounded_and_regular(
            frequency in any_frequency(),
            start in 0_u64..3_000,
            length in 0_u64..800,
        ) {
            let first = day(2020, 1, 1) + Days::new(start);
            let last = first + Days::new(length);
            let dates = generate_dates(frequency, first, last);
            prop_assert!(dates.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(dates.iter().all(|d| first <= *d && *d <= last));
            prop_assert_eq!(dates.first(), Some(&first));
            prop_assert!(dates.iter().all(|d| d.weekday() == first.weekday()));
            match frequency {
                Frequency::Once => prop_assert_eq!(dates.len(), 1),
                Frequency::Weekly | Frequency::Fortnightly => {
                    let step = if frequency == Frequency::Weekly { 7 } else { 14 };
                    prop_assert!(dates.windows(2).all(|w| (w[1] - w[0]).num_days() == step));
                    // Nothing fits after the last generated date.
                    let after = *dates.last().expect("non-empty") + Days::new(step as u64);
                    prop_assert!(after > last);
                }
                Frequency::MonthlySameWeekday => {
                    let rank = weekday_rank(first);
                    prop_assert!(dates.iter().all(|d| weekday_rank(*d) == rank));
                    // At most one per month, and every month with such a day is present.
                    prop_assert!(dates.windows(2).all(|w| (w[0].year(), w[0].month()) != (w[1].year(), w[1].month())));
                    // Every day of the range on the same weekday and rank is a delivery.
                    let expected: Vec<NaiveDate> = first
                        .iter_days()
                        .take_while(|d| *d <= last)
                        .filter(|d| d.weekday() == first.weekday() && weekday_rank(*d) == rank)
                        .collect();
                    prop_assert_eq!(dates, expected);
                }
            }
        }

        #[test]
        fn an_end_before_the_start_is_always_empty(frequency in any_frequency(), start in 1_u64..3_000, back in 1_u64..400) {
            let first = day(2020, 1, 1) + Days::new(start);
            let last = first - Days::new(back);
            prop_assert!(generate_dates(frequency, first, last).is_empty());
        }
    }
}
