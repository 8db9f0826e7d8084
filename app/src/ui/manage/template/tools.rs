//! The editor's last sections: "Créer à partir de…" (a copy with a new calendar) and deletion
//! (only while nobody has signed up). Both end on the list of templates.

use super::ctx::TemplateCtx;
use crate::api::templates::TemplateView;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Echo, Form, Input};
use crate::ui::manage::templates::CalendarFields;
use leptos::prelude::*;

#[component]
pub fn CopySection(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let form = "copy".to_owned();
    let echo: Echo = ctx.echo.clone();
    let errors = echo.errors(&form);
    let name = t_string!(i18n, manage.copy_name, name = view.summary.name.clone()).to_string();
    view! {
        <section class="card" id="copie">
            <h2>{t!(i18n, manage.copy)}</h2>
            <p class="muted">{t!(i18n, manage.copy_intro)}</p>
            <Form form=form.clone() action=format!("{}/copy", ctx.api) here=ctx.here.clone() next=ctx.list() errors class="stack-form">
                <Input form=form.clone() name="name" label=t_string!(i18n, manage.name).to_owned() errors value=echo.value(&form, "name", name)/>
                <Input form=form.clone() name="deadline" kind="date" label=t_string!(i18n, manage.deadline).to_owned() errors value=echo.value(&form, "deadline", "")/>
                <CalendarFields form=form.clone() errors echo=echo.clone()/>
                <button type="submit" class="secondary">{t!(i18n, manage.copy_button)}</button>
            </Form>
        </section>
    }
}

#[component]
pub fn DeleteSection(ctx: TemplateCtx, may_delete: bool) -> impl IntoView {
    let i18n = use_i18n();
    // The server's decision (nobody signed up), not rebuilt here.
    if !may_delete {
        return view! { <p class="muted">{t!(i18n, manage.cannot_delete)}</p> }.into_any();
    }
    let form = "delete".to_owned();
    let errors = ctx.echo.errors(&form);
    view! {
        <section class="card danger" id="suppression">
            <h2>{t!(i18n, manage.delete_template)}</h2>
            <Form form action=ctx.api.clone() method="DELETE" here=ctx.here.clone() next=ctx.list() errors>
                <button type="submit" class="danger">{t!(i18n, manage.delete_template)}</button>
            </Form>
        </section>
    }
    .into_any()
}
