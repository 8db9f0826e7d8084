//! `/a/{slug}/gestion/contrats/{id}`: the référent's template editor. Each section is its own
//! component (header and states here; products, calendar, rules, stock, copy and deletion in
//! their files); every form posts to the template's API and comes back here.

use super::form::ErrorNotice;
use super::layout::use_slug;
use super::manage_calendar::CalendarSection;
use super::manage_changes::{ChangeQuery, PreviewPanel};
use super::manage_kit::{
    Check, Echo, FieldNotes, Input, ManageForm, Select, StateBadge, TextArea, nature_label,
    nature_options, nature_value,
};
use super::manage_payments::PaymentSection;
use super::manage_rules::RulesSection;
use super::manage_stock::StockSection;
use super::manage_template_products::ProductsSection;
use super::manage_template_tools::{CopySection, DeleteSection};
use crate::api::templates::{TemplateView, show, template_path};
use crate::api::{ApiError, ErrorKind};
use crate::domain::TemplateId;
use crate::domain::contract::manage::{next_states, previews_changes};
use crate::domain::contract::{JokerKind, JokerMode, TemplateState};
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What every section of the editor needs.
#[derive(Clone)]
pub struct TemplateCtx {
    pub slug: String,
    /// This page (where forms come back).
    pub here: String,
    /// The template's API path.
    pub api: String,
    /// Changes go through a preview of the impacted contracts first.
    pub previews: bool,
    pub on_change: Callback<serde_json::Value>,
    pub echo: Echo,
}

impl TemplateCtx {
    pub fn changes(&self) -> String {
        format!("{}/changes", self.api)
    }

    pub fn list(&self) -> String {
        format!("/a/{}/gestion/contrats", self.slug)
    }
}

/// The `{id}` route parameter, as a template id.
pub fn use_template_id() -> Memo<Option<TemplateId>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params.with(|p| p.get("id").and_then(|raw| raw.parse().ok()).map(TemplateId))
    })
}

pub fn not_found() -> ApiError {
    ApiError::new(ErrorKind::NotFound, "no such template")
}

#[component]
pub fn TemplatePage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let template = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move {
            match id {
                Some(id) => show(slug, id).await,
                None => Err(not_found()),
            }
        },
    );
    let query = use_query_map();
    let request = Memo::new(move |_| query.with(ChangeQuery::from_query));
    let preview = Resource::new(
        move || (slug.get(), id.get(), request.get()),
        |(slug, id, request)| async move {
            match (id, request) {
                (Some(id), Some(request)) => Some(request.preview(&slug, id).await),
                _ => None,
            }
        },
    );
    let payments = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move {
            match id {
                Some(id) => crate::api::payments::settings(slug, id).await.ok(),
                None => None,
            }
        },
    );
    let on_change = Callback::new(move |_| {
        template.refetch();
        payments.refetch();
    });
    let data = move || Some(((template.get()?, preview.get()?), payments.get()?));
    view! {
        <Suspense fallback=|| ()>
            {move || data().map(|(loaded, payments)| match (loaded, id.get()) {
                ((Ok(view), preview), Some(id)) => {
                    let ctx = TemplateCtx {
                        slug: slug.get(),
                        here: format!("/a/{}/gestion/contrats/{id}", slug.get()),
                        api: template_path(&slug.get(), id),
                        previews: previews_changes(view.summary.subscriber_count),
                        on_change,
                        echo: Echo::from_query(),
                    };
                    let preview = request.get_untracked().zip(preview);
                    view! { <Editor ctx view preview payments/> }.into_any()
                }
                ((Err(error), _), _) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
                (_, None) => view! { <main class="page"><ErrorNotice error=not_found()/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Editor(
    ctx: TemplateCtx,
    view: TemplateView,
    preview: Option<(
        ChangeQuery,
        Result<crate::api::templates::ChangeOutcome, ApiError>,
    )>,
    payments: Option<crate::api::payments::PaymentSettings>,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = view.summary.clone();
    let producer_href = format!(
        "/a/{}/gestion/producteurs/{}",
        ctx.slug, summary.producer.id
    );
    let subscriptions = format!("{}/inscrits", ctx.here);
    let synthesis = format!("{}/synthese", ctx.here);
    let cheques = format!("{}/cheques", ctx.here);
    let preview = preview.map(|(request, outcome)| {
        view! { <PreviewPanel ctx=ctx.clone() request outcome template=view.clone()/> }
    });
    view! {
        <Title text=summary.name.clone()/>
        <main class="page wide editor">
            <p><a href=ctx.list()>{t!(i18n, manage.back_to_list)}</a></p>
            <h1>{summary.name.clone()}" " <StateBadge state=summary.state/></h1>
            <p class="muted">
                <a href=producer_href>{summary.producer.name.clone()}</a>
                " · " {nature_label(summary.nature)}
                " · " {t!(i18n, manage.subscriber_count, count = summary.subscriber_count)}
            </p>
            <nav class="actions">
                <a href=subscriptions>{t!(i18n, manage.subscriptions)}</a>
                <a href=synthesis>{t!(i18n, manage.synthesis)}</a>
                <a href=cheques>{t!(i18n, payments.cheques_link)}</a>
            </nav>
            {preview}
            <StateButtons ctx=ctx.clone() state=summary.state subscribers=summary.subscriber_count/>
            <HeaderForm ctx=ctx.clone() view=view.clone()/>
            <ProductsSection ctx=ctx.clone() view=view.clone()/>
            <CalendarSection ctx=ctx.clone() view=view.clone()/>
            <RulesSection ctx=ctx.clone() view=view.clone()/>
            <StockSection ctx=ctx.clone() view=view.clone()/>
            <PaymentSection ctx=ctx.clone() stored=payments/>
            <CopySection ctx=ctx.clone() view=view.clone()/>
            <DeleteSection ctx may_delete=view.may_delete/>
        </main>
    }
}

/// Publier / Archiver / Repasser en brouillon / Réactiver.
#[component]
fn StateButtons(ctx: TemplateCtx, state: TemplateState, subscribers: u32) -> impl IntoView {
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
                <ManageForm form action=format!("{}/state", ctx.api) here=ctx.here.clone() errors on_success=ctx.on_change class="inline-block">
                    <input type="hidden" name="_method" value="PUT"/>
                    <input type="hidden" name="state" value=value/>
                    <button type="submit" class="secondary">{label}</button>
                    <FieldNotes errors fields=&["state", "dates", "products"]/>
                </ManageForm>
            }
        })
        .collect_view();
    view! { <div class="actions">{buttons}</div> }
}

/// Name, description, nature, deadline, late joiners, prepaid notice, jokers, shared stock.
#[component]
fn HeaderForm(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
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
    view! {
        <section class="card">
            <h2>{t!(i18n, manage.header)}</h2>
            <ManageForm form=form.clone() action=ctx.api.clone() here=ctx.here.clone() errors on_success=ctx.on_change class="stack-form">
                <input type="hidden" name="_method" value="PUT"/>
                <Input form=form.clone() name="name" label=t_string!(i18n, manage.name).to_owned() errors value=v("name", s.name.clone())/>
                <TextArea form=form.clone() name="description" label=t_string!(i18n, manage.description).to_owned() errors value=v("description", view.description.clone())/>
                <Select form=form.clone() name="nature" label=t_string!(i18n, manage.nature).to_owned() errors options=nature_options() selected=v("nature", nature_value(s.nature).to_owned())/>
                <Input form=form.clone() name="deadline" kind="date" label=t_string!(i18n, manage.deadline).to_owned() errors value=v("deadline", s.deadline.to_string())/>
                <Check form=form.clone() name="late_joiners" label=t_string!(i18n, manage.late_joiners).to_owned() checked=echo.checked(&form, "late_joiners", view.late_joiners)/>
                <Check form=form.clone() name="stock_shared" label=t_string!(i18n, manage.stock_shared).to_owned() checked=echo.checked(&form, "stock_shared", view.stock_shared)/>
                <Input form=form.clone() name="prepaid_notice_days" kind="number" inputmode="numeric" label=t_string!(i18n, manage.prepaid_notice_days).to_owned() errors value=v("prepaid_notice_days", view.prepaid_notice_days.to_string())/>
                <fieldset>
                    <legend>{t!(i18n, manage.jokers)}</legend>
                    <Select form=form.clone() name="joker_kind" label=t_string!(i18n, manage.joker_kind).to_owned() errors options=joker_options selected=v("joker_kind", joker_kind.to_owned())/>
                    <Input form=form.clone() name="joker_min" kind="number" inputmode="numeric" label=t_string!(i18n, manage.joker_min).to_owned() errors value=v("joker_min", jokers.min.to_string())/>
                    <Input form=form.clone() name="joker_max" kind="number" inputmode="numeric" label=t_string!(i18n, manage.joker_max).to_owned() errors value=v("joker_max", jokers.max.to_string())/>
                    <Input form=form.clone() name="joker_days" kind="number" inputmode="numeric" label=t_string!(i18n, manage.joker_days).to_owned() errors value=v("joker_days", joker_days) hint=t_string!(i18n, manage.joker_days_hint).to_owned()/>
                </fieldset>
                <button type="submit" class="primary">{t!(i18n, manage.save)}</button>
            </ManageForm>
        </section>
    }
}
