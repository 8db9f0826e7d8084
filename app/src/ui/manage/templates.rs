//! `/a/{slug}/gestion/contrats`: the templates the caller manages, a "Nouveau contrat" form
//! for the producers they refer, and links to those producers. A producer's own account (who
//! may read its outputs but not manage templates) gets the links to its producer pages.

use crate::api::ErrorKind;
use crate::api::home::{HomeView, member_home};
use crate::api::producers::{ProducerRef, ProducerView, list as list_producers};
use crate::api::templates::{TemplateSummary, list, templates_path};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::{
    Check, Echo, Form, Input, Select, StateBadge, TextArea, date_span, frequency_options,
    nature_label, nature_options,
};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TemplatesPage() -> impl IntoView {
    let slug = use_slug();
    let templates = Resource::new(move || slug.get(), list);
    let producers = Resource::new(move || slug.get(), list_producers);
    let home = Resource::new(move || slug.get(), member_home);
    let data = move || Some((templates.get()?, producers.get()?, home.get()?));
    view! {
        <Suspense fallback=|| ()>
            {move || data().map(|loaded| match loaded {
                (Ok(list), Ok(producers), Ok(home)) => view! {
                    <Templates slug=slug.get() list producers home/>
                }.into_any(),
                (Err(e), _, Ok(home)) if e.kind == ErrorKind::Forbidden => view! {
                    <ProducerLinks slug=slug.get() producers=home.roles.producer_of.clone()/>
                }.into_any(),
                (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
                    view! { <main class="page"><ErrorNotice error/></main> }.into_any()
                }
            })}
        </Suspense>
    }
}

/// What a producer's account sees: its producer pages (with the outputs).
#[component]
fn ProducerLinks(slug: String, producers: Vec<ProducerRef>) -> impl IntoView {
    let i18n = use_i18n();
    let links = producers
        .into_iter()
        .map(|p| {
            let href = Amap::new(slug.clone()).producer(p.id);
            view! { <li><a href=href>{p.name}</a></li> }
        })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, manage.title)/>
        <main class="page">
            <h1>{t!(i18n, manage.title)}</h1>
            <h2>{t!(i18n, manage.producers)}</h2>
            <ul class="links">{links}</ul>
        </main>
    }
}

#[component]
fn Templates(
    slug: String,
    list: Vec<TemplateSummary>,
    producers: Vec<ProducerView>,
    home: HomeView,
) -> impl IntoView {
    let i18n = use_i18n();
    let managed: Vec<ProducerView> = producers
        .into_iter()
        .filter(|p| home.manages.contains(&p.id))
        .collect();
    let empty = list.is_empty();
    let rows = list
        .into_iter()
        .map(|t| view! { <TemplateRow slug=slug.clone() template=t/> })
        .collect_view();
    let producer_links = managed
        .iter()
        .map(|p| {
            let href = Amap::new(slug.clone()).producer(p.id);
            view! { <li><a href=href>{p.name.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, manage.title)/>
        <main class="page wide">
            <h1>{t!(i18n, manage.title)}</h1>
            <p><a href=Amap::new(slug.clone()).write()>{t!(i18n, write.link)}</a></p>
            <Show when=move || empty>
                <p class="empty">{t!(i18n, manage.no_templates)}</p>
            </Show>
            <table class="members templates">
                <thead><tr>
                    <th scope="col">{t!(i18n, manage.name)}</th>
                    <th scope="col">{t!(i18n, manage.producer)}</th>
                    <th scope="col">{t!(i18n, manage.nature)}</th>
                    <th scope="col">{t!(i18n, manage.state)}</th>
                    <th scope="col">{t!(i18n, manage.dates)}</th>
                    <th scope="col">{t!(i18n, manage.subscribers)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            // A producer's own account manages no producer: neither card means anything to it.
            {(!managed.is_empty()).then(|| view! {
                <section class="card">
                    <h2>{t!(i18n, manage.producers)}</h2>
                    <ul class="links">{producer_links}</ul>
                </section>
                <NewTemplate slug producers=managed/>
            })}
        </main>
    }
}

#[component]
fn TemplateRow(slug: String, template: TemplateSummary) -> impl IntoView {
    let i18n = use_i18n();
    let pages = Amap::new(slug);
    let href = pages.template(template.id);
    let producer_href = pages.producer(template.producer.id);
    let dates = format!(
        "{} ({})",
        date_span(template.first_date, template.last_date),
        t_string!(i18n, manage.date_count, count = template.date_count)
    );
    view! {
        <tr data-template=template.name.clone()>
            <td data-label=t_string!(i18n, manage.name)><a href=href>{template.name.clone()}</a></td>
            <td data-label=t_string!(i18n, manage.producer)><a href=producer_href>{template.producer.name.clone()}</a></td>
            <td data-label=t_string!(i18n, manage.nature)>{nature_label(template.nature)}</td>
            <td data-label=t_string!(i18n, manage.state)><StateBadge state=template.state/></td>
            <td data-label=t_string!(i18n, manage.dates)>{dates}</td>
            <td data-label=t_string!(i18n, manage.subscribers)>{template.subscriber_count}</td>
        </tr>
    }
}

/// "Nouveau contrat": a draft with its calendar; products come from the producer's catalogue.
#[component]
fn NewTemplate(slug: String, producers: Vec<ProducerView>) -> impl IntoView {
    let i18n = use_i18n();
    let form = "new".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let here = Amap::new(slug.clone()).templates();
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, fallback: &str| echo.value(&form, field, fallback)
    };
    let producer_options = producers
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect::<Vec<_>>();
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
    view! {
        <section class="card">
            <h2>{t!(i18n, manage.new_template)}</h2>
            <Form form=form.clone() action=templates_path(&slug) here errors class="stack-form">
                <Select form=form.clone() name="producer_id" label=t_string!(i18n, manage.producer).to_owned() errors options=producer_options selected=v("producer_id", "")/>
                <Input form=form.clone() name="name" label=t_string!(i18n, manage.name).to_owned() errors value=v("name", "")/>
                <TextArea form=form.clone() name="description" label=t_string!(i18n, manage.description).to_owned() errors value=v("description", "")/>
                <Select form=form.clone() name="nature" label=t_string!(i18n, manage.nature).to_owned() errors options=nature_options() selected=v("nature", "free")/>
                <Input form=form.clone() name="deadline" kind="date" label=t_string!(i18n, manage.deadline).to_owned() errors value=v("deadline", "")/>
                <CalendarFields form=form.clone() errors echo=echo.clone()/>
                <Check form=form.clone() name="late_joiners" label=t_string!(i18n, manage.late_joiners).to_owned() checked=echo.checked(&form, "late_joiners", false)/>
                <Check form=form.clone() name="stock_shared" label=t_string!(i18n, manage.stock_shared).to_owned() checked=echo.checked(&form, "stock_shared", false)/>
                <Input form=form.clone() name="prepaid_notice_days" kind="number" inputmode="numeric" label=t_string!(i18n, manage.prepaid_notice_days).to_owned() errors value=v("prepaid_notice_days", "")/>
                <fieldset>
                    <legend>{t!(i18n, manage.jokers)}</legend>
                    <Select form=form.clone() name="joker_kind" label=t_string!(i18n, manage.joker_kind).to_owned() errors options=joker_options selected=v("joker_kind", "none")/>
                    <Input form=form.clone() name="joker_min" kind="number" inputmode="numeric" label=t_string!(i18n, manage.joker_min).to_owned() errors value=v("joker_min", "")/>
                    <Input form=form.clone() name="joker_max" kind="number" inputmode="numeric" label=t_string!(i18n, manage.joker_max).to_owned() errors value=v("joker_max", "")/>
                    <Input form=form.clone() name="joker_days" kind="number" inputmode="numeric" label=t_string!(i18n, manage.joker_days).to_owned() errors value=v("joker_days", "") hint=t_string!(i18n, manage.joker_days_hint).to_owned()/>
                </fieldset>
                <button type="submit" class="primary">{t!(i18n, manage.create)}</button>
            </Form>
        </section>
    }
}

/// Frequency with first and last date, or a free list of dates (creation and copy).
#[component]
pub fn CalendarFields(
    form: String,
    errors: RwSignal<crate::api::form::FormErrors>,
    echo: Echo,
) -> impl IntoView {
    let i18n = use_i18n();
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, fallback: &str| echo.value(&form, field, fallback)
    };
    view! {
        <fieldset>
            <legend>{t!(i18n, manage.calendar)}</legend>
            <Select form=form.clone() name="frequency" label=t_string!(i18n, manage.frequency).to_owned() errors options=frequency_options() selected=v("frequency", "weekly")/>
            <Input form=form.clone() name="first_date" kind="date" label=t_string!(i18n, manage.first_date).to_owned() errors value=v("first_date", "")/>
            <Input form=form.clone() name="last_date" kind="date" label=t_string!(i18n, manage.last_date).to_owned() errors value=v("last_date", "")/>
            <TextArea form=form.clone() name="dates" label=t_string!(i18n, manage.date_list).to_owned() errors value=v("dates", "") hint=t_string!(i18n, manage.date_list_hint).to_owned()/>
        </fieldset>
    }
}
