//! "Mes livraisons": what the member collects, grouped by week — or by month with
//! `?vue=mois` (plain links, so the switch works without JavaScript).

use crate::api::contracts::{DeliveryLine, deliveries};
use crate::domain::Money;
use crate::domain::contract::agenda::{Period, period_start};
use crate::i18n::{t_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::form::locale;
use crate::ui::kit::format::{capitalized, long_date, month_year};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use chrono::NaiveDate;
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
                    t_string!(i18n, contracts.week_of, date = long_date(locale(), start))
                        .to_string()
                }
                Period::Month => capitalized(&month_year(locale(), start)),
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

/// One week or month: a card per delivery date, each listing what to collect that day.
#[component]
fn Group(title: String, lines: Vec<DeliveryLine>) -> impl IntoView {
    let i18n = use_i18n();
    let total: Money = lines.iter().map(|l| l.amount).sum();
    let mut days: Vec<(NaiveDate, Vec<DeliveryLine>)> = Vec::new();
    for line in lines {
        match days.last_mut() {
            Some((date, same)) if *date == line.date => same.push(line),
            _ => days.push((line.date, vec![line])),
        }
    }
    let days = days
        .into_iter()
        .map(|(date, lines)| view! { <Day date lines/> })
        .collect_view();
    view! {
        <section class="delivery-group">
            <h2>{title}</h2>
            {days}
            <p class="group-total">{t_string!(i18n, contracts.period_total, amount = total.to_string()).to_string()}</p>
        </section>
    }
}

/// What to collect on one date: "6 × Rouge des Coteaux (bouteille 75 cl)", by producer.
#[component]
fn Day(date: NaiveDate, lines: Vec<DeliveryLine>) -> impl IntoView {
    let i18n = use_i18n();
    let total: Money = lines.iter().map(|l| l.amount).sum();
    let items = lines
        .into_iter()
        .map(|l| {
            let what = if l.packaging.is_empty() {
                format!("{} × {}", l.qty, l.product)
            } else {
                format!("{} × {} ({})", l.qty, l.product, l.packaging)
            };
            view! {
                <li data-product=l.product.clone()>
                    <span class="what">{what}</span>
                    <span class="muted">{l.producer}</span>
                    <span class="num">{l.amount.to_string()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="card day" data-date=date.to_string()>
            <h3>{capitalized(&long_date(locale(), date))}</h3>
            <ul class="collect">{items}</ul>
            <p class="day-total">{t_string!(i18n, contracts.day_total, amount = total.to_string()).to_string()}</p>
        </article>
    }
}
