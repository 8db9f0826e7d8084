//! A stock pool's counters rebuilt from scratch, after a référent changed limits, dates or
//! products: the capacity of each (date, stock product) from the limits, what the contracts
//! hold from their consumption. A new limit below what members already hold is refused.

use super::stock::{StockLimit, StockUse, limit_for};
use crate::domain::ids::ProductId;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One counter: `used <= capacity` (the database holds it too, `CHECK`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counter {
    pub capacity: u32,
    pub used: u32,
}

/// A pair where contracts already hold more than the new capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overbooked {
    pub date: NaiveDate,
    pub product: ProductId,
    pub used: u32,
}

/// The pool's counters for the delivery `dates` of its templates, or every pair that would be
/// overbooked. Pairs without a limit have no counter (unlimited).
pub fn recount(
    limits: &[StockLimit],
    dates: &[NaiveDate],
    used: &StockUse,
) -> Result<BTreeMap<(NaiveDate, ProductId), Counter>, Vec<Overbooked>> {
    let mut counters = BTreeMap::new();
    for &date in dates {
        for limit in limits {
            if let Some(capacity) = limit_for(limits, date, limit.product) {
                let used = used.get(&(date, limit.product)).copied().unwrap_or(0);
                counters.insert((date, limit.product), Counter { capacity, used });
            }
        }
    }
    let overbooked: Vec<Overbooked> = counters
        .iter()
        .filter(|(_, c)| c.used > c.capacity)
        .map(|(&(date, product), c)| Overbooked {
            date,
            product,
            used: c.used,
        })
        .collect();
    if overbooked.is_empty() {
        Ok(counters)
    } else {
        Err(overbooked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).expect("date")
    }

    #[test]
    fn counters_follow_the_limits_and_refuse_what_is_already_held() {
        let basket = ProductId(1);
        let limits = [
            StockLimit {
                product: basket,
                date: None,
                available: 10,
            },
            StockLimit {
                product: basket,
                date: Some(day(10)),
                available: 2,
            },
        ];
        let mut used = StockUse::new();
        used.insert((day(3), basket), 4);
        let counters = recount(&limits, &[day(3), day(17)], &used).expect("fits");
        assert_eq!(
            counters[&(day(3), basket)],
            Counter {
                capacity: 10,
                used: 4
            }
        );
        assert_eq!(counters[&(day(17), basket)].used, 0);
        used.insert((day(10), basket), 3);
        let refused = recount(&limits, &[day(3), day(10)], &used).expect_err("3 > 2");
        assert_eq!(
            refused,
            [Overbooked {
                date: day(10),
                product: basket,
                used: 3
            }]
        );
    }
}
