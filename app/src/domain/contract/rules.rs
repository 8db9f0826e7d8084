//! Entry rules ("règles de saisie", reference §2.4, §13 rule 13): packaging multiples and
//! min/max quantities. AmapJ checked them only in the browser; here the same function runs
//! in the browser as the member types and on the server at every save.

use super::grid::Quantities;
use super::signup::{CONTRACT_FIELD, cell_field, date_field, product_field};
use super::template::Offer;
use crate::domain::ids::ProductId;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which dates a rule sums over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateScope {
    /// Checked separately on every active date (including dates left at zero).
    EachDate,
    /// The sum over the whole contract.
    WholeContract,
    /// One date only.
    OneDate(#[serde(with = "crate::domain::wire::date")] NaiveDate),
    /// The sum over the listed dates.
    SeveralDates(#[serde(with = "crate::domain::wire::dates")] Vec<NaiveDate>),
}

/// Which products a rule sums over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProductScope {
    One(ProductId),
    Several(Vec<ProductId>),
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Operator {
    /// `q == v`
    Equal,
    /// `q ≥ v`
    AtLeast,
    /// `q ≤ v`
    AtMost,
    /// `q % v == 0` (0 passes; v == 0 only lets 0 pass).
    MultipleOf,
}

/// Who a rule binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Binds {
    /// Members only: a référent entering a contract on someone's behalf is exempt.
    MembersOnly,
    Everyone,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EntryRule {
    pub dates: DateScope,
    pub products: ProductScope,
    pub operator: Operator,
    pub value: u32,
    /// Shown instead of the generated sentence when set.
    #[serde(default)]
    pub message: Option<String>,
    pub binds: Binds,
}

impl Operator {
    pub fn holds(self, quantity: u32, value: u32) -> bool {
        match self {
            Operator::Equal => quantity == value,
            Operator::AtLeast => quantity >= value,
            Operator::AtMost => quantity <= value,
            Operator::MultipleOf => quantity.checked_rem(value).unwrap_or(quantity) == 0,
        }
    }

    /// The problem reported when the rule does not hold.
    pub fn problem_code(self) -> ProblemCode {
        match self {
            Operator::Equal => ProblemCode::MustEqual,
            Operator::AtLeast => ProblemCode::AtLeast,
            Operator::AtMost => ProblemCode::AtMost,
            Operator::MultipleOf => ProblemCode::MultipleOf,
        }
    }
}

impl ProductScope {
    pub fn contains(&self, product: ProductId) -> bool {
        match self {
            ProductScope::One(p) => *p == product,
            ProductScope::Several(ps) => ps.contains(&product),
            ProductScope::All => true,
        }
    }

    /// Whether any product of the scope can be ordered on `date`.
    fn open_on(&self, offer: &Offer, date: NaiveDate) -> bool {
        match self {
            ProductScope::One(p) => offer.is_open(date, *p),
            ProductScope::Several(ps) => ps.iter().any(|p| offer.is_open(date, *p)),
            ProductScope::All => offer.delivers_on(date),
        }
    }
}

impl EntryRule {
    /// Every place where `grid` breaks this rule, given the contract's `active` dates
    /// (`signup::active_dates`). Only active dates on which a product of the scope can be
    /// ordered count; `OneDate`/`SeveralDates` rules whose dates are all inactive (a late
    /// joiner's past dates, a joker) are not checked.
    ///
    /// Fields: one cell (`EachDate`/`OneDate` × one product) → the cell's field; one product
    /// over the whole contract → `q.{product}`; a date across products → `q.{date}`;
    /// anything else → `contract`.
    pub fn violations(
        &self,
        offer: &Offer,
        grid: &Quantities,
        active: &[NaiveDate],
    ) -> Vec<Problem> {
        let counted: Vec<NaiveDate> = active
            .iter()
            .copied()
            .filter(|d| self.products.open_on(offer, *d))
            .collect();
        let one_product = match self.products {
            ProductScope::One(p) => Some(p),
            ProductScope::Several(_) | ProductScope::All => None,
        };
        let on_one_date = |date: NaiveDate| match one_product {
            Some(p) => cell_field(offer.nature, date, p),
            None => date_field(date),
        };
        let checks: Vec<(u32, String)> = match &self.dates {
            DateScope::EachDate => counted
                .iter()
                .map(|d| (self.sum(grid, &[*d]), on_one_date(*d)))
                .collect(),
            DateScope::WholeContract if counted.is_empty() => Vec::new(),
            DateScope::WholeContract => {
                let field = one_product.map_or_else(|| CONTRACT_FIELD.to_owned(), product_field);
                vec![(self.sum(grid, &counted), field)]
            }
            DateScope::OneDate(date) if counted.contains(date) => {
                vec![(self.sum(grid, &[*date]), on_one_date(*date))]
            }
            DateScope::OneDate(_) => Vec::new(),
            DateScope::SeveralDates(dates) => {
                let listed: Vec<NaiveDate> =
                    counted.into_iter().filter(|d| dates.contains(d)).collect();
                if listed.is_empty() {
                    Vec::new()
                } else {
                    vec![(self.sum(grid, &listed), CONTRACT_FIELD.to_owned())]
                }
            }
        };
        checks
            .into_iter()
            .filter(|(quantity, _)| !self.operator.holds(*quantity, self.value))
            .map(|(_, field)| Problem {
                field,
                code: self.operator.problem_code(),
                limit: Some(self.value),
                detail: self.message.clone(),
            })
            .collect()
    }

    /// Σ of the scope's quantities on `dates` (each date once), saturating at `u32::MAX`.
    fn sum(&self, grid: &Quantities, dates: &[NaiveDate]) -> u32 {
        let mut dates = dates.to_vec();
        dates.sort_unstable();
        dates.dedup();
        let total: u64 = dates
            .iter()
            .flat_map(|d| grid.on_date(*d))
            .filter(|(p, _)| self.products.contains(*p))
            .map(|(_, qty)| u64::from(qty))
            .sum();
        u32::try_from(total).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests;
