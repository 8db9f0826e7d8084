//! Payment dates derived from delivery dates (reference §3.1, §13 rule 7;
//! AmapJ `GestionContratDateUtils.calculDatePaiement`).

use crate::domain::problem::{Problem, ProblemCode};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The form field a free list of payment dates is entered in.
pub const FIELD: &str = "payment_dates";

/// How a template's payment dates follow from its delivery dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentDates {
    /// The first delivery date of each calendar month that has a delivery
    /// (UN_PAIEMENT_PAR_MOIS_PREMIERE_LIVRAISON).
    FirstDeliveryOfMonth,
    /// The 1st of each calendar month that has a delivery (UN_PAIEMENT_PAR_MOIS_DEBUT_MOIS).
    FirstOfMonth,
    /// Every delivery date (UN_PAIEMENT_PAR_LIVRAISON).
    EachDelivery,
    /// A list chosen by the référent (AUTRE); a date listed twice is refused.
    Free(#[serde(with = "crate::domain::wire::dates")] Vec<NaiveDate>),
}

impl PaymentDates {
    /// The payment dates, sorted and unique. `deliveries` may come in any order and repeat.
    /// A free list naming a date twice is refused ("Il y a une date de paiement en doublon").
    pub fn resolve(&self, deliveries: &[NaiveDate]) -> Result<Vec<NaiveDate>, Problem> {
        let mut deliveries = deliveries.to_vec();
        deliveries.sort_unstable();
        deliveries.dedup();
        let mut dates = match self {
            Self::FirstDeliveryOfMonth => {
                // Sorted, so the first date seen in a month is that month's first delivery.
                let mut firsts: Vec<NaiveDate> = Vec::new();
                for date in deliveries {
                    if firsts.last().is_none_or(|last| !same_month(*last, date)) {
                        firsts.push(date);
                    }
                }
                firsts
            }
            Self::FirstOfMonth => deliveries.iter().filter_map(|d| d.with_day(1)).collect(),
            Self::EachDelivery => deliveries,
            Self::Free(chosen) => {
                let mut chosen = chosen.clone();
                chosen.sort_unstable();
                if chosen.windows(2).any(|pair| pair[0] == pair[1]) {
                    return Err(Problem::new(FIELD, ProblemCode::Taken));
                }
                chosen
            }
        };
        dates.dedup();
        Ok(dates)
    }
}

fn same_month(a: NaiveDate, b: NaiveDate) -> bool {
    (a.year(), a.month()) == (b.year(), b.month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    /// Thursdays from late May to early July 2025, given out of order with a repeat.
    fn season() -> Vec<NaiveDate> {
        vec![
            day(2025, 6, 12),
            day(2025, 5, 29),
            day(2025, 6, 5),
            day(2025, 7, 3),
            day(2025, 6, 19),
            day(2025, 6, 5),
            day(2025, 6, 26),
        ]
    }

    #[test]
    fn first_delivery_of_each_month() {
        let dates = PaymentDates::FirstDeliveryOfMonth.resolve(&season());
        assert_eq!(
            dates,
            Ok(vec![day(2025, 5, 29), day(2025, 6, 5), day(2025, 7, 3)])
        );
    }

    #[test]
    fn first_of_each_month_with_a_delivery() {
        let dates = PaymentDates::FirstOfMonth.resolve(&season());
        assert_eq!(
            dates,
            Ok(vec![day(2025, 5, 1), day(2025, 6, 1), day(2025, 7, 1)])
        );
    }

    #[test]
    fn each_delivery_once_in_order() {
        let dates = PaymentDates::EachDelivery
            .resolve(&season())
            .expect("dates");
        assert_eq!(dates.len(), 6);
        assert!(dates.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn free_dates_are_sorted_and_duplicates_refused() {
        let free = PaymentDates::Free(vec![day(2025, 9, 1), day(2025, 8, 1)]);
        assert_eq!(
            free.resolve(&season()),
            Ok(vec![day(2025, 8, 1), day(2025, 9, 1)])
        );
        let twice = PaymentDates::Free(vec![day(2025, 8, 1), day(2025, 9, 1), day(2025, 8, 1)]);
        assert_eq!(
            twice.resolve(&season()),
            Err(Problem::new("payment_dates", ProblemCode::Taken))
        );
    }

    #[test]
    fn no_delivery_means_no_computed_payment_date() {
        for rule in [
            PaymentDates::FirstDeliveryOfMonth,
            PaymentDates::FirstOfMonth,
            PaymentDates::EachDelivery,
        ] {
            assert_eq!(rule.resolve(&[]), Ok(vec![]));
        }
    }

    proptest! {
        #[test]
        fn monthly_dates_are_one_per_delivery_month(offsets in proptest::collection::vec(0_u64..400, 0..30)) {
            let deliveries: Vec<NaiveDate> = offsets.iter().map(|o| day(2025, 1, 1) + chrono::Days::new(*o)).collect();
            let months: std::collections::BTreeSet<(i32, u32)> = deliveries.iter().map(|d| (d.year(), d.month())).collect();
            for rule in [PaymentDates::FirstDeliveryOfMonth, PaymentDates::FirstOfMonth] {
                let dates = rule.resolve(&deliveries).expect("computed dates");
                prop_assert_eq!(dates.len(), months.len());
                prop_assert!(dates.windows(2).all(|pair| pair[0] < pair[1]));
            }
            for date in PaymentDates::FirstDeliveryOfMonth.resolve(&deliveries).expect("dates") {
                prop_assert!(deliveries.contains(&date));
                prop_assert!(deliveries.iter().all(|d| !same_month(*d, date) || *d >= date));
            }
        }
    }
}
