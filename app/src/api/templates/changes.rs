//! Mass changes to a live template and the members they touch.

use super::*;

/// A change to a live template. With `apply` absent, nothing changes: the answer lists the
/// members whose contract it would touch ("Modifier en masse", reference §2.3).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct ChangeForm {
    /// `add_dates`, `move_date`, `delete_date`, `cancel`, `restore`, `set_price`,
    /// `add_product`, `remove_product`.
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            pattern = "^(add_dates|move_date|delete_date|cancel|restore|set_price|add_product|remove_product)$"
        )
    )]
    pub kind: String,
    /// The date concerned (or, for `add_dates`, a list).
    pub date: String,
    /// `move_date`: the new date.
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub to: String,
    /// `cancel`/`restore` one product on one date, `set_price`, `add_product`, `remove_product`.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,18})?$"))]
    pub product_id: String,
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "^(-?[0-9]{1,7}([.,][0-9]{1,2})?)?$")
    )]
    pub price: String,
    /// "on"/"true": apply; otherwise only preview.
    pub apply: Option<String>,
}

impl ChangeForm {
    pub fn parse(&self) -> Result<(TemplateChange, bool), Vec<Problem>> {
        let mut problems = Problems::new();
        let price = |problems: &mut Problems| problems.take(Money::parse("price", &self.price));
        let optional_product = |problems: &mut Problems| match self.product_id.trim() {
            "" => Some(None),
            raw => product_id(problems, "product_id", raw).map(Some),
        };
        let change = match self.kind.trim() {
            "add_dates" => {
                let dates = date_list(&mut problems, "date", &self.date);
                if dates.is_empty() {
                    problems.push(Problem::new("date", ProblemCode::Required));
                }
                Some(TemplateChange::AddDates(dates))
            }
            "move_date" => {
                let from = date(&mut problems, "date", &self.date);
                let to = date(&mut problems, "to", &self.to);
                from.zip(to)
                    .map(|(from, to)| TemplateChange::MoveDate { from, to })
            }
            "delete_date" => {
                date(&mut problems, "date", &self.date).map(TemplateChange::DeleteDate)
            }
            kind @ ("cancel" | "restore") => {
                let day = date(&mut problems, "date", &self.date);
                let product = optional_product(&mut problems);
                day.zip(product).map(|(date, product)| {
                    let exclusion = Exclusion { date, product };
                    if kind == "cancel" {
                        TemplateChange::Cancel(exclusion)
                    } else {
                        TemplateChange::Restore(exclusion)
                    }
                })
            }
            kind @ ("set_price" | "add_product") => {
                let product = product_id(&mut problems, "product_id", &self.product_id);
                let price = price(&mut problems);
                product.zip(price).map(|(product, price)| {
                    if kind == "set_price" {
                        TemplateChange::SetPrice { product, price }
                    } else {
                        TemplateChange::AddProduct { product, price }
                    }
                })
            }
            "remove_product" => product_id(&mut problems, "product_id", &self.product_id)
                .map(TemplateChange::RemoveProduct),
            "" => {
                problems.push(Problem::new("kind", ProblemCode::Required));
                None
            }
            _ => {
                problems.push(Problem::new("kind", ProblemCode::UnknownValue));
                None
            }
        };
        let apply = checked(&self.apply);
        problems.finish(|| Some((change?, apply)))
    }
}

/// A member whose contract a change touches, with the amounts before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Impact {
    pub member: PersonRef,
    pub amount_before: Money,
    pub amount_after: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChangeOutcome {
    pub applied: bool,
    pub impacted: Vec<Impact>,
}
