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
    pub date: NaiveDate,
    pub product: ProductId,
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
        self.0.iter().map(|(&(date, product), &qty)| Cell { date, product, qty })
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
    pub fn date_amount(&self, date: NaiveDate, price: impl Fn(ProductId) -> Option<Money>) -> Money {
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
        let unit = price(product).map_or(0, Money::cents);
        sum.saturating_add(unit.saturating_mul(i64::from(qty)))
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
