//! `/a/{slug}/gestion/producteurs/{producer_id}`: a producer's details and catalogue, editable
//! by its référents (and treasurers, admins), readable by the producer's own accounts; and its
//! templates, with their outputs (synthesis, delivery sheets).

use crate::api::amaps::amap_path;
use crate::api::templates::{ProducerDetail, ProductView, TemplateSummary, list, producer};
use crate::api::{ApiError, ErrorKind};
use crate::domain::ProducerId;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::{Check, Echo, Form, Input, StateBadge, TextArea, date_span};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProducerPage() -> impl IntoView {
    let slug = use_slug();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|p| {
            p.get("producer_id")
                .and_then(|raw| raw.parse().ok())
                .map(ProducerId)
        })
    });
    let detail = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move {
            match id {
                Some(id) => producer(slug, id).await,
                None => Err(ApiError::new(ErrorKind::NotFound, "no such producer")),
            }
        },
    );
    let templates = Resource::new(move || slug.get(), templates_in_view);
    let data = move || Some((detail.get()?, templates.get()?));
    view! {
        <Suspense fallback=|| ()>
            {move || data().map(|loaded| match loaded {
                (Ok(detail), templates) => {
                    // The server decides what the caller may do here.
                    let (manages, cheques) = (detail.may_manage, detail.may_handle_cheques);
                    let templates = templates.into_iter().filter(|t| t.producer.id == detail.id).collect();
                    view! { <Producer slug=slug.get() detail manages cheques templates/> }.into_any()
                }
                (Err(error), _) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

/// The templates the caller may see: those they manage, or, for a producer's own account,
/// those it delivers (the API filters them).
async fn templates_in_view(slug: String) -> Vec<TemplateSummary> {
    list(slug).await.unwrap_or_default()
}

#[component]
fn Producer(
    slug: String,
    detail: ProducerDetail,
    manages: bool,
    /// May open the templates' cheque registers.
    cheques: bool,
    templates: Vec<TemplateSummary>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pages = Amap::new(slug.clone());
    let here = pages.producer(detail.id);
    let api = format!("{}/producers/{}", amap_path(&slug), detail.id);
    let echo = Echo::current();
    let names = |people: &[crate::api::producers::PersonRef]| {
        people
            .iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let referents = names(&detail.referents);
    let users = names(&detail.users);
    let templates = templates
        .into_iter()
        .map(|t| {
            let editor = pages.template(t.id);
            let synthesis = pages.synthesis(t.id);
            let register = pages.register(t.id);
            view! {
                <li>
                    {if manages { view! { <a href=editor>{t.name.clone()}</a> }.into_any() } else { view! { <span>{t.name.clone()}</span> }.into_any() }}
                    " " <StateBadge state=t.state/> " " {date_span(t.first_date, t.last_date)} " · "
                    <a href=synthesis>{t!(i18n, manage.synthesis)}</a>
                    {cheques.then(|| view! { " · " <a href=register>{t!(i18n, payments.cheques_link)}</a> })}
                </li>
            }
        })
        .collect_view();
    let products = detail
        .products
        .iter()
        .map(|p| view! { <ProductItem product=p.clone() api=api.clone() here=here.clone() manages echo=echo.clone()/> })
        .collect_view();
    let details_form = manages.then(|| view! { <DetailsForm detail=detail.clone() api=api.clone() here=here.clone() echo=echo.clone()/> });
    let add_form = manages
        .then(|| view! { <NewProduct api=api.clone() here=here.clone() echo=echo.clone()/> });
    view! {
        <Title text=detail.name.clone()/>
        <main class="page wide">
            <p><a href=pages.templates()>{t!(i18n, manage.back_to_list)}</a></p>
            <h1>{detail.name.clone()}</h1>
            <p>{detail.description.clone()}</p>
            <p class="muted">{t_string!(i18n, manage.notice_days_value, count = detail.notice_days).to_string()}</p>
            <p class="muted">{t!(i18n, manage.referents, names = referents)}</p>
            <p class="muted">{t!(i18n, manage.producer_accounts, names = users)}</p>
            <section class="card">
                <h2>{t!(i18n, manage.templates)}</h2>
                <ul class="plain">{templates}</ul>
            </section>
            {details_form}
            <section class="card">
                <h2>{t!(i18n, manage.catalogue)}</h2>
                <ul class="plain products">{products}</ul>
                {add_form}
            </section>
        </main>
    }
}

#[component]
fn DetailsForm(detail: ProducerDetail, api: String, here: String, echo: Echo) -> impl IntoView {
    let i18n = use_i18n();
    let form = "producer".to_owned();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    view! {
        <section class="card">
            <h2>{t!(i18n, manage.producer_details)}</h2>
            <Form form=form.clone() action=api here errors method="PUT" class="stack-form">
                <Input form=form.clone() name="name" label=t_string!(i18n, manage.name).to_owned() errors value=v("name", detail.name.clone())/>
                <TextArea form=form.clone() name="description" label=t_string!(i18n, manage.description).to_owned() errors value=v("description", detail.description.clone())/>
                <Input form=form.clone() name="notice_days" kind="number" inputmode="numeric" label=t_string!(i18n, manage.notice_days).to_owned() errors value=v("notice_days", detail.notice_days.to_string())/>
                <Check form=form.clone() name="active" label=t_string!(i18n, manage.active).to_owned() checked=echo.checked(&form, "active", detail.active)/>
                <Check form=form.clone() name="handles_cheques" label=t_string!(i18n, manage.handles_cheques).to_owned() checked=echo.checked(&form, "handles_cheques", detail.handles_cheques)/>
                <button type="submit" class="primary">{t!(i18n, manage.save)}</button>
            </Form>
        </section>
    }
}

/// One product: its edit form for those who manage the producer, a line for the others.
#[component]
fn ProductItem(
    product: ProductView,
    api: String,
    here: String,
    manages: bool,
    echo: Echo,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = if product.packaging.is_empty() {
        product.name.clone()
    } else {
        format!("{} ({})", product.name, product.packaging)
    };
    let archived = (!product.active).then(
        || view! { " " <span class="badge archived">{t!(i18n, manage.archived_product)}</span> },
    );
    if !manages {
        return view! { <li>{title}{archived}</li> }.into_any();
    }
    let form = format!("product-{}", product.id);
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    view! {
        <li>
            <details>
                <summary>{title}{archived}</summary>
                <Form form=form.clone() action=format!("{api}/products/{}", product.id) here errors method="PUT" class="stack-form">
                    <Input form=form.clone() name="name" label=t_string!(i18n, manage.name).to_owned() errors value=v("name", product.name.clone())/>
                    <Input form=form.clone() name="packaging" label=t_string!(i18n, manage.packaging).to_owned() errors value=v("packaging", product.packaging.clone())/>
                    <TextArea form=form.clone() name="description" label=t_string!(i18n, manage.description).to_owned() errors value=v("description", product.description.clone())/>
                    <Check form=form.clone() name="active" label=t_string!(i18n, manage.product_active).to_owned() checked=echo.checked(&form, "active", product.active)/>
                    <button type="submit" class="secondary">{t!(i18n, manage.save)}</button>
                </Form>
            </details>
        </li>
    }
    .into_any()
}

#[component]
fn NewProduct(api: String, here: String, echo: Echo) -> impl IntoView {
    let i18n = use_i18n();
    let form = "new-product".to_owned();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str| echo.value(&form, field, "")
    };
    view! {
        <h3>{t!(i18n, manage.new_product)}</h3>
        <Form form=form.clone() action=format!("{api}/products") here errors class="stack-form">
            <Input form=form.clone() name="name" label=t_string!(i18n, manage.product_name).to_owned() errors value=v("name")/>
            <Input form=form.clone() name="packaging" label=t_string!(i18n, manage.packaging).to_owned() errors value=v("packaging")/>
            <TextArea form=form.clone() name="description" label=t_string!(i18n, manage.description).to_owned() errors value=v("description")/>
            <input type="hidden" name="active" value="on"/>
            <button type="submit" class="secondary">{t!(i18n, manage.add_product)}</button>
        </Form>
    }
}
