//! The form's model (the page's data and what follows from it) and its reactive state:
//! the fields as typed, the verdict on them, and the sentences to show beside each field.

use crate::api::contracts::{SignUpPage, sign_up_from_fields, stock_use};
use crate::api::form::FormErrors;
use crate::domain::contract::Nature;
use crate::domain::contract::deadline::Window;
use crate::domain::contract::entry::{EntryContext, Review, form_values, product_amount};
use crate::domain::contract::signup::{
    Entrant, cell_field, date_field, joker_field, product_field,
};
use crate::domain::contract::stock::StockUse;
use crate::domain::{Money, Problem, ProductId};
use crate::i18n::{t_string, use_i18n};
use crate::messages::problem_message;
use chrono::NaiveDate;
use leptos::prelude::*;
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
        self.page.offer.nature == Nature::FixedBasket
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
    fn review(&self, fields: &BTreeMap<String, String>) -> Review {
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
}

/// The form's reactive state, shared by its parts (every member is `Copy`).
#[derive(Clone, Copy)]
pub(super) struct FormState {
    pub(super) model: StoredValue<Model>,
    pub(super) fields: RwSignal<BTreeMap<String, String>>,
    pub(super) review: Memo<Review>,
    /// Field → the sentences to show beside it.
    pub(super) messages: Memo<BTreeMap<String, String>>,
    pub(super) touched: RwSignal<bool>,
    pub(super) errors: RwSignal<FormErrors>,
}

impl FormState {
    pub(super) fn new(
        model: Model,
        fields: BTreeMap<String, String>,
        errors: RwSignal<FormErrors>,
    ) -> Self {
        let i18n = use_i18n();
        let model = StoredValue::new(model);
        let fields = RwSignal::new(fields);
        // Before the first keystroke only a failed post's problems are shown, not the
        // empty form's.
        let touched = RwSignal::new(!errors.with_untracked(FormErrors::is_empty));
        let review = Memo::new(move |_| fields.with(|f| model.with_value(|m| m.review(f))));
        let messages = Memo::new(move |_| {
            let locale = i18n.get_locale();
            let mut shown: Vec<Problem> = if touched.get() {
                review.with(|r| r.problems.clone())
            } else {
                Vec::new()
            };
            errors.with(|e| {
                for p in &e.fields {
                    if !shown.iter().any(|s| s.field == p.field && s.code == p.code) {
                        shown.push(p.clone());
                    }
                }
            });
            let mut by_field: BTreeMap<String, String> = BTreeMap::new();
            for p in &shown {
                let text = by_field.entry(p.field.clone()).or_default();
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&problem_message(locale, p));
            }
            by_field
        });
        Self {
            model,
            fields,
            review,
            messages,
            touched,
            errors,
        }
    }

    pub(super) fn value(&self, name: &str) -> String {
        self.fields
            .with(|f| f.get(name).cloned())
            .unwrap_or_default()
    }

    pub(super) fn initial(&self, name: &str) -> String {
        self.fields
            .with_untracked(|f| f.get(name).cloned())
            .unwrap_or_default()
    }

    /// A keystroke: the server's earlier answer is replaced by the live verdict.
    pub(super) fn input(&self, name: &str, value: String) {
        self.set_all([(name.to_owned(), value)]);
    }

    pub(super) fn set_all(&self, values: impl IntoIterator<Item = (String, String)>) {
        self.fields.update(|f| f.extend(values));
        self.touched.set(true);
        if !self.errors.with_untracked(FormErrors::is_empty) {
            self.errors.set(FormErrors::default());
        }
    }

    pub(super) fn message(&self, name: &str) -> Option<String> {
        self.messages.with(|m| m.get(name).cloned())
    }

    /// A total of the grid being typed, as shown.
    pub(super) fn total(&self, figure: Figure) -> String {
        let i18n = use_i18n();
        self.review.with(|r| {
            self.model.with_value(|m| {
                let price = |p| m.price(p);
                match figure {
                    Figure::Contract => r.grid.amount(price).to_string(),
                    Figure::Date(date) => r.grid.date_amount(date, price).to_string(),
                    Figure::Product(product) => t_string!(
                        i18n,
                        contracts.product_total,
                        count = r.grid.product_total(product),
                        amount = product_amount(&m.page.offer, &r.grid, product).to_string()
                    )
                    .to_string(),
                }
            })
        })
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
