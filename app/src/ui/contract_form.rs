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
mod state;

use super::form::{ApiForm, errors_from_query};
use super::manage_kit::FORM_MARK;
use super::schedule_form::SCHEDULE_FORM;
use crate::api::contracts::SignUpPage;
use crate::api::form::{FormErrors, echoed_values};
use crate::domain::contract::Quantities;
use crate::domain::contract::agenda::day_month_year;
use crate::domain::contract::deadline::Window;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use state::{Figure, FormState, Model};

/// A live total of the contract being typed.
#[component]
fn Total(state: FormState, figure: Figure) -> impl IntoView {
    move || state.total(figure)
}

/// The problems of one field, live and from the server.
#[component]
fn Problems(
    state: FormState,
    field: String,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    view! { <p class="field-error" id=id>{move || state.message(&field)}</p> }
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
    /// Where the grid being typed is copied once hydrated (the schedule preview).
    #[prop(optional)]
    typed_grid: Option<RwSignal<Option<Quantities>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let back = use_location().pathname.get_untracked();
    let query = use_query_map().get_untracked();
    let echoed = echoed_values((&query).into_iter().map(|(k, v)| (k.as_ref(), v)));
    // A failed plain post of the schedule form below comes back to this page too: its
    // errors and values are the schedule's, not the contract's.
    let for_schedule = echoed.get(FORM_MARK).is_some_and(|f| f == SCHEDULE_FORM);
    let errors = if for_schedule {
        RwSignal::new(FormErrors::default())
    } else {
        errors_from_query()
    };
    let echoed = if for_schedule {
        Default::default()
    } else {
        echoed
    };
    let model = Model::new(page);
    let fields = model.initial_fields(echoed);
    let state = FormState::new(model, fields, errors);
    if let Some(out) = typed_grid {
        Effect::new(move |_| out.set(Some(state.review.with(|r| r.grid.clone()))));
    }
    let (referent, subscription, can_save, may_withdraw) = state.model.with_value(|m| {
        let ctx = m.ctx();
        (
            m.page.as_referent,
            m.subscription(),
            ctx.can_save(&m.editable),
            ctx.may_withdraw(),
        )
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
                <input type="hidden" name="_method" value="PUT"/>
                {entry}
                <div class="form-foot">
                    <FootProblems state/>
                    <p class="contract-total">
                        {t_string!(i18n, contracts.contract_total)}" "<Total state figure=Figure::Contract/>
                    </p>
                    {can_save.then(|| view! {
                        <button type="submit" class="primary">{if referent { t_string!(i18n, contracts.submit_referent) } else { t_string!(i18n, contracts.submit) }}</button>
                    })}
                </div>
            </ApiForm>
            {may_withdraw.then(|| view! {
                <details class="withdraw">
                    <summary>{if referent { t_string!(i18n, contracts.withdraw_referent) } else { t_string!(i18n, contracts.withdraw) }}</summary>
                    <ApiForm action=delete_action next=withdraw_next back=withdraw_back errors=RwSignal::new(FormErrors::default()) on_success=on_success>
                        <input type="hidden" name="_method" value="DELETE"/>
                        <p>{t_string!(i18n, contracts.withdraw_confirm)}</p>
                        <button type="submit" class="danger">{t_string!(i18n, contracts.withdraw_submit)}</button>
                    </ApiForm>
                </details>
            })}
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
