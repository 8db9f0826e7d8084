//! What a producer must deliver, readable by its référents and its own accounts:
//! `/a/{slug}/gestion/contrats/{id}/synthese` (dates × products with running totals) and
//! `/a/{slug}/gestion/contrats/{id}/livraison/{date}` (members × products), each with its
//! CSV and XLSX downloads.

use super::template::{not_found, use_template_id};
use crate::api::contracts::{DeliverySheet, Synthesis, delivery_sheet, synthesis};
use crate::api::templates::{TemplateProductView, parse_date, template_path};
use crate::domain::TemplateId;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::{Downloads, day};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn product_heads(products: &[TemplateProductView]) -> impl IntoView + use<> {
    products
        .iter()
        .map(|p| {
            let name = if p.packaging.is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, p.packaging)
            };
            view! { <th scope="col">{name}</th> }
        })
        .collect_view()
}

fn numbers(values: Vec<u32>) -> impl IntoView + use<> {
    values
        .into_iter()
        .map(|q| view! { <td class="num">{q}</td> })
        .collect_view()
}

#[component]
pub fn SynthesisPage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let data = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move { synthesis(slug, id.ok_or_else(not_found)?).await },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().zip(id.get()).map(|(loaded, id)| match loaded {
                Ok(synthesis) => view! { <SynthesisTable slug=slug.get() id synthesis/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn SynthesisTable(slug: String, id: TemplateId, synthesis: Synthesis) -> impl IntoView {
    let i18n = use_i18n();
    let s = synthesis.template;
    let title = t_string!(i18n, manage.synthesis_of, name = s.name.clone()).to_string();
    let pages = Amap::new(slug.clone());
    let producer = pages.producer(s.producer.id);
    let rows = synthesis
        .rows
        .into_iter()
        .map(|r| {
            let sheet = pages.delivery_sheet(id, r.date);
            let cells = r
                .quantities
                .iter()
                .zip(&r.cumulative)
                .map(|(q, c)| view! { <td class="num">{*q}<span class="cumul">{format!(" ({c})")}</span></td> })
                .collect_view();
            let cancelled = r.cancelled.then(|| view! { " " <span class="badge archived">{t!(i18n, manage.date_cancelled)}</span> });
            view! {
                <tr class:cancelled=r.cancelled>
                    <th scope="row"><a href=sheet>{day(r.date)}</a>{cancelled}</th>
                    {cells}
                    <td class="num">{r.amount.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone()/>
        <main class="page wide">
            <p><a href=producer>{s.producer.name.clone()}</a></p>
            <h1>{title}</h1>
            <Downloads api_path=format!("{}/synthesis", template_path(&slug, id))/>
            <p class="muted">{t!(i18n, manage.cumul_legend)}</p>
            <div class="scroll">
                <table class="grid">
                    <thead><tr>
                        <th scope="col">{t!(i18n, manage.date)}</th>
                        {product_heads(&synthesis.products)}
                        <th scope="col">{t!(i18n, manage.amount)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr>
                        <th scope="row">{t!(i18n, manage.total)}</th>
                        {numbers(synthesis.totals)}
                        <td class="num">{synthesis.amount.to_string()}</td>
                    </tr></tfoot>
                </table>
            </div>
        </main>
    }
}

#[component]
pub fn DeliveryPage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let params = use_params_map();
    let date = Memo::new(move |_| params.with(|p| p.get("date").and_then(|d| parse_date(&d))));
    let data = Resource::new(
        move || (slug.get(), id.get(), date.get()),
        |(slug, id, date)| async move {
            match (id, date) {
                (Some(id), Some(date)) => delivery_sheet(slug, id, date).await,
                _ => Err(not_found()),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().zip(id.get()).map(|(loaded, id)| match loaded {
                Ok(sheet) => view! { <Sheet slug=slug.get() id sheet/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Sheet(slug: String, id: TemplateId, sheet: DeliverySheet) -> impl IntoView {
    let i18n = use_i18n();
    let s = sheet.template;
    let title = t_string!(
        i18n,
        manage.delivery_of,
        name = s.name.clone(),
        date = day(sheet.date)
    )
    .to_string();
    let synthesis = Amap::new(slug.clone()).synthesis(id);
    let empty = sheet.rows.is_empty();
    let rows = sheet
        .rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.member.name}</th>
                    {numbers(r.quantities)}
                    <td class="num">{r.amount.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone()/>
        <main class="page wide">
            <p><a href=synthesis>{t!(i18n, manage.synthesis)}</a></p>
            <h1>{title}</h1>
            <Downloads api_path=format!("{}/deliveries/{}", template_path(&slug, id), sheet.date)/>
            <Show when=move || empty>
                <p class="empty">{t!(i18n, manage.nothing_to_deliver)}</p>
            </Show>
            <div class="scroll">
                <table class="grid">
                    <thead><tr>
                        <th scope="col">{t!(i18n, manage.member)}</th>
                        {product_heads(&sheet.products)}
                        <th scope="col">{t!(i18n, manage.amount)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr>
                        <th scope="row">{t!(i18n, manage.total)}</th>
                        {numbers(sheet.totals)}
                        <td class="num">{sheet.amount.to_string()}</td>
                    </tr></tfoot>
                </table>
            </div>
        </main>
    }
}
