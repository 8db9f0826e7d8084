//! The sign-up form of one contract, for a member signing up and for a référent entering a
//! member's contract: a date × product grid (LIBRE, CARTE_PREPAYEE) or a basket with jokers
//! (ABONNEMENT), live totals, and every problem shown beside its field as it is typed.
//!
//! The verdict comes from `domain::contract::entry` — `check_sign_up` and
//! `stock::shortages`, the very functions the server runs — applied to the fields as the form
//! would post them (`api::contracts::sign_up_from_fields`). Without JavaScript the same form
//! posts, and the page comes back with the server's problems and the typed values.

mod basket;
mod grid;

use super::form::{ApiForm, errors_from_query};
use crate::api::contracts::{SignUpPage, sign_up_from_fields, stock_use};
use crate::api::form::{FormErrors, echoed_values};
use crate::domain::contract::agenda::day_month_year;
use crate::domain::contract::deadline::Window;
use crate::domain::contract::entry::{EntryContext, Review, form_values};
use crate::domain::contract::signup::{
    Entrant, cell_field, date_field, joker_field, product_field,
};
use crate::domain::contract::stock::StockUse;
use crate::domain::contract::{Nature, Quantities};
use crate::domain::{Money, Problem, ProductId};
use crate::i18n::{t, t_string, use_i18n};
use crate::messages::problem_message;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use std::collections::{BTreeMap, BTreeSet};

/// The page's data and what follows from it, fixed while the form is shown.
struct Model {
    page: SignUpPage,
    others: StockUse,
    entrant: Entrant,
    editable: Window,
    /// Fields shown beside an input or a total; problems on any other field go to the foot.
    placed: BTreeSet<String>,
}

impl Model {
    fn new(page: SignUpPage) -> Self {
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

    fn ctx(&self) -> EntryContext<'_> {
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

    fn subscription(&self) -> bool {
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

    fn price(&self, product: ProductId) -> Option<Money> {
        self.page.offer.price_of(product)
    }

    /// The fields a failed plain post brought back, else the stored contract.
    fn initial_fields(&self, echoed: BTreeMap<String, String>) -> BTreeMap<String, String> {
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
                (sign_up_from_fields(&readable).unwrap_or_default(), unreadable)
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
struct FormState {
    model: StoredValue<Model>,
    fields: RwSignal<BTreeMap<String, String>>,
    review: Memo<Review>,
    /// Field → the sentences to show beside it.
    messages: Memo<BTreeMap<String, String>>,
    touched: RwSignal<bool>,
    errors: RwSignal<FormErrors>,
}

impl FormState {
    fn new(model: Model, fields: BTreeMap<String, String>, errors: RwSignal<FormErrors>) -> Self {
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

    fn value(&self, name: &str) -> String {
        self.fields
            .with(|f| f.get(name).cloned())
            .unwrap_or_default()
    }

    fn initial(&self, name: &str) -> String {
        self.fields
            .with_untracked(|f| f.get(name).cloned())
            .unwrap_or_default()
    }

    /// A keystroke: the server's earlier answer is replaced by the live verdict.
    fn input(&self, name: &str, value: String) {
        self.set_all([(name.to_owned(), value)]);
    }

    fn set_all(&self, values: impl IntoIterator<Item = (String, String)>) {
        self.fields.update(|f| f.extend(values));
        self.touched.set(true);
        if !self.errors.with_untracked(FormErrors::is_empty) {
            self.errors.set(FormErrors::default());
        }
    }

    fn message(&self, name: &str) -> Option<String> {
        self.messages.with(|m| m.get(name).cloned())
    }

    /// A figure of the grid being typed (totals).
    fn grid<T>(&self, f: impl FnOnce(&Quantities, &Model) -> T) -> T {
        self.review
            .with(|r| self.model.with_value(|m| f(&r.grid, m)))
    }
}

#[component]
pub fn ContractForm(
    page: SignUpPage,
    /// Where the form posts (the member's or the référent's endpoint).
    action: String,
    /// Where withdrawing posts.
    delete_action: String,
    /// Where to go once saved or withdrawn.
    next: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let back = use_location().pathname.get_untracked();
    let errors = errors_from_query();
    let query = use_query_map().get_untracked();
    let echoed = echoed_values((&query).into_iter().map(|(k, v)| (k.as_ref(), v)));
    let model = Model::new(page);
    let fields = model.initial_fields(echoed);
    let state = FormState::new(model, fields, errors);
    let (subscription, can_save, may_withdraw) = state.model.with_value(|m| {
        let ctx = m.ctx();
        (m.subscription(), ctx.can_save(&m.editable), ctx.may_withdraw())
    });
    let (withdraw_next, withdraw_back) = (next.clone(), back.clone());
    let navigate = use_navigate();
    let destination = next.clone();
    let on_success = Callback::new(move |_| navigate(&destination, Default::default()));
    let entry = if subscription {
        view! { <basket::BasketEntry state/> }.into_any()
    } else {
        view! { <grid::GridEntry state/> }.into_any()
    };
    view! {
        <div class="contract-form">
            <Notes state/>
            <ApiForm action next back errors on_success=on_success class="contract-entry">
                {entry}
                <div class="form-foot">
                    <FootProblems state/>
                    <p class="contract-total">
                        {move || t_string!(i18n, contracts.contract_total, amount = state.grid(|g, m| g.amount(|p| m.price(p))).to_string()).to_string()}
                    </p>
                    <Show when=move || can_save>
                        <button type="submit" class="primary">{t!(i18n, contracts.submit)}</button>
                    </Show>
                </div>
            </ApiForm>
            <Show when=move || may_withdraw>
                <details class="withdraw">
                    <summary>{t!(i18n, contracts.withdraw)}</summary>
                    <ApiForm action=delete_action.clone() next=withdraw_next.clone() back=withdraw_back.clone() errors=RwSignal::new(FormErrors::default()) on_success=on_success>
                        <p>{t!(i18n, contracts.withdraw_confirm)}</p>
                        <button type="submit" class="danger">{t!(i18n, contracts.withdraw_submit)}</button>
                    </ApiForm>
                </details>
            </Show>
        </div>
    }
}

/// What the window allows, said once above the form.
#[component]
fn Notes(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let (referent, member, window, can_save, deadline, edited) = state.model.with_value(|m| {
        (
            m.page.as_referent,
            m.page.member.name.clone(),
            m.page.window.clone(),
            m.ctx().can_save(&m.editable),
            day_month_year(m.page.offer.deadline),
            m.page.mine.as_ref().is_some_and(|c| c.edited_by_referent),
        )
    });
    let window_note = match window {
        _ if referent => t_string!(i18n, contracts.referent_note).to_owned(),
        Window::Open => t_string!(i18n, contracts.deadline, date = deadline).to_string(),
        Window::LateFrom { from } => {
            t_string!(i18n, contracts.late_from, date = day_month_year(from)).to_string()
        }
        Window::SomeDates { .. } => t_string!(i18n, contracts.some_dates).to_owned(),
        Window::Closed if can_save => t_string!(i18n, contracts.jokers_only).to_owned(),
        Window::Closed => t_string!(i18n, contracts.closed).to_owned(),
    };
    view! {
        <Show when=move || referent>
            <p><strong>{t!(i18n, contracts.for_member, name = member.clone())}</strong></p>
        </Show>
        <p class="notice">{window_note}</p>
        <Show when=move || edited && !referent>
            <p class="muted">{t!(i18n, contracts.edited_by_referent)}</p>
        </Show>
    }
}

/// Problems not tied to a shown field: the whole contract, the number of jokers, and
/// anything the server named that the form has no place for.
#[component]
fn FootProblems(state: FormState) -> impl IntoView {
    let items = move || {
        let placed = state.model.with_value(|m| m.placed.clone());
        state.messages.with(|m| {
            m.iter()
                .filter(|(field, _)| !placed.contains(*field))
                .map(|(field, text)| {
                    view! { <li class="field-error" data-field=field.clone()>{text.clone()}</li> }
                })
                .collect_view()
        })
    };
    view! { <ul class="form-problems" aria-live="polite">{items}</ul> }
}

/// One quantity input with its label and its problems. `locked`: shown read-only and posted
/// unchanged (a date the entrant may no longer change).
#[component]
fn QtyInput(
    state: FormState,
    name: String,
    label: String,
    /// Said to screen readers after the label (the date of a grid cell).
    #[prop(optional)]
    context: String,
    locked: bool,
) -> impl IntoView {
    let id = format!("f-{name}");
    let error_id = format!("{id}-error");
    let initial = state.initial(&name);
    let (shown, typed, problems, invalid) = (name.clone(), name.clone(), name.clone(), name.clone());
    view! {
        <label for=id.clone() class="cell-label">{label}<span class="sr-only">{context}</span></label>
        <input
            id=id
            name=name
            type="number"
            inputmode="numeric"
            min="0"
            step="1"
            value=initial
            prop:value=move || state.value(&shown)
            readonly=locked
            aria-invalid=move || if state.message(&invalid).is_some() { "true" } else { "false" }
            aria-describedby=error_id.clone()
            on:input=move |ev| state.input(&typed, event_target_value(&ev))
        />
        <p class="field-error" id=error_id>{move || state.message(&problems)}</p>
    }
}
