//! The form's model: the page's data and what follows from it, the verdict on the fields as
//! typed, the sentences beside each field and the totals. Pure: the server renders the page
//! with it, the live layer (`live`) recomputes it at each keystroke.

use crate::api::contracts::{SignUpPage, sign_up_from_fields, stock_use};
use crate::api::form::FormErrors;
use crate::domain::ProblemCode;
use crate::domain::contract::deadline::Window;
use crate::domain::contract::entry::{EntryContext, Review, form_values, product_amount};
use crate::domain::contract::signup::{
    Entrant, cell_field, date_field, joker_field, product_field,
};
use crate::domain::contract::stock::StockUse;
use crate::domain::contract::{Nature, Quantities};
use crate::domain::{Money, Problem, ProductId, collect};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
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
        let echoed: BTreeMap<String, String> = collect::map(
            echoed
                .into_iter()
                .filter(|(k, _)| k.starts_with("q.") || k.starts_with("joker.")),
        );
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
                let readable: BTreeMap<String, String> = collect::map(
                    fields
                        .iter()
                        .filter(|(k, _)| !unreadable.iter().any(|p| &p.field == *k))
                        .map(|(k, v)| (k.clone(), v.clone())),
                );
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
        phrases: &Phrases,
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
            text.push_str(&phrases.problem(p));
        }
        by_field
    }

    /// A total of `grid`, as shown.
    pub(super) fn total(&self, grid: &Quantities, figure: Figure, phrases: &Phrases) -> String {
        let price = |p| self.price(p);
        match figure {
            Figure::Contract => grid.amount(price).to_string(),
            Figure::Date(date) => grid.date_amount(date, price).to_string(),
            Figure::Product(product) => phrases.product_total(
                grid.product_total(product),
                product_amount(&self.page.offer, grid, product),
            ),
        }
    }

    /// Every total the form shows, with the `data-total` key of its element (the live
    /// layer's: the server renders each total where it stands).
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub(super) fn totals(&self, grid: &Quantities, phrases: &Phrases) -> Vec<(String, String)> {
        let offer = &self.page.offer;
        let figures = std::iter::once(Figure::Contract)
            .chain(offer.dates.iter().map(|d| Figure::Date(*d)))
            .chain(offer.products.iter().map(|p| Figure::Product(p.id)));
        figures
            .map(|f| (f.key(), self.total(grid, f, phrases)))
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

/// The sentences the form computes, in one language, as templates filled with
/// `messages::fill`: the same sentences on the server and in the island. (Sending them in the
/// island's data instead of compiling them in was measured: 0.6 kB less WebAssembly, cached
/// for a year, against 1.1 kB more HTML on every page view — so the island builds its own.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrases {
    /// (code, for a problem with a detail) → template; the detailed form is listed only
    /// where it differs, before the plain one.
    problems: Vec<(ProblemCode, bool, String)>,
    /// "{count} au total · {amount}".
    product_total: String,
}

impl Phrases {
    pub fn new(locale: crate::i18n::Locale) -> Self {
        use crate::messages::problem_template;
        let mut problems = Vec::new();
        for code in ProblemCode::ALL {
            let plain = problem_template(locale, code, false);
            let detailed = problem_template(locale, code, true);
            if detailed != plain {
                problems.push((code, true, detailed));
            }
            problems.push((code, false, plain));
        }
        let product_total = crate::i18n::td_string!(
            locale,
            contracts.product_total,
            count = "{count}",
            amount = "{amount}"
        )
        .to_string();
        Self {
            problems,
            product_total,
        }
    }

    pub fn problem(&self, problem: &Problem) -> String {
        // A detailed form comes first when it differs; otherwise the plain one serves both.
        let detailed = problem.detail.is_some();
        self.problems
            .iter()
            .find(|(code, d, _)| *code == problem.code && (*d == detailed || !*d))
            .map(|(_, _, template)| crate::messages::fill(template, problem))
            .unwrap_or_default()
    }

    pub fn product_total(&self, count: u32, amount: Money) -> String {
        self.product_total
            .replace("{count}", &count.to_string())
            .replace("{amount}", &amount.to_string())
    }
}
