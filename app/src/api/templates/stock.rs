//! Stock limits and conversions.

use super::*;

/// Set (or with an empty `available`, remove) a stock limit.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct StockForm {
    #[cfg_attr(feature = "ssr", schema(required = true, pattern = "^[0-9]{1,18}$"))]
    pub product_id: String,
    /// Empty: the same quantity on every date.
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub date: String,
    /// Empty: remove the limit.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,6}|1000000)?$"))]
    pub available: String,
    /// For a conversion: ordering `product_id` consumes `coefficient` × `stock_product_id`.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,18})?$"))]
    pub stock_product_id: String,
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,3}|1000)?$"))]
    pub coefficient: String,
}

impl StockForm {
    pub fn parse(&self) -> Result<StockChange, Vec<Problem>> {
        let mut problems = Problems::new();
        let product = product_id(&mut problems, "product_id", &self.product_id);
        if !self.stock_product_id.trim().is_empty() {
            let stock_product =
                product_id(&mut problems, "stock_product_id", &self.stock_product_id);
            let coefficient = number(&mut problems, "coefficient", &self.coefficient, 1000);
            return problems.finish(|| {
                Some(StockChange::SetConversion(Conversion {
                    product: product?,
                    stock_product: stock_product?,
                    coefficient: coefficient?,
                }))
            });
        }
        let date = match self.date.trim() {
            "" => Some(None),
            raw => parse_date(raw).map(Some).or_else(|| {
                problems.push(Problem::new("date", ProblemCode::InvalidDate));
                None
            }),
        };
        let available = match self.available.trim() {
            "" => Some(None),
            raw => number(&mut problems, "available", raw, 1_000_000).map(Some),
        };
        problems.finish(|| {
            Some(match available? {
                None => StockChange::RemoveLimit {
                    product: product?,
                    date: date?,
                },
                Some(available) => StockChange::SetLimit(StockLimit {
                    product: product?,
                    date: date?,
                    available,
                }),
            })
        })
    }
}
