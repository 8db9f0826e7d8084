//! What a change to a live template does to each contract ("Modifier en masse", reference
//! §2.3). The référent sees the impacted members before confirming; the server applies the
//! same function to every stored grid.

use super::grid::Quantities;
use super::template::Exclusion;
use crate::domain::ids::ProductId;
use crate::domain::money::Money;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateChange {
    AddDates(Vec<NaiveDate>),
    MoveDate {
        from: NaiveDate,
        to: NaiveDate,
    },
    DeleteDate(NaiveDate),
    /// Cancel ("barrer") a date, or one product on it: the quantities there are dropped.
    Cancel(Exclusion),
    Restore(Exclusion),
    SetPrice {
        product: ProductId,
        price: Money,
    },
    AddProduct {
        product: ProductId,
        price: Money,
    },
    RemoveProduct(ProductId),
}

/// The grid a contract has after the change.
pub fn regrid(grid: &Quantities, change: &TemplateChange) -> Quantities {
    let keep = |date: NaiveDate, product: ProductId| match change {
        TemplateChange::DeleteDate(d) => date != *d,
        TemplateChange::Cancel(e) => !(date == e.date && e.product.is_none_or(|p| p == product)),
        TemplateChange::RemoveProduct(p) => product != *p,
        _ => true,
    };
    let mut after = Quantities::new();
    for cell in grid.cells().filter(|c| keep(c.date, c.product)) {
        let date = match change {
            TemplateChange::MoveDate { from, to } if cell.date == *from => *to,
            _ => cell.date,
        };
        after.set(date, cell.product, after.get(date, cell.product) + cell.qty);
    }
    after
}

/// A contract's value before and after, at the old and new prices.
pub fn amounts(
    grid: &Quantities,
    change: &TemplateChange,
    price: impl Fn(ProductId) -> Option<Money>,
) -> (Money, Money) {
    let before = grid.amount(&price);
    let after = regrid(grid, change).amount(|p| match change {
        TemplateChange::SetPrice { product, price } if *product == p => Some(*price),
        _ => price(p),
    });
    (before, after)
}

/// Whether the change touches this contract at all (its cells or its value).
pub fn touches(
    grid: &Quantities,
    change: &TemplateChange,
    price: impl Fn(ProductId) -> Option<Money>,
) -> bool {
    let (before, after) = amounts(grid, change, &price);
    before != after || regrid(grid, change) != *grid
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).expect("valid date")
    }

    const VEG: ProductId = ProductId(1);
    const EGGS: ProductId = ProductId(2);

    fn price(p: ProductId) -> Option<Money> {
        Some(Money::from_cents(if p == VEG { 1500 } else { 300 }))
    }

    fn sample() -> Quantities {
        let mut g = Quantities::new();
        g.set(day(3), VEG, 1);
        g.set(day(3), EGGS, 2);
        g.set(day(10), VEG, 1);
        g
    }

    #[test]
    fn cancelling_a_date_drops_its_quantities_and_lowers_the_total() {
        let change = TemplateChange::Cancel(Exclusion {
            date: day(3),
            product: None,
        });
        let (before, after) = amounts(&sample(), &change, price);
        assert_eq!(before, Money::from_cents(3600));
        assert_eq!(after, Money::from_cents(1500));
        assert!(touches(&sample(), &change, price));
    }

    #[test]
    fn cancelling_one_product_on_a_date_keeps_the_others() {
        let change = TemplateChange::Cancel(Exclusion {
            date: day(3),
            product: Some(EGGS),
        });
        let after = regrid(&sample(), &change);
        assert_eq!(after.get(day(3), VEG), 1);
        assert_eq!(after.get(day(3), EGGS), 0);
    }

    #[test]
    fn a_price_change_touches_only_contracts_with_that_product() {
        let change = TemplateChange::SetPrice {
            product: EGGS,
            price: Money::from_cents(350),
        };
        let (_, after) = amounts(&sample(), &change, price);
        assert_eq!(after, Money::from_cents(3700));
        let mut veg_only = Quantities::new();
        veg_only.set(day(3), VEG, 2);
        assert!(!touches(&veg_only, &change, price));
    }

    #[test]
    fn moving_a_date_moves_the_basket_and_keeps_the_total() {
        let change = TemplateChange::MoveDate {
            from: day(10),
            to: day(11),
        };
        let after = regrid(&sample(), &change);
        assert_eq!(after.get(day(11), VEG), 1);
        assert_eq!(after.get(day(10), VEG), 0);
        let (before, after_amount) = amounts(&sample(), &change, price);
        assert_eq!(before, after_amount);
        assert!(touches(&sample(), &change, price));
    }

    proptest! {
        #[test]
        fn removing_a_product_never_raises_a_total(cells in prop::collection::vec((1u32..28, 1i64..4, 0u32..20), 0..30), p in 1i64..4) {
            let mut g = Quantities::new();
            for (d, prod, q) in cells { g.set(day(d), ProductId(prod), q); }
            let change = TemplateChange::RemoveProduct(ProductId(p));
            let (before, after) = amounts(&g, &change, price);
            prop_assert!(after <= before);
            prop_assert_eq!(regrid(&g, &change).product_total(ProductId(p)), 0);
        }

        #[test]
        fn adding_dates_or_products_changes_no_contract(cells in prop::collection::vec((1u32..28, 1i64..4, 0u32..20), 0..30)) {
            let mut g = Quantities::new();
            for (d, prod, q) in cells { g.set(day(d), ProductId(prod), q); }
            let add_date = TemplateChange::AddDates(vec![day(28)]);
            let add_product = TemplateChange::AddProduct { product: ProductId(9), price: Money::from_cents(100) };
            prop_assert!(!touches(&g, &add_date, price));
            prop_assert!(!touches(&g, &add_product, price));
        }
    }
}
