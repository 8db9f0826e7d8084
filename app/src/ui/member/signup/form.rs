//! The form itself: a date × product grid (LIBRE, CARTE_PREPAYEE) or a basket with jokers
//! (ABONNEMENT), live totals, and every problem shown beside its field as it is typed.
//!
//! The verdict comes from `domain::contract::entry` applied to the fields as the form would
//! post them (`api::contracts::sign_up_from_fields`); without JavaScript the same form posts,
//! and the page comes back with the server's problems and the typed values.

use super::state::{Figure, FormState, Model};
use super::{Posting, basket, grid, lang};
use crate::api::contracts::SignUpPage;
use crate::api::form::{FORM_MARK, FormErrors};
use crate::api::{BACK_FIELD, NEXT_FIELD};
use crate::domain::contract::Quantities;
use crate::domain::contract::agenda::day_month_year;
use crate::domain::contract::deadline::Window;
use crate::i18n::td_string;
use crate::messages::error_message;
use leptos::prelude::*;

/// The name the contract form gives itself among the page's forms.
pub const CONTRACT_FORM: &str = "contract";
/// The withdrawal form's name.
pub const WITHDRAW_FORM: &str = "withdraw";

/// A plain form to the API: what it posts besides its own fields, so that the server's
/// redirect comes back here.
#[component]
pub(crate) fn Posted(
    posting: Posting,
    form: &'static str,
    #[prop(optional)] action: Option<String>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let alert = posting
        .errors
        .kind
        .map(|kind| view! { <p class="alert" role="alert">{error_message(lang(), kind)}</p> });
    view! {
        <form method="post" action=action.unwrap_or(posting.action) class=class novalidate>
            <input type="hidden" name=NEXT_FIELD value=posting.next/>
            <input type="hidden" name=BACK_FIELD value=posting.here/>
            <input type="hidden" name=FORM_MARK value=form/>
            {alert}
            {children()}
        </form>
    }
}

/// A live total of the contract being typed.
#[component]
pub(super) fn Total(state: FormState, figure: Figure) -> impl IntoView {
    move || state.total(figure)
}

/// The problems of one field, live and from the server.
#[component]
pub(super) fn Problems(
    state: FormState,
    field: String,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    view! { <p class="field-error" id=id>{move || state.message(&field)}</p> }
}

/// `posting.errors` and `posting.values` are the contract form's own: the page hands them
/// over only when this form is the one that failed.
#[component]
pub fn ContractForm(
    page: SignUpPage,
    posting: Posting,
    /// Where the grid being typed is copied once hydrated (the schedule preview).
    typed_grid: RwSignal<Option<Quantities>>,
) -> impl IntoView {
    let locale = lang();
    let model = Model::new(page);
    let fields = model.initial_fields(posting.values.clone());
    let errors = RwSignal::new(posting.errors.clone());
    let state = FormState::new(model, fields, errors, locale);
    Effect::new(move |_| typed_grid.set(Some(state.review.with(|r| r.grid.clone()))));
    let (referent, subscription, can_save, may_withdraw) = state.model.with_value(|m| {
        let ctx = m.ctx();
        (
            m.page.as_referent,
            m.subscription(),
            ctx.can_save(&m.editable),
            ctx.may_withdraw(),
        )
    });
    let withdraw = Posting {
        errors: FormErrors::default(),
        values: Default::default(),
        ..posting.clone()
    };
    let withdraw_action = format!("{}/delete", posting.action);
    let entry = if subscription {
        view! { <basket::BasketEntry state/> }.into_any()
    } else {
        view! { <grid::GridEntry state/> }.into_any()
    };
    view! {
        <div class="contract-form">
            <Notes state/>
            <Posted posting form=CONTRACT_FORM class="contract-entry">
                {entry}
                <div class="form-foot">
                    <FootProblems state/>
                    <p class="contract-total">
                        {td_string!(locale, contracts.contract_total)}" "<Total state figure=Figure::Contract/>
                    </p>
                    {can_save.then(|| view! {
                        <button type="submit" class="primary">{if referent { td_string!(locale, contracts.submit_referent) } else { td_string!(locale, contracts.submit) }}</button>
                    })}
                </div>
            </Posted>
            {may_withdraw.then(|| view! {
                <details class="withdraw">
                    <summary>{if referent { td_string!(locale, contracts.withdraw_referent) } else { td_string!(locale, contracts.withdraw) }}</summary>
                    <Posted posting=withdraw form=WITHDRAW_FORM action=withdraw_action>
                        <p>{td_string!(locale, contracts.withdraw_confirm)}</p>
                        <button type="submit" class="danger">{td_string!(locale, contracts.withdraw_submit)}</button>
                    </Posted>
                </details>
            })}
        </div>
    }
}

/// What the window allows, said once above the form.
#[component]
fn Notes(state: FormState) -> impl IntoView {
    let locale = lang();
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
        _ if referent => td_string!(locale, contracts.referent_note).to_owned(),
        Window::Open => td_string!(locale, contracts.deadline, date = deadline).to_string(),
        Window::LateFrom { from } => {
            td_string!(locale, contracts.late_from, date = day_month_year(from)).to_string()
        }
        Window::SomeDates { .. } => td_string!(locale, contracts.some_dates).to_owned(),
        Window::Closed if can_save => td_string!(locale, contracts.jokers_only).to_owned(),
        Window::Closed => td_string!(locale, contracts.closed).to_owned(),
    };
    view! {
        {referent.then(|| view! {
            <p><strong>{td_string!(locale, contracts.for_member, name = member).to_string()}</strong></p>
        })}
        <p class="notice">{window_note}</p>
        {(edited && !referent).then(|| view! {
            <p class="muted">{td_string!(locale, contracts.edited_by_referent)}</p>
        })}
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
pub(super) fn QtyInput(
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
    let (shown, typed, field, invalid) = (name.clone(), name.clone(), name.clone(), name.clone());
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
        <Problems state field id=error_id/>
    }
}
