//! The editor's "Paiement" section: the payment preset (or custom settings), payee, hand-in
//! date, minimum cheque, collecting référent, and the way to the template's cheques.

use super::ctx::TemplateCtx;
use crate::api::payments::{PaymentSettings, PaymentSettingsForm};
use crate::i18n::{t_string, use_i18n};
use crate::ui::cheques::labels::{dates_options, kind_options, preset_options};
use crate::ui::kit::{Check, Echo, FieldNotes, Form, Input, Select, TextArea};
use leptos::prelude::*;

/// The section, given the settings the page loaded with the template (one resource per page,
/// created with the page: a resource created inside the editor would hydrate out of order).
#[component]
pub fn PaymentSection(ctx: TemplateCtx, stored: Option<PaymentSettings>) -> impl IntoView {
    let cheques = format!("{}/cheques", ctx.here);
    let i18n = use_i18n();
    view! {
        <section class="card" id="paiement">
            <h2>{t_string!(i18n, payments.settings_title)}</h2>
            <p><a href=cheques>{t_string!(i18n, payments.cheques_link)}</a></p>
            {stored.map(|stored| view! { <SettingsForm ctx=ctx.clone() stored/> })}
        </section>
    }
}

#[component]
fn SettingsForm(ctx: TemplateCtx, stored: PaymentSettings) -> impl IntoView {
    let referents = stored.referents.clone();
    let i18n = use_i18n();
    let form = "payments".to_owned();
    let echo: Echo = ctx.echo.clone();
    let errors = echo.errors(&form);
    let current = PaymentSettingsForm::from_settings(&stored);
    let v = |field: &str, fallback: &str| echo.value(&form, field, fallback);
    let (strategy, payee, hand_in_by, minimum, collector, kind, dates, free_dates, message) = (
        v("strategy", &current.strategy),
        v("payee", &current.payee),
        v("hand_in_by", &current.hand_in_by),
        v("minimum", &current.minimum),
        v("collector", &current.collector),
        v("kind", &current.kind),
        v("dates", &current.dates),
        v("free_dates", &current.free_dates),
        v("message", &current.message),
    );
    let editable = echo.checked(&form, "editable", current.editable.is_some());
    let mut collectors = vec![(
        String::new(),
        t_string!(i18n, payments.collector_default).to_owned(),
    )];
    collectors.extend(referents.into_iter().map(|r| (r.id.to_string(), r.name)));
    view! {
        <Form form=form.clone() action=format!("{}/payments", ctx.api) here=ctx.here.clone() errors method="PUT" class="stack-form">
            <Select form=form.clone() name="strategy" label=t_string!(i18n, payments.strategy).to_owned() errors
                options=preset_options() selected=strategy/>
            <Input form=form.clone() name="payee" label=t_string!(i18n, payments.payee_label).to_owned() errors value=payee/>
            <Input form=form.clone() name="hand_in_by" kind="date" label=t_string!(i18n, payments.hand_in_by_label).to_owned() errors value=hand_in_by/>
            <Input form=form.clone() name="minimum" inputmode="decimal" label=t_string!(i18n, payments.minimum).to_owned() errors value=minimum/>
            <Select form=form.clone() name="collector" label=t_string!(i18n, payments.collector).to_owned() errors
                options=collectors selected=collector/>
            <details>
                <summary>{t_string!(i18n, payments.preset_custom)}</summary>
                <Select form=form.clone() name="kind" label=t_string!(i18n, payments.kind).to_owned() errors
                    options=kind_options() selected=kind/>
                <Check form=form.clone() name="editable" label=t_string!(i18n, payments.editable).to_owned()
                    checked=editable/>
                <Select form=form.clone() name="dates" label=t_string!(i18n, payments.dates).to_owned() errors
                    options=dates_options() selected=dates/>
                <TextArea form=form.clone() name="free_dates" label=t_string!(i18n, payments.free_dates).to_owned() errors value=free_dates/>
            </details>
            <TextArea form=form.clone() name="message" label=t_string!(i18n, payments.message_label).to_owned() errors value=message/>
            <FieldNotes errors fields=&["payment_dates"]/>
            <button type="submit" class="secondary">{t_string!(i18n, payments.settings_save)}</button>
        </Form>
    }
}
