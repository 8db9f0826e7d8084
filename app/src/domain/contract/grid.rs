//! The quantities of one contract: a sparse date × product grid of whole units.

use crate::domain::ids::ProductId;
use crate::domain::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One non-zero cell, as sent over the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Cell {
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    pub product: ProductId,
    #[serde(deserialize_with = "crate::domain::ids::whole_u32")]
    pub qty: u32,
}

/// A sparse grid; zero cells are never stored (reference §13 rule 1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<Cell>", into = "Vec<Cell>")]
pub struct Quantities(BTreeMap<(NaiveDate, ProductId), u32>);

impl Quantities {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, date: NaiveDate, product: ProductId) -> u32 {
        self.0.get(&(date, product)).copied().unwrap_or(0)
    }

    /// Sets a cell; zero removes it.
    pub fn set(&mut self, date: NaiveDate, product: ProductId, qty: u32) {
        if qty == 0 {
            self.0.remove(&(date, product));
        } else {
            self.0.insert((date, product), qty);
        }
    }

    pub fn cells(&self) -> impl Iterator<Item = Cell> + '_ {
        self.0
            .iter()
            .map(|(&(date, product), &qty)| Cell { date, product, qty })
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Σ over dates for one product.
    pub fn product_total(&self, product: ProductId) -> u32 {
        self.0
            .iter()
            .filter(|((_, p), _)| *p == product)
            .fold(0, |sum, (_, &qty)| sum.saturating_add(qty))
    }

    /// Σ over products for one date.
    pub fn date_total(&self, date: NaiveDate) -> u32 {
        self.on_date(date)
            .fold(0, |sum, (_, qty)| sum.saturating_add(qty))
    }

    /// The non-zero cells of one date, by product.
    pub fn on_date(&self, date: NaiveDate) -> impl Iterator<Item = (ProductId, u32)> + '_ {
        self.0
            .range((date, ProductId(i64::MIN))..=(date, ProductId(i64::MAX)))
            .map(|(&(_, product), &qty)| (product, qty))
    }

    /// Value of one date: Σ qty × unit price (unknown products count 0).
    pub fn date_amount(
        &self,
        date: NaiveDate,
        price: impl Fn(ProductId) -> Option<Money>,
    ) -> Money {
        value(self.on_date(date), price)
    }

    /// Contract total `T = Σ qty × price` (reference §13 rule 1).
    pub fn amount(&self, price: impl Fn(ProductId) -> Option<Money>) -> Money {
        value(self.0.iter().map(|(&(_, p), &qty)| (p, qty)), price)
    }
}

/// Σ qty × price in whole cents; saturates rather than wrapping on absurd input.
fn value(
    cells: impl Iterator<Item = (ProductId, u32)>,
    price: impl Fn(ProductId) -> Option<Money>,
) -> Money {
    let cents = cells.fold(0_i64, |sum, (product, qty)| {
        let line = price(product).map_or(Money::ZERO, |unit| unit * qty);
        sum.saturating_add(line.cents())
    });
    Money::from_cents(cents)
}

impl From<Vec<Cell>> for Quantities {
    /// Later cells win; zero cells are dropped.
    fn from(cells: Vec<Cell>) -> Self {
        let mut q = Quantities::new();
        for c in cells {
            q.set(c.date, c.product, c.qty);
        }
        q
    }
}

impl From<Quantities> for Vec<Cell> {
    fn from(q: Quantities) -> Self {
        q.cells().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::template::fixtures::*;
    use proptest::prelude::*;

    fn price(product: ProductId) -> Option<Money> {
        offer().price_of(product)
    }

    fn sample() -> Quantities {
        let [a, b] = [day(2025, 6, 5), day(2025, 6, 12)];
        Quantities::from(vec![
            Cell {
                date: a,
                product: SMALL_BASKET,
                qty: 1,
            },
            Cell {
                date: a,
                product: EGGS,
                qty: 2,
            },
            Cell {
                date: b,
                product: SMALL_BASKET,
                qty: 1,
            },
            Cell {
                date: b,
                product: WINE,
                qty: 6,
            },
        ])
    }

    #[test]
    fn totals_by_product_and_by_date() {
        let q = sample();
        assert_eq!(q.product_total(SMALL_BASKET), 2);
        assert_eq!(q.product_total(WINE), 6);
        assert_eq!(q.product_total(LARGE_BASKET), 0);
        assert_eq!(q.date_total(day(2025, 6, 5)), 3);
        assert_eq!(q.date_total(day(2025, 6, 12)), 7);
        assert_eq!(q.date_total(day(2025, 6, 19)), 0);
    }

    #[test]
    fn amounts_are_qty_times_price_in_cents() {
        let q = sample();
        // 12,00 + 2 × 3,50 on the 5th; 12,00 + 6 × 8,00 on the 12th.
        assert_eq!(q.date_amount(day(2025, 6, 5), price).cents(), 1_900);
        assert_eq!(q.date_amount(day(2025, 6, 12), price).cents(), 6_000);
        assert_eq!(q.amount(price).cents(), 7_900);
        assert_eq!(q.amount(|_| None), Money::ZERO);
    }

    #[test]
    fn zero_cells_are_never_stored() {
        let mut q = sample();
        q.set(day(2025, 6, 5), EGGS, 0);
        assert_eq!(q.get(day(2025, 6, 5), EGGS), 0);
        assert_eq!(q.cells().count(), 3);
        let from_wire = Quantities::from(vec![Cell {
            date: day(2025, 6, 5),
            product: EGGS,
            qty: 0,
        }]);
        assert!(from_wire.is_empty());
    }

    #[test]
    fn later_cells_win_and_the_wire_form_is_a_list() {
        let d = day(2025, 6, 5);
        let q = Quantities::from(vec![
            Cell {
                date: d,
                product: EGGS,
                qty: 3,
            },
            Cell {
                date: d,
                product: EGGS,
                qty: 1,
            },
        ]);
        assert_eq!(q.get(d, EGGS), 1);
        let json = serde_json::to_string(&q).expect("json");
        assert_eq!(json, r#"[{"date":"2025-06-05","product":3,"qty":1}]"#);
        assert_eq!(serde_json::from_str::<Quantities>(&json).expect("parse"), q);
    }

    #[test]
    fn huge_quantities_saturate_instead_of_wrapping() {
        let d = day(2025, 6, 5);
        let mut q = Quantities::new();
        q.set(d, SMALL_BASKET, u32::MAX);
        q.set(d, LARGE_BASKET, u32::MAX);
        q.set(day(2025, 6, 12), SMALL_BASKET, u32::MAX);
        assert_eq!(q.date_total(d), u32::MAX);
        assert_eq!(q.product_total(SMALL_BASKET), u32::MAX);
        let dear = |_| Some(Money::from_cents(i64::MAX / 2));
        assert_eq!(q.amount(dear).cents(), i64::MAX);
        let refund = |_| Some(Money::from_cents(i64::MIN / 2));
        assert_eq!(q.amount(refund).cents(), i64::MIN);
    }

    fn any_grid() -> impl Strategy<Value = Quantities> {
        proptest::collection::vec((0_u64..60, 1_i64..6, 0_u32..50), 0..40).prop_map(|cells| {
            cells
                .into_iter()
                .map(|(offset, product, qty)| Cell {
                    date: day(2025, 1, 1) + chrono::Days::new(offset),
                    product: ProductId(product),
                    qty,
                })
                .collect::<Vec<_>>()
                .into()
        })
    }

    proptest! {
        #[test]
        fn the_total_is_the_sum_of_the_dates_and_of_the_products(q in any_grid()) {
            let dates: std::collections::BTreeSet<NaiveDate> = q.cells().map(|c| c.date).collect();
            let by_date: Money = dates.iter().map(|d| q.date_amount(*d, price)).sum();
            prop_assert_eq!(by_date, q.amount(price));
            let by_product: i64 = (1..6)
                .map(|p| i64::from(q.product_total(ProductId(p))) * price(ProductId(p)).map_or(0, Money::cents))
                .sum();
            prop_assert_eq!(by_product, q.amount(price).cents());
            let units: u32 = dates.iter().map(|d| q.date_total(*d)).sum();
            prop_assert_eq!(units, q.cells().map(|c| c.qty).sum::<u32>());
            prop_assert!(q.cells().all(|c| c.qty > 0));
        }
    }
}
