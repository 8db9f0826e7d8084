//! What a producer delivers: the contracts' quantities summed, keeping only what is actually
//! delivered (nothing on a cancelled date, nor of a product cancelled on that date), per
//! date with running totals and its value at the template's prices.

use super::grid::Quantities;
use super::template::Offer;
use crate::domain::money::Money;
use chrono::NaiveDate;

/// Σ of the grids, cancelled dates and products left out.
pub fn delivered<'a>(offer: &Offer, grids: impl Iterator<Item = &'a Quantities>) -> Quantities {
    let mut sum = Quantities::new();
    for cell in grids.flat_map(Quantities::cells) {
        if offer.is_open(cell.date, cell.product) {
            let qty = sum.get(cell.date, cell.product).saturating_add(cell.qty);
            sum.set(cell.date, cell.product, qty);
        }
    }
    sum
}

/// One delivery date of a synthesis; quantities in the offer's product order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateLine {
    pub date: NaiveDate,
    pub cancelled: bool,
    pub quantities: Vec<u32>,
    /// Running totals up to and including this date ("cumul").
    pub cumulative: Vec<u32>,
    pub amount: Money,
}

/// Every date of the offer with what is delivered then; and the totals per product.
pub fn by_date(offer: &Offer, delivered: &Quantities) -> (Vec<DateLine>, Vec<u32>) {
    let mut running = vec![0_u32; offer.products.len()];
    let lines = offer
        .dates
        .iter()
        .map(|&date| {
            let quantities: Vec<u32> = offer
                .products
                .iter()
                .map(|p| delivered.get(date, p.id))
                .collect();
            for (total, qty) in running.iter_mut().zip(&quantities) {
                *total = total.saturating_add(*qty);
            }
            DateLine {
                date,
                cancelled: !offer.delivers_on(date),
                quantities,
                cumulative: running.clone(),
                amount: delivered.date_amount(date, |p| offer.price_of(p)),
            }
        })
        .collect();
    (lines, running)
}

/// Column sums of rows of quantities (a delivery sheet's totals line).
pub fn column_totals<'a>(rows: impl Iterator<Item = &'a [u32]>, columns: usize) -> Vec<u32> {
    let mut totals = vec![0_u32; columns];
    for row in rows {
        for (total, qty) in totals.iter_mut().zip(row) {
            *total = total.saturating_add(*qty);
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::template::{Exclusion, fixtures};

    #[test]
    fn a_cancelled_date_or_product_counts_for_nothing() {
        let mut offer = fixtures::offer();
        let (first, second) = (offer.dates[0], offer.dates[1]);
        let (small, large) = (offer.products[0].id, offer.products[1].id);
        offer.exclusions = vec![
            Exclusion {
                date: second,
                product: None,
            },
            Exclusion {
                date: first,
                product: Some(large),
            },
        ];
        let mut a = Quantities::new();
        a.set(first, small, 2);
        a.set(first, large, 1);
        a.set(second, small, 5);
        let mut b = Quantities::new();
        b.set(first, small, 1);
        let sum = delivered(&offer, [&a, &b].into_iter());
        assert_eq!(sum.get(first, small), 3);
        assert_eq!(sum.get(first, large), 0);
        assert_eq!(sum.get(second, small), 0);
        let (lines, totals) = by_date(&offer, &sum);
        assert_eq!(lines[0].quantities[0], 3);
        assert_eq!(lines[0].amount, Money::from_cents(3 * 1_200));
        assert!(lines[1].cancelled);
        assert_eq!(lines[1].cumulative, lines[0].cumulative);
        assert_eq!(totals[0], 3);
        let rows = [vec![1, 2], vec![3, 4]];
        assert_eq!(column_totals(rows.iter().map(Vec::as_slice), 2), vec![4, 6]);
    }
}
