//! Stock limits with conversion coefficients (reference §2.5, §13 rule 14).
//!
//! The pure part computes what a grid *consumes*; the server makes the database hold the
//! invariant "consumed ≤ available" with conditional updates, so two members can never
//! both take the last basket.

use super::grid::Quantities;
use crate::domain::ids::ProductId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Units of `stock_product` available, on every date (`date: None`) or on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StockLimit {
    pub product: ProductId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
