//! Stock limits with conversion coefficients (reference §2.5, §13 rule 14).
//!
//! The pure part computes what a grid *consumes*; the server makes the database hold the
//! invariant "consumed ≤ available" with conditional updates, so two members can never
//! both take the last basket.

use super::grid::Quantities;
use crate::domain::ids::{ProducerId, ProductId, TemplateId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Units of `stock_product` available, on every date (`date: None`) or on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StockLimit {
    pub product: ProductId,
    #[serde(default)]
    #[serde(with = "crate::domain::wire::opt_date")]
    pub date: Option<NaiveDate>,
    pub available: u32,
}

/// Ordering one `product` consumes `coefficient` units of `stock_product`'s stock
/// (a large basket consumes 2 small ones). A product without a conversion consumes itself ×1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Conversion {
    pub product: ProductId,
    pub stock_product: ProductId,
    pub coefficient: u32,
}

/// Units consumed per (date, stock product).
pub type StockUse = BTreeMap<(NaiveDate, ProductId), u32>;

/// Whose counters a template's contracts draw from: its own, or its producer's when the
/// producer shares one stock across its templates. Stored as `t{id}` / `p{id}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StockPool {
    Template(TemplateId),
    Producer(ProducerId),
}

impl std::fmt::Display for StockPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StockPool::Template(id) => write!(f, "t{id}"),
            StockPool::Producer(id) => write!(f, "p{id}"),
        }
    }
}

impl std::str::FromStr for StockPool {
    type Err = ();

    /// Only what `Display` writes reads back; anything else is an error.
    fn from_str(raw: &str) -> Result<Self, ()> {
        let id = |digits: &str| {
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse::<i64>().ok())
                .flatten()
                .ok_or(())
        };
        match raw.split_at_checked(1) {
            Some(("t", rest)) => id(rest).map(|n| StockPool::Template(TemplateId(n))),
            Some(("p", rest)) => id(rest).map(|n| StockPool::Producer(ProducerId(n))),
            _ => Err(()),
        }
    }
}

/// What `grid` consumes, after conversions.
/// A product with several conversions uses the first one; zero consumptions are not stored.
pub fn consumption(grid: &Quantities, conversions: &[Conversion]) -> StockUse {
    let mut used = StockUse::new();
    for cell in grid.cells() {
        let (stock_product, coefficient) = conversions
            .iter()
            .find(|c| c.product == cell.product)
            .map_or((cell.product, 1), |c| (c.stock_product, c.coefficient));
        let units = cell.qty.saturating_mul(coefficient);
        if units > 0 {
            let entry = used.entry((cell.date, stock_product)).or_insert(0);
            *entry = entry.saturating_add(units);
        }
    }
    used
}

/// The limit that applies to (date, stock product): a per-date limit wins over an all-dates one.
/// Of several limits equally specific, the smallest applies.
pub fn limit_for(limits: &[StockLimit], date: NaiveDate, product: ProductId) -> Option<u32> {
    let smallest = |on: Option<NaiveDate>| {
        limits
            .iter()
            .filter(|l| l.product == product && l.date == on)
            .map(|l| l.available)
            .min()
    };
    smallest(Some(date)).or_else(|| smallest(None))
}

/// The (date, stock product) pairs where `others + mine` exceeds the limit; `others` is what
/// everyone else has already taken. Only pairs where `mine` grew are reported (lowering an
/// order is always allowed, even if a référent shrank the stock meanwhile).
pub fn shortages(
    limits: &[StockLimit],
    others: &StockUse,
    mine_before: &StockUse,
    mine_after: &StockUse,
) -> Vec<(NaiveDate, ProductId, u32)> {
    mine_after
        .iter()
        .filter(|(key, after)| **after > mine_before.get(key).copied().unwrap_or(0))
        .filter_map(|(&(date, product), &after)| {
            let limit = limit_for(limits, date, product)?;
            let taken = others.get(&(date, product)).copied().unwrap_or(0);
            (u64::from(taken) + u64::from(after) > u64::from(limit))
                .then(|| (date, product, limit.saturating_sub(taken)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pool_reads_back_only_as_written() {
        for pool in [
            StockPool::Template(TemplateId(12)),
            StockPool::Producer(ProducerId(3)),
        ] {
            assert_eq!(pool.to_string().parse::<StockPool>(), Ok(pool));
        }
        for bad in ["", "t", "x12", "t-1", "t1a", "p 3"] {
            assert!(bad.parse::<StockPool>().is_err(), "{bad}");
        }
    }
    use crate::domain::contract::grid::Cell;
    use crate::domain::contract::template::fixtures::*;
    use proptest::prelude::*;

    /// A large basket consumes two small ones.
    const LARGE_IS_TWO_SMALL: Conversion = Conversion {
        product: LARGE_BASKET,
        stock_product: SMALL_BASKET,
        coefficient: 2,
    };

    fn grid(cells: &[(NaiveDate, ProductId, u32)]) -> Quantities {
        cells
            .iter()
            .map(|&(date, product, qty)| Cell { date, product, qty })
            .collect::<Vec<_>>()
            .into()
    }

    #[test]
    fn a_large_basket_consumes_two_small_ones() {
        let d = day(2025, 6, 5);
        let mine = grid(&[(d, SMALL_BASKET, 1), (d, LARGE_BASKET, 2), (d, EGGS, 3)]);
        let used = consumption(&mine, &[LARGE_IS_TWO_SMALL]);
        assert_eq!(used.get(&(d, SMALL_BASKET)), Some(&5));
        assert_eq!(used.get(&(d, LARGE_BASKET)), None);
        assert_eq!(used.get(&(d, EGGS)), Some(&3));
        assert_eq!(used.len(), 2);
    }

    #[test]
    fn a_per_date_limit_wins_over_the_all_dates_one() {
        let (d, other) = (day(2025, 6, 5), day(2025, 6, 12));
        let limits = [
            StockLimit {
                product: SMALL_BASKET,
                date: None,
                available: 40,
            },
            StockLimit {
                product: SMALL_BASKET,
                date: Some(d),
                available: 25,
            },
            StockLimit {
                product: SMALL_BASKET,
                date: Some(d),
                available: 30,
            },
        ];
        assert_eq!(limit_for(&limits, d, SMALL_BASKET), Some(25));
        assert_eq!(limit_for(&limits, other, SMALL_BASKET), Some(40));
        assert_eq!(limit_for(&limits, d, EGGS), None);
    }

    #[test]
    fn the_last_small_baskets_go_to_whoever_asks_first() {
        let d = day(2025, 6, 5);
        let limits = [StockLimit {
            product: SMALL_BASKET,
            date: None,
            available: 20,
        }];
        let others = StockUse::from([((d, SMALL_BASKET), 17)]);
        let before = StockUse::new();
        // One large basket (2 units) fits in the 3 left; two (4 units) do not.
        let one = consumption(&grid(&[(d, LARGE_BASKET, 1)]), &[LARGE_IS_TWO_SMALL]);
        assert!(shortages(&limits, &others, &before, &one).is_empty());
        let two = consumption(&grid(&[(d, LARGE_BASKET, 2)]), &[LARGE_IS_TWO_SMALL]);
        assert_eq!(
            shortages(&limits, &others, &before, &two),
            vec![(d, SMALL_BASKET, 3)]
        );
    }

    #[test]
    fn lowering_an_order_is_allowed_even_over_a_shrunk_stock() {
        let d = day(2025, 6, 5);
        // The référent cut the stock to 10 while 12 were already ordered.
        let limits = [StockLimit {
            product: EGGS,
            date: Some(d),
            available: 10,
        }];
        let others = StockUse::from([((d, EGGS), 8)]);
        let before = StockUse::from([((d, EGGS), 4)]);
        let lower = StockUse::from([((d, EGGS), 3)]);
        let same = before.clone();
        assert!(shortages(&limits, &others, &before, &lower).is_empty());
        assert!(shortages(&limits, &others, &before, &same).is_empty());
        // Growing it reports what is left to me: nothing (saturating, not negative).
        let more = StockUse::from([((d, EGGS), 5)]);
        assert_eq!(
            shortages(&limits, &others, &before, &more),
            vec![(d, EGGS, 2)]
        );
        let crowded = StockUse::from([((d, EGGS), 11)]);
        assert_eq!(
            shortages(&limits, &crowded, &before, &more),
            vec![(d, EGGS, 0)]
        );
    }

    #[test]
    fn unlimited_products_never_run_short() {
        let d = day(2025, 6, 5);
        let mine = StockUse::from([((d, WINE), u32::MAX)]);
        assert!(shortages(&[], &mine, &StockUse::new(), &mine).is_empty());
    }

    fn any_use() -> impl Strategy<Value = StockUse> {
        proptest::collection::btree_map((0_u64..4, 1_i64..4), 0_u32..30, 0..10).prop_map(|m| {
            m.into_iter()
                .map(|((offset, p), q)| {
                    (
                        (day(2025, 6, 5) + chrono::Days::new(offset), ProductId(p)),
                        q,
                    )
                })
                .collect()
        })
    }

    fn any_limits() -> impl Strategy<Value = Vec<StockLimit>> {
        proptest::collection::vec((1_i64..4, proptest::option::of(0_u64..4), 0_u32..40), 0..6)
            .prop_map(|v| {
                v.into_iter()
                    .map(|(p, offset, available)| StockLimit {
                        product: ProductId(p),
                        date: offset.map(|o| day(2025, 6, 5) + chrono::Days::new(o)),
                        available,
                    })
                    .collect()
            })
    }

    proptest! {
        #[test]
        fn shortages_are_empty_iff_every_grown_pair_fits(
            limits in any_limits(),
            others in any_use(),
            before in any_use(),
            after in any_use(),
        ) {
            let found = shortages(&limits, &others, &before, &after);
            let fits = after.iter().all(|(&(date, product), &mine)| {
                mine <= before.get(&(date, product)).copied().unwrap_or(0)
                    || limit_for(&limits, date, product).is_none_or(|limit| {
                        others.get(&(date, product)).copied().unwrap_or(0) + mine <= limit
                    })
            });
            prop_assert_eq!(found.is_empty(), fits);
            for (date, product, left) in found {
                let limit = limit_for(&limits, date, product).expect("a shortage has a limit");
                let taken = others.get(&(date, product)).copied().unwrap_or(0);
                prop_assert_eq!(left, limit.saturating_sub(taken));
                prop_assert!(after[&(date, product)] > left);
            }
        }

        #[test]
        fn consumption_counts_every_unit_times_its_coefficient(
            cells in proptest::collection::vec((0_u64..4, 1_i64..5, 0_u32..20), 0..20),
            coefficient in 0_u32..4,
        ) {
            let q = grid(&cells.iter().map(|&(o, p, n)| (day(2025, 6, 5) + chrono::Days::new(o), ProductId(p), n)).collect::<Vec<_>>());
            let conversion = Conversion { coefficient, ..LARGE_IS_TWO_SMALL };
            let used = consumption(&q, &[conversion]);
            let expected: u32 = q.cells().map(|c| if c.product == LARGE_BASKET { c.qty * coefficient } else { c.qty }).sum();
            prop_assert_eq!(used.values().sum::<u32>(), expected);
            prop_assert!(used.keys().all(|(_, p)| *p != LARGE_BASKET));
            prop_assert!(used.values().all(|u| *u > 0));
        }
    }
}
