//! The editor's first sections: the state buttons (publish, archive…) and the header form
//! (name, description, nature, deadline, late joiners, prepaid notice, jokers, shared stock).

use super::ctx::TemplateCtx;
use crate::api::templates::TemplateView;
use crate::domain::contract::manage::next_states;
use crate::domain::contract::{JokerKind, JokerMode, TemplateState};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{
    Check, FieldNotes, Form, Input, Select, TextArea, nature_options, nature_value,
};
use leptos::prelude::*;

/// Publier / Archiver / Repasser en brouillon / Réactiver.
#[component]
pub(super) fn StateButtons(
    ctx: TemplateCtx,
    state: TemplateState,
    subscribers: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let buttons = next_states(state, u64::from(subscribers))
        .into_iter()
        .map(|to| {
            let (value, label) = match to {
                TemplateState::Active if state == TemplateState::Draft => {
                    ("active", t_string!(i18n, manage.publish))
                }
                TemplateState::Active => ("active", t_string!(i18n, manage.reactivate)),
                TemplateState::Archived => ("archived", t_string!(i18n, manage.archive)),
                TemplateState::Draft => ("draft", t_string!(i18n, manage.back_to_draft)),
            };
            let form = format!("state-{value}");
            let errors = ctx.echo.errors(&form);
            view! {
                <Form form action=format!("{}/state", ctx.api) here=ctx.here.clone() errors method="PUT" class="inline-block">
                    <input type="hidden" name="state" value=value/>
                    <button type="submit" class="secondary">{label}</button>
                    <FieldNotes errors fields=&["state", "dates", "products"]/>
                </Form>
            }
        })
        .collect_view();
    view! { <div class="actions">{buttons}</div> }
}

/// Name, description, nature, deadline, late joiners, prepaid notice, jokers, shared stock.
#[component]
pub(super) fn HeaderForm(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let form = "header".to_owned();
    let echo = ctx.echo.clone();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    let jokers = view.jokers;
    let joker_kind = match jokers.kind {
        JokerKind::None => "none",
        JokerKind::Absence => "absence",
        JokerKind::Postponement => "postponement",
    };
    let joker_days = match jokers.mode {
        JokerMode::AtSignUp => String::new(),
        JokerMode::UntilDaysBefore(days) => days.to_string(),
    };
    let joker_options = vec![
        (
            "none".to_owned(),
            t_string!(i18n, manage.joker_none).to_owned(),
        ),
        (
            "absence".to_owned(),
            t_string!(i18n, manage.joker_absence).to_owned(),
        ),
        (
            "postponement".to_owned(),
            t_string!(i18n, manage.joker_postponement).to_owned(),
        ),
    ];
    let s = view.summary;
    // Only the settings of the template's nature; the others travel hidden with their stored
    // value, so saving never resets them (a nature changed here shows its own after saving).
    let applies = s.nature.settings();
    let late_field = if applies.late_joiners {
        view! { <Check form=form.clone() name="late_joiners" label=t_string!(i18n, manage.late_joiners).to_owned() checked=echo.checked(&form, "late_joiners", view.late_joiners)/> }.into_any()
    } else {
        view.late_joiners
            .then(|| view! { <input type="hidden" name="late_joiners" value="on"/> })
            .into_any()
    };
    let prepaid_value = v("prepaid_notice_days", view.prepaid_notice_days.to_string());
    let prepaid_field = if applies.prepaid_notice {
        view! { <Input form=form.clone() name="prepaid_notice_days" kind="number" inputmode="numeric" label=t_string!(i18n, manage.prepaid_notice_days).to_owned() errors value=prepaid_value/> }.into_any()
    } else {
        view! { <input type="hidden" name="prepaid_notice_days" value=prepaid_value/> }.into_any()
    };
    let jokers_fields = if applies.jokers {
        view! {
                <fieldset>
                    <legend>{t!(i18n, manage.jokers)}</legend>
                    <Select form=form.clone() name="joker_kind" label=t_string!(i18n, manage.joker_kind).to_owned() errors options=joker_options selected=v("joker_kind", joker_kind.to_owned())/>
                    <Input form=form.clone() name="joker_min" kind="number" inputmode="numeric" label=t_string!(i18n, manage.joker_min).to_owned() errors value=v("joker_min", jokers.min.to_string())/>
                    <Input form=form.clone() name="joker_max" kind="number" inputmode="numeric" label=t_string!(i18n, manage.joker_max).to_owned() errors value=v("joker_max", jokers.max.to_string())/>
                    <Input form=form.clone() name="joker_days" kind="number" inputmode="numeric" label=t_string!(i18n, manage.joker_days).to_owned() errors value=v("joker_days", joker_days) hint=t_string!(i18n, manage.joker_days_hint).to_owned()/>
                </fieldset>
        }.into_any()
    } else {
        view! {
            <input type="hidden" name="joker_kind" value=joker_kind/>
            <input type="hidden" name="joker_min" value=jokers.min.to_string()/>
            <input type="hidden" name="joker_max" value=jokers.max.to_string()/>
            <input type="hidden" name="joker_days" value=joker_days.clone()/>
        }
        .into_any()
    };
    view! {
        <section class="card" id="reglages">
            <h2>{t!(i18n, manage.header)}</h2>
            <Form form=form.clone() action=ctx.api.clone() here=ctx.here.clone() errors method="PUT" class="stack-form">
                <Input form=form.clone() name="name" label=t_string!(i18n, manage.name).to_owned() errors value=v("name", s.name.clone())/>
                <TextArea form=form.clone() name="description" label=t_string!(i18n, manage.description).to_owned() errors value=v("description", view.description.clone())/>
                <Select form=form.clone() name="nature" label=t_string!(i18n, manage.nature).to_owned() errors options=nature_options() selected=v("nature", nature_value(s.nature).to_owned())/>
                <Input form=form.clone() name="deadline" kind="date" label=t_string!(i18n, manage.deadline).to_owned() errors value=v("deadline", s.deadline.to_string())/>
                {late_field}
                <Check form=form.clone() name="stock_shared" label=t_string!(i18n, manage.stock_shared).to_owned() checked=echo.checked(&form, "stock_shared", view.stock_shared)/>
                {prepaid_field}
                {jokers_fields}
                <p class="hint">{t!(i18n, manage.nature_hint)}</p>
                <button type="submit" class="primary">{t!(i18n, manage.save)}</button>
            </Form>
        </section>
    }
}
