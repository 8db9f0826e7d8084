//! "Mes livraisons": what the member collects, grouped by week — or by month with
//! `?vue=mois` (plain links, so the switch works without JavaScript).

use crate::api::contracts::{DeliveryLine, deliveries};
use crate::domain::Money;
use crate::domain::contract::agenda::{Period, day_month_year, period_start};
use crate::i18n::{t_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::labels::month_name;
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MyDeliveriesPage() -> impl IntoView {
    let slug = use_slug();
    let lines = Resource::new(move || slug.get(), deliveries);
    let query = use_query_map();
    let period = Memo::new(move |_| {
        if query.with(|q| q.get_str("vue") == Some("mois")) {
            Period::Month
        } else {
            Period::Week
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || lines.get().map(|result| match result {
                Ok(list) => view! { <Deliveries slug=slug.get() lines=list.lines period=period.get()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

/// Lines (sorted by date) in consecutive groups of the same period.
fn grouped(lines: Vec<DeliveryLine>, period: Period) -> Vec<(NaiveDate, Vec<DeliveryLine>)> {
    let mut groups: Vec<(NaiveDate, Vec<DeliveryLine>)> = Vec::new();
    for line in lines {
        let start = period_start(line.date, period);
        match groups.last_mut() {
            Some((current, members)) if *current == start => members.push(line),
            _ => groups.push((start, vec![line])),
        }
    }
    groups
}

#[component]
fn Deliveries(slug: String, lines: Vec<DeliveryLine>, period: Period) -> impl IntoView {
    let i18n = use_i18n();
    let pages = Amap::new(slug);
    let here = pages.deliveries();
    let current = |p: Period| (p == period).then_some("page");
    let none = lines.is_empty();
    let groups = grouped(lines, period)
        .into_iter()
        .map(|(start, lines)| {
            let title = match period {
                Period::Week => {
                    t_string!(i18n, contracts.week_of, date = day_month_year(start)).to_string()
                }
                Period::Month => t_string!(
                    i18n,
                    contracts.month_of,
                    month = month_name(i18n.get_locale_untracked(), start.month()),
                    year = start.year()
                )
                .to_string(),
            };
            view! { <Group title lines/> }
        })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, contracts.deliveries_title)/>
        <main class="page">
            <h1>{t_string!(i18n, contracts.deliveries_title)}</h1>
            <nav class="tabs" aria-label=t_string!(i18n, contracts.deliveries_title)>
                <a href=here.clone() aria-current=current(Period::Week)>{t_string!(i18n, contracts.by_week)}</a>
                <a href=pages.deliveries_by_month() aria-current=current(Period::Month)>{t_string!(i18n, contracts.by_month)}</a>
            </nav>
            {none.then(|| view! { <p class="empty">{t_string!(i18n, contracts.deliveries_empty)}</p> })}
            {groups}
        </main>
    }
}

#[component]
fn Group(title: String, lines: Vec<DeliveryLine>) -> impl IntoView {
    let i18n = use_i18n();
    let total: Money = lines.iter().map(|l| l.amount).sum();
    let rows = lines
        .into_iter()
        .map(|l| {
            view! {
                <tr>
                    <td data-label=t_string!(i18n, contracts.date)>{day_month_year(l.date)}</td>
                    <td data-label=t_string!(i18n, contracts.producer)>{l.producer}</td>
                    <td data-label=t_string!(i18n, contracts.product)>{l.product}</td>
                    <td data-label=t_string!(i18n, contracts.packaging)>{l.packaging}</td>
                    <td data-label=t_string!(i18n, contracts.qty) class="num">{l.qty}</td>
                    <td data-label=t_string!(i18n, contracts.amount_title) class="num">{l.amount.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="delivery-group">
            <h2>{title}</h2>
            <table class="lines">
                <thead><tr>
                    <th scope="col">{t_string!(i18n, contracts.date)}</th>
                    <th scope="col">{t_string!(i18n, contracts.producer)}</th>
                    <th scope="col">{t_string!(i18n, contracts.product)}</th>
                    <th scope="col">{t_string!(i18n, contracts.packaging)}</th>
                    <th scope="col" class="num">{t_string!(i18n, contracts.qty)}</th>
                    <th scope="col" class="num">{t_string!(i18n, contracts.amount_title)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr>
                    <th scope="row" colspan="5">{t_string!(i18n, contracts.total)}</th>
                    <td class="num" data-label=t_string!(i18n, contracts.total)>{total.to_string()}</td>
                </tr></tfoot>
            </table>
        </section>
    }
}
