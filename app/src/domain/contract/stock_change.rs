//! What a référent's stock form asks for, and whether it fits the template: a limit names one
//! of the template's products (and, for one date, one of its dates); a conversion names two of
//! its products.

use super::stock::{Conversion, StockLimit};
use super::template::Offer;
use crate::domain::ids::ProductId;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;

/// A stock form, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StockChange {
    SetLimit(StockLimit),
    RemoveLimit {
        product: ProductId,
        date: Option<NaiveDate>,
    },
    SetConversion(Conversion),
}

pub fn check_stock_change(offer: &Offer, change: &StockChange) -> Result<(), Problem> {
    let in_template = |p: ProductId| offer.products.iter().any(|o| o.id == p);
    let unknown = |field: &str| Err(Problem::new(field, ProblemCode::UnknownValue));
    match change {
        StockChange::SetLimit(limit) if !in_template(limit.product) => unknown("product_id"),
        StockChange::SetLimit(StockLimit {
            date: Some(date), ..
        }) if offer.dates.binary_search(date).is_err() => unknown("date"),
        StockChange::SetConversion(c)
            if !in_template(c.product) || !in_template(c.stock_product) =>
        {
            unknown("stock_product_id")
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::template::fixtures;

    #[test]
    fn a_stock_change_names_only_the_templates_products_and_dates() {
        let offer = fixtures::offer();
        let known = offer.products[0].id;
        let limit = |product, date| {
            StockChange::SetLimit(StockLimit {
                product,
                date,
                available: 10,
            })
        };
        assert!(check_stock_change(&offer, &limit(known, None)).is_ok());
        assert!(check_stock_change(&offer, &limit(known, Some(offer.dates[0]))).is_ok());
        let field = |change: &StockChange| check_stock_change(&offer, change).map_err(|p| p.field);
        assert_eq!(
            field(&limit(ProductId(999), None)),
            Err("product_id".into())
        );
        let off_calendar = NaiveDate::from_ymd_opt(1999, 1, 1).expect("date");
        assert_eq!(field(&limit(known, Some(off_calendar))), Err("date".into()));
        let conversion = StockChange::SetConversion(Conversion {
            product: known,
            stock_product: ProductId(999),
            coefficient: 2,
        });
        assert_eq!(field(&conversion), Err("stock_product_id".into()));
        let removal = StockChange::RemoveLimit {
            product: ProductId(999),
            date: None,
        };
        assert!(
            check_stock_change(&offer, &removal).is_ok(),
            "removing nothing is harmless"
        );
    }
}
