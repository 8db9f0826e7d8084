//! The sign-up form's view of the rules: which cells and jokers can be changed, what a stored
//! contract looks like as form fields, and the verdict on what is typed — `check_sign_up`
//! and `stock::shortages` in one call, so the browser shows, as the member types, exactly
//! the problems the server would answer.

use super::LocalNow;
use super::agenda::day_month_year;
use super::deadline::Window;
use super::grid::Quantities;
use super::history;
use super::jokers::{JokerChoice, JokerKind};
use super::signup::{
    Entrant, SignUp, cell_field, check_sign_up, editable_window, expand_basket, joker_field,
    product_field,
};
use super::stock::{StockLimit, StockUse, consumption, shortages};
use super::template::{Nature, Offer};
use crate::domain::ids::ProductId;
use crate::domain::money::Money;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// How one (date, product) cell of the form is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellState {
    /// The entrant may type a quantity.
    Open,
    /// The date can no longer be changed: the stored quantity is shown read-only (and posted
    /// back unchanged).
    Locked,
    /// Nothing is delivered there (cancelled date or product): greyed, never posted.
    Cancelled,
}

/// What the checks need besides the entry itself (all of it sent with the form's page).
#[derive(Clone, Copy, Debug)]
pub struct EntryContext<'a> {
    pub offer: &'a Offer,
    pub entrant: Entrant,
    /// The member's window, or `Window::Open` for a référent.
    pub window: &'a Window,
    /// The contract as stored, if any.
    pub existing: Option<&'a Quantities>,
    /// The AMAP's local time when the page was made.
    pub now: LocalNow,
    pub limits: &'a [StockLimit],
    /// What the other contracts already consume.
    pub others: &'a StockUse,
}

/// The verdict on one entry: the grid it would store, and every problem with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    pub grid: Quantities,
    pub problems: Vec<Problem>,
}

impl EntryContext<'_> {
    /// The dates the entrant may change now (see `signup::editable_window`).
    pub fn editable(&self) -> Window {
        editable_window(
            self.offer,
            self.entrant,
            self.window,
            self.existing.is_some(),
            self.now,
        )
    }

    pub fn cell_state(&self, editable: &Window, date: NaiveDate, product: ProductId) -> CellState {
        if !self.offer.is_open(date, product) {
            CellState::Cancelled
        } else if editable.allows(date) {
            CellState::Open
        } else {
            CellState::Locked
        }
    }

    /// The first date with a cell the entrant may type in (the row "copy to every date"
    /// copies from).
    pub fn first_open_date(&self, editable: &Window) -> Option<NaiveDate> {
        self.offer.dates.iter().copied().find(|d| {
            self.offer
                .products
                .iter()
                .any(|p| self.cell_state(editable, *d, p.id) == CellState::Open)
        })
    }

    /// ABONNEMENT: whether the basket may change (a member whose window closed may still
    /// move jokers, but not the basket).
    pub fn basket_editable(&self) -> bool {
        self.entrant == Entrant::Referent || *self.window != Window::Closed
    }

    /// Whether this contract offers jokers at all.
    pub fn jokers_offered(&self) -> bool {
        self.offer.nature == Nature::FixedBasket && self.offer.jokers.offered()
    }

    /// Whether the joker of `date` may still be chosen or given back.
    pub fn joker_editable(&self, editable: &Window, date: NaiveDate) -> bool {
        self.jokers_offered() && self.offer.delivers_on(date) && editable.allows(date)
    }

    /// Whether absence is one of the choices for a joker.
    pub fn joker_absence(&self) -> bool {
        self.offer.jokers.kind == JokerKind::Absence
    }

    /// The dates a postponement from `date` may go to: the other open delivery dates.
    pub fn joker_targets(&self, editable: &Window, date: NaiveDate) -> Vec<NaiveDate> {
        if self.offer.jokers.kind != JokerKind::Postponement {
            return Vec::new();
        }
        self.offer
            .dates
            .iter()
            .copied()
            .filter(|d| *d != date && self.offer.delivers_on(*d) && editable.allows(*d))
            .collect()
    }

    /// Whether anything at all may still be saved.
    pub fn can_save(&self, editable: &Window) -> bool {
        *editable != Window::Closed
    }

    /// Whether the stored contract may be withdrawn now.
    pub fn may_withdraw(&self) -> bool {
        self.existing
            .is_some_and(|grid| history::may_withdraw(self.window, grid))
    }

    /// The grid an entry would store, also while it breaks a rule (the totals shown
    /// meanwhile): an ABONNEMENT basket expanded over the editable dates, the stored
    /// quantities kept on the others; the grid as typed otherwise.
    pub fn intended_grid(&self, sign_up: &SignUp) -> Quantities {
        let offer = self.offer;
        if offer.nature != Nature::FixedBasket || sign_up.basket.is_empty() {
            return sign_up.grid.clone();
        }
        let editable = self.editable();
        let mut grid = expand_basket(offer, &sign_up.basket, &sign_up.jokers, &editable);
        if let Some(before) = self.existing
            && editable != Window::Open
        {
            for cell in before.cells() {
                if !editable.allows(cell.date) && offer.is_open(cell.date, cell.product) {
                    grid.set(cell.date, cell.product, cell.qty);
                }
            }
        }
        grid
    }

    /// Every problem the server would find with `sign_up` — entry rules, window, jokers —
    /// plus the stock shortages it would answer with a 409 (named with `name`).
    pub fn review(&self, sign_up: &SignUp, name: impl Fn(ProductId) -> String) -> Review {
        let checked = check_sign_up(
            self.offer,
            sign_up,
            self.entrant,
            self.window,
            self.existing,
            self.now,
        );
        let (grid, mut problems) = match checked {
            Ok(grid) => (grid, Vec::new()),
            Err(problems) => (self.intended_grid(sign_up), problems),
        };
        let conversions = &self.offer.conversions;
        let before = self
            .existing
            .map(|g| consumption(g, conversions))
            .unwrap_or_default();
        let after = consumption(&grid, conversions);
        for (date, product, left) in shortages(self.limits, self.others, &before, &after) {
            problems.push(shortage_problem(
                self.offer.nature,
                date,
                product,
                left,
                &name(product),
            ));
        }
        Review { grid, problems }
    }
}

/// A stock shortage as a field problem: on the cell (on the product for an ABONNEMENT),
/// naming the product and the date.
pub fn shortage_problem(
    nature: Nature,
    date: NaiveDate,
    product: ProductId,
    left: u32,
    name: &str,
) -> Problem {
    Problem {
        detail: Some(format!("{name} — {}", day_month_year(date))),
        ..Problem::with_limit(
            &cell_field(nature, date, product),
            ProblemCode::OutOfStock,
            left,
        )
    }
}

/// Σ qty × price of one product over the whole grid.
pub fn product_amount(offer: &Offer, grid: &Quantities, product: ProductId) -> Money {
    grid.amount(|p| (p == product).then(|| offer.price_of(p)).flatten())
}

/// ABONNEMENT: the basket a stored grid was made from — for each product, its quantity on
/// the first date that delivers it and is not a postponement's target.
pub fn stored_basket(
    offer: &Offer,
    grid: &Quantities,
    jokers: &[JokerChoice],
) -> Vec<(ProductId, u32)> {
    let counted = |d: NaiveDate| grid.date_total(d) > 0 && !jokers.iter().any(|j| j.to == Some(d));
    offer
        .products
        .iter()
        .map(|p| {
            let qty = offer
                .dates
                .iter()
                .copied()
                .find(|d| offer.is_open(*d, p.id) && counted(*d))
                .map_or(0, |d| grid.get(d, p.id));
            (p.id, qty)
        })
        .collect()
}

/// A stored contract as the form's fields (`q.{date}.{product}` or `q.{product}`,
/// `joker.{date}`), the way the form posts them. Zero quantities are left empty.
pub fn form_values(
    offer: &Offer,
    grid: &Quantities,
    jokers: &[JokerChoice],
) -> BTreeMap<String, String> {
    let shown = |qty: u32| {
        if qty == 0 {
            String::new()
        } else {
            qty.to_string()
        }
    };
    let mut fields = BTreeMap::new();
    match offer.nature {
        Nature::FixedBasket => {
            for (product, qty) in stored_basket(offer, grid, jokers) {
                fields.insert(product_field(product), shown(qty));
            }
            for joker in jokers {
                let value = joker
                    .to
                    .map_or_else(|| "absence".to_owned(), |to| to.to_string());
                fields.insert(joker_field(joker.date), value);
            }
        }
        Nature::Free | Nature::PrepaidCard => {
            for cell in grid.cells() {
                fields.insert(
                    cell_field(offer.nature, cell.date, cell.product),
                    shown(cell.qty),
                );
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests;
