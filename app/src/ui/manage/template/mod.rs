//! `/a/{slug}/gestion/contrats/{id}`: the référent's template editor. Each section is its own
//! component in its own file (header and states, products, calendar, rules, stock, payment,
//! copy and deletion); every form posts to the template's API and comes back here.

mod adhesion;
mod calendar;
mod changes;
mod ctx;
mod header;
mod payments;
mod products;
mod rules;
mod stock;
mod tools;

use crate::api::ApiError;
use crate::api::payments::PaymentSettings;
use crate::api::templates::{ChangeOutcome, TemplateView, show, template_path};
use crate::domain::contract::manage::previews_changes;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Echo, ErrorNotice, StateBadge, nature_label};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use adhesion::AdhesionSection;
use calendar::CalendarSection;
use changes::{ChangeQuery, PreviewPanel};
pub use ctx::{TemplateCtx, not_found, use_template_id};
use header::{HeaderForm, StateButtons};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use payments::PaymentSection;
use products::ProductsSection;
use rules::RulesSection;
use stock::StockSection;
use tools::{CopySection, DeleteSection};

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
    // The periods a template may require (an empty list when they cannot be read).
    let periods = Resource::new(
        move || slug.get(),
        |slug| async move {
            crate::api::adhesions::periods(slug)
                .await
                .unwrap_or_default()
        },
    );
    let data = move || {
        Some((
            (template.get()?, preview.get()?),
            (payments.get()?, periods.get()?),
        ))
    };
    view! {
        <Suspense fallback=|| ()>
            {move || data().map(|(loaded, (payments, periods))| match (loaded, id.get()) {
                ((Ok(view), preview), Some(id)) => {
                    let ctx = TemplateCtx {
                        slug: slug.get(),
                        here: Amap::new(slug.get()).template(id),
                        api: template_path(&slug.get(), id),
                        previews: previews_changes(view.summary.subscriber_count),
                        echo: Echo::current(),
                    };
                    let preview = request.get_untracked().zip(preview);
                    view! { <Editor ctx view preview payments periods/> }.into_any()
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
    preview: Option<(ChangeQuery, Result<ChangeOutcome, ApiError>)>,
    payments: Option<PaymentSettings>,
    periods: Vec<crate::api::adhesions::PeriodView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = view.summary.clone();
    let pages = Amap::new(ctx.slug.clone());
    let producer_href = pages.producer(summary.producer.id);
    let subscriptions = pages.subscriptions(summary.id);
    let synthesis = pages.synthesis(summary.id);
    let cheques = pages.register(summary.id);
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
                " · " {t_string!(i18n, manage.subscriber_count, count = summary.subscriber_count).to_string()}
            </p>
            <nav class="actions">
                <a href=subscriptions>{t!(i18n, manage.subscriptions)}</a>
                <a href=synthesis>{t!(i18n, manage.synthesis)}</a>
                <a href=cheques>{t!(i18n, payments.cheques_link)}</a>
            </nav>
            // Ten sections on one page: listed first, each a link away.
            <nav class="toc" aria-label=t_string!(i18n, manage.toc)>
                <a href="#reglages">{t!(i18n, manage.header)}</a>
                <a href="#produits">{t!(i18n, manage.products)}</a>
                <a href="#calendrier">{t!(i18n, manage.calendar)}</a>
                <a href="#regles">{t!(i18n, manage.rules)}</a>
                <a href="#stock">{t!(i18n, manage.stock)}</a>
                <a href="#paiement">{t!(i18n, payments.settings_title)}</a>
                <a href="#adhesion">{t!(i18n, adhesions.requirement_title)}</a>
                <a href="#copie">{t!(i18n, manage.copy)}</a>
            </nav>
            {preview}
            <StateButtons ctx=ctx.clone() state=summary.state subscribers=summary.subscriber_count/>
            <HeaderForm ctx=ctx.clone() view=view.clone()/>
            <ProductsSection ctx=ctx.clone() view=view.clone()/>
            <CalendarSection ctx=ctx.clone() view=view.clone()/>
            <RulesSection ctx=ctx.clone() view=view.clone()/>
            <StockSection ctx=ctx.clone() view=view.clone()/>
            <PaymentSection ctx=ctx.clone() stored=payments/>
            <AdhesionSection ctx=ctx.clone() view=view.clone() periods/>
            <CopySection ctx=ctx.clone() view=view.clone()/>
            <DeleteSection ctx may_delete=view.may_delete/>
        </main>
    }
}
