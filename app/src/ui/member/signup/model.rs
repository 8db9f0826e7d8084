//! The form's model: the page's data and what follows from it, the verdict on the fields as
//! typed, the sentences beside each field and the totals. Pure: the server renders the page
//! with it, the live layer (`live`) recomputes it at each keystroke.

use crate::api::contracts::{SignUpPage, sign_up_from_fields, stock_use};
use crate::api::form::FormErrors;
use crate::domain::contract::{Nature, Quantities};
use crate::domain::contract::deadline::Window;
use crate::domain::contract::entry::{EntryContext, Review, form_values, product_amount};
use crate::domain::contract::signup::{
    Entrant, cell_field, date_field, joker_field, product_field,
};
use crate::domain::contract::stock::StockUse;
use crate::domain::{Money, Problem, ProductId};
use crate::i18n::{Locale, td_string};
use crate::messages::problem_message;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// The page's data and what follows from it, fixed while the form is shown.
pub(super) struct Model {
    pub(super) page: SignUpPage,
    pub(super) others: StockUse,
    pub(super) entrant: Entrant,
    pub(super) editable: Window,
    /// Fields shown beside an input or a total; problems on any other field go to the foot.
    pub(super) placed: BTreeSet<String>,
}

impl Model {
    pub(super) fn new(page: SignUpPage) -> Self {
        let others = stock_use(&page.others);
        let entrant = if page.as_referent {
            Entrant::Referent
        } else {
            Entrant::Member
        };
        let mut model = Model {
            page,
            others,
            entrant,
            editable: Window::Closed,
            placed: BTreeSet::new(),
        };
        model.editable = model.ctx().editable();
        model.placed = model.placed_fields();
        model
    }

    pub(super) fn ctx(&self) -> EntryContext<'_> {
        EntryContext {
            offer: &self.page.offer,
            entrant: self.entrant,
            window: &self.page.window,
            existing: self.page.mine.as_ref().map(|m| &m.grid),
            now: self.page.now,
            limits: &self.page.limits,
            others: &self.others,
        }
    }

    pub(super) fn subscription(&self) -> bool {
        self.page.offer.nature == Nature::Subscription
    }

    fn placed_fields(&self) -> BTreeSet<String> {
        let offer = &self.page.offer;
        let mut placed = BTreeSet::new();
        for &date in &offer.dates {
            placed.insert(date_field(date));
            placed.insert(joker_field(date));
            for p in &offer.products {
                if offer.is_open(date, p.id) {
                    placed.insert(cell_field(offer.nature, date, p.id));
                }
            }
        }
        for p in &offer.products {
            placed.insert(product_field(p.id));
        }
        placed
    }

    fn name(&self, product: ProductId) -> String {
        self.page
            .products
            .iter()
            .find(|p| p.id == product)
            .map_or_else(|| product.to_string(), |p| p.name.clone())
    }

    pub(super) fn price(&self, product: ProductId) -> Option<Money> {
        self.page.offer.price_of(product)
    }

    /// The fields a failed plain post brought back, else the stored contract.
    pub(super) fn initial_fields(
        &self,
        echoed: BTreeMap<String, String>,
    ) -> BTreeMap<String, String> {
        let echoed: BTreeMap<String, String> = echoed
            .into_iter()
            .filter(|(k, _)| k.starts_with("q.") || k.starts_with("joker."))
            .collect();
        if !echoed.is_empty() {
            return echoed;
        }
        match &self.page.mine {
            Some(mine) => form_values(&self.page.offer, &mine.grid, &mine.jokers),
            None => BTreeMap::new(),
        }
    }

    /// The verdict on the fields as typed. Unreadable fields are reported and left out, so
    /// that the rest is still checked and totalled.
    pub(super) fn review(&self, fields: &BTreeMap<String, String>) -> Review {
        let (sign_up, mut problems) = match sign_up_from_fields(fields) {
            Ok(sign_up) => (sign_up, Vec::new()),
            Err(unreadable) => {
                let readable: BTreeMap<String, String> = fields
                    .iter()
                    .filter(|(k, _)| !unreadable.iter().any(|p| &p.field == *k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                (
                    sign_up_from_fields(&readable).unwrap_or_default(),
                    unreadable,
                )
            }
        };
        let mut review = self.ctx().review(&sign_up, |p| self.name(p));
        problems.append(&mut review.problems);
        review.problems = problems;
        review
    }

    /// Field → the sentences to show beside it: the live `problems` (once the member has
    /// typed), then whatever the server answered that they do not already say.
    pub(super) fn messages(
        &self,
        problems: &[Problem],
        server: &FormErrors,
        locale: Locale,
    ) -> BTreeMap<String, String> {
        let mut shown: Vec<&Problem> = problems.iter().collect();
        for p in &server.fields {
            if !shown.iter().any(|s| s.field == p.field && s.code == p.code) {
                shown.push(p);
            }
        }
        let mut by_field: BTreeMap<String, String> = BTreeMap::new();
        for p in shown {
            let text = by_field.entry(p.field.clone()).or_default();
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&problem_message(locale, p));
        }
        by_field
    }

    /// A total of `grid`, as shown.
    pub(super) fn total(&self, grid: &Quantities, figure: Figure, locale: Locale) -> String {
        let price = |p| self.price(p);
        match figure {
            Figure::Contract => grid.amount(price).to_string(),
            Figure::Date(date) => grid.date_amount(date, price).to_string(),
            Figure::Product(product) => td_string!(
                locale,
                contracts.product_total,
                count = grid.product_total(product),
                amount = product_amount(&self.page.offer, grid, product).to_string()
            )
            .to_string(),
        }
    }

    /// Every total the form shows, with the `data-total` key of its element (the live
    /// layer's: the server renders each total where it stands).
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub(super) fn totals(&self, grid: &Quantities, locale: Locale) -> Vec<(String, String)> {
        let offer = &self.page.offer;
        let figures = std::iter::once(Figure::Contract)
            .chain(offer.dates.iter().map(|d| Figure::Date(*d)))
            .chain(offer.products.iter().map(|p| Figure::Product(p.id)));
        figures
            .map(|f| (f.key(), self.total(grid, f, locale)))
            .collect()
    }
}

/// Which total of the contract being typed is shown.
#[derive(Clone, Copy)]
pub(super) enum Figure {
    Contract,
    Date(NaiveDate),
    /// Units and amount of one product over the contract.
    Product(ProductId),
}

impl Figure {
    /// The `data-total` attribute of the element showing it.
    pub(super) fn key(self) -> String {
        match self {
            Figure::Contract => "contract".to_owned(),
            Figure::Date(date) => format!("date:{date}"),
            Figure::Product(product) => format!("product:{product}"),
        }
    }
}
