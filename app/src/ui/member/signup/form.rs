//! The sign-up form as the server renders it: a date × product grid (LIBRE, CARTE_PREPAYEE)
//! or a basket with jokers (ABONNEMENT), the totals of what is stored (or was typed before a
//! failed post), and the server's problems beside their fields. Every element the live layer
//! updates carries the id or `data-` mark it looks for (see `live`).

use super::model::{Figure, Model, Phrases};
use super::{Posting, basket, grid};
use crate::api::contracts::SignUpPage;
use crate::api::form::{FORM_MARK, FormErrors, METHOD_FIELD};
use crate::api::{BACK_FIELD, NEXT_FIELD};
use crate::domain::contract::deadline::Window;
use crate::domain::contract::entry::Review;
use crate::i18n::{Locale, t_string, use_i18n};
use crate::messages::error_message;
use crate::ui::kit::form::locale;
use crate::ui::kit::format::long_date;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The name the contract form gives itself among the page's forms.
pub const CONTRACT_FORM: &str = "contract";
/// The withdrawal form's name.
pub const WITHDRAW_FORM: &str = "withdraw";

/// What the grid and basket parts need to render.
#[derive(Clone)]
pub(super) struct Shown {
    pub(super) model: std::sync::Arc<Model>,
    pub(super) fields: BTreeMap<String, String>,
    pub(super) review: Review,
    pub(super) messages: BTreeMap<String, String>,
    pub(super) locale: Locale,
    pub(super) phrases: std::sync::Arc<Phrases>,
}

impl Shown {
    pub(super) fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    pub(super) fn message(&self, name: &str) -> Option<String> {
        self.messages.get(name).cloned()
    }

    pub(super) fn total(&self, figure: Figure) -> String {
        self.model.total(&self.review.grid, figure, &self.phrases)
    }
}

/// A plain form to the API: what it posts besides its own fields, so that the server's
/// redirect comes back here.
#[component]
pub fn Posted(
    posting: Posting,
    form: &'static str,
    /// Another endpoint than `posting.action`.
    #[prop(optional)]
    action: Option<String>,
    #[prop(optional)] method: &'static str,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let locale = use_i18n().get_locale_untracked();
    let alert = posting
        .errors
        .kind
        .map(|kind| view! { <p class="alert" role="alert">{error_message(locale, kind)}</p> });
    view! {
        <form method="post" action=action.unwrap_or(posting.action) class=class novalidate>
            <input type="hidden" name=NEXT_FIELD value=posting.next/>
            <input type="hidden" name=BACK_FIELD value=posting.here/>
            <input type="hidden" name=FORM_MARK value=form/>
            {(!method.is_empty()).then(|| view! { <input type="hidden" name=METHOD_FIELD value=method/> })}
            {alert}
            {children()}
        </form>
    }
}

/// `posting.errors` and `posting.values` are the contract form's own: the page hands them
/// over only when this form is the one that failed.
#[component]
pub fn ContractForm(page: SignUpPage, posting: Posting) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let model = Model::new(page);
    let fields = model.initial_fields(posting.values.clone());
    let review = model.review(&fields);
    // Before the first keystroke only a failed post's problems are shown, not those of an
    // empty form.
    let live = if posting.errors.is_empty() {
        &[][..]
    } else {
        &review.problems[..]
    };
    let phrases = Phrases::new(locale);
    let messages = model.messages(live, &posting.errors, &phrases);
    let ctx = model.ctx();
    let (referent, subscription, can_save, may_withdraw) = (
        model.page.as_referent,
        model.subscription(),
        ctx.can_save(&model.editable),
        ctx.may_withdraw(),
    );
    let shown = Shown {
        model: std::sync::Arc::new(model),
        fields,
        review,
        messages,
        locale,
        phrases: std::sync::Arc::new(phrases),
    };
    let withdraw = Posting {
        errors: FormErrors::default(),
        values: Default::default(),
        ..posting.clone()
    };
    let entry = if subscription {
        view! { <basket::BasketEntry shown=shown.clone()/> }.into_any()
    } else {
        view! { <grid::GridEntry shown=shown.clone()/> }.into_any()
    };
    view! {
        <div class="contract-form">
            <Notes shown=shown.clone()/>
            <Posted posting form=CONTRACT_FORM method="PUT" class="contract-entry">
                {entry}
                <div class="form-foot">
                    <FootProblems shown=shown.clone()/>
                    <p class="contract-total">
                        {t_string!(i18n, contracts.contract_total)}" "<Total shown figure=Figure::Contract/>
                    </p>
                    {can_save.then(|| view! {
                        <button type="submit" class="primary">{if referent { t_string!(i18n, contracts.submit_referent) } else { t_string!(i18n, contracts.submit) }}</button>
                    })}
                </div>
            </Posted>
            {may_withdraw.then(|| view! {
                <details class="withdraw">
                    <summary>{if referent { t_string!(i18n, contracts.withdraw_referent) } else { t_string!(i18n, contracts.withdraw) }}</summary>
                    <Posted posting=withdraw form=WITHDRAW_FORM method="DELETE">
                        <p>{t_string!(i18n, contracts.withdraw_confirm)}</p>
                        <button type="submit" class="danger">{t_string!(i18n, contracts.withdraw_submit)}</button>
                    </Posted>
                </details>
            })}
        </div>
    }
}

/// A total of the contract (updated live: `data-total`).
#[component]
pub(super) fn Total(shown: Shown, figure: Figure) -> impl IntoView {
    view! { <output data-total=figure.key()>{shown.total(figure)}</output> }
}

/// The problems of one field (updated live: its id is `f-{field}-error`).
#[component]
pub(super) fn Problems(shown: Shown, field: String) -> impl IntoView {
    let id = format!("f-{field}-error");
    view! { <p class="field-error" id=id>{shown.message(&field)}</p> }
}

/// What the window allows, said once above the form.
#[component]
fn Notes(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let m = &shown.model;
    let (referent, member, window, can_save, deadline, edited) = (
        m.page.as_referent,
        m.page.member.name.clone(),
        m.page.window.clone(),
        m.ctx().can_save(&m.editable),
        long_date(locale(), m.page.offer.deadline),
        m.page.mine.as_ref().is_some_and(|c| c.edited_by_referent),
    );
    let window_note = match window {
        _ if referent => t_string!(i18n, contracts.referent_note).to_owned(),
        Window::Open => t_string!(i18n, contracts.deadline, date = deadline).to_string(),
        Window::LateFrom { from } => {
            t_string!(i18n, contracts.late_from, date = long_date(locale(), from)).to_string()
        }
        Window::SomeDates { .. } => t_string!(i18n, contracts.some_dates).to_owned(),
        Window::Closed if can_save => t_string!(i18n, contracts.jokers_only).to_owned(),
        Window::Closed => t_string!(i18n, contracts.closed).to_owned(),
    };
    view! {
        {referent.then(|| view! {
            <p><strong>{t_string!(i18n, contracts.for_member, name = member).to_string()}</strong></p>
        })}
        <p class="notice">{window_note}</p>
        {(edited && !referent).then(|| view! {
            <p class="muted">{t_string!(i18n, contracts.edited_by_referent)}</p>
        })}
    }
}

/// Problems not tied to a shown field: the whole contract, the number of jokers, and
/// anything the server named that the form has no place for (rebuilt live: `data-foot`).
#[component]
fn FootProblems(shown: Shown) -> impl IntoView {
    let items = shown
        .messages
        .iter()
        .filter(|(field, _)| !shown.model.placed.contains(*field))
        .map(|(field, text)| {
            view! { <li class="field-error" data-field=field.clone()>{text.clone()}</li> }
        })
        .collect_view();
    view! { <ul class="form-problems" data-foot="" aria-live="polite">{items}</ul> }
}

/// One quantity input with its label and its problems. `locked`: shown read-only and posted
/// unchanged (a date the entrant may no longer change).
#[component]
pub(super) fn QtyInput(
    shown: Shown,
    name: String,
    label: String,
    /// Said to screen readers after the label (the date of a grid cell).
    #[prop(optional)]
    context: String,
    /// Shown under the label on a phone: the pack and its price ("bouteille 75 cl · 9,50 €").
    #[prop(optional)]
    unit: String,
    locked: bool,
) -> impl IntoView {
    let id = format!("f-{name}");
    let error_id = format!("{id}-error");
    let invalid = if shown.message(&name).is_some() {
        "true"
    } else {
        "false"
    };
    let value = shown.value(&name);
    view! {
        <label for=id.clone() class="cell-label">
            {label}
            {(!unit.is_empty()).then(|| view! { <span class="unit">{unit}</span> })}
            <span class="sr-only">{context}</span>
        </label>
        <input
            id=id
            name=name.clone()
            type="number"
            inputmode="numeric"
            min="0"
            step="1"
            value=value
            readonly=locked
            aria-invalid=invalid
            aria-describedby=error_id
        />
        <Problems shown field=name/>
    }
}
