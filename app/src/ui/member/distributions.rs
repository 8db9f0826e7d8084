//! Distributions, as the people who run them use them: the coming dates with their contracts
//! and who is on duty (`/a/{slug}/distributions`), and one date's sign-in sheet
//! (`/a/{slug}/distributions/{date}`, *feuille d'émargement*): the people on duty at the top,
//! every member collecting that day with what they collect, a box to tick; as a grid (a
//! column per product) or a list (`?vue=liste`), to print on A4 or download.

use crate::api::distributions::{
    DistributionView, SignInSheet, distributions, sign_in_sheet, sign_in_sheet_path,
};
use crate::api::templates::parse_date;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::format::{capitalized, long_date};
use crate::ui::kit::print::PrintButton;
use crate::ui::kit::{Downloads, ErrorNotice};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn DistributionsPage() -> impl IntoView {
    let slug = use_slug();
    let loaded = Resource::new(move || slug.get(), distributions);
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(list) => view! { <Distributions list slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Distributions(list: Vec<DistributionView>, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let amap = Amap::new(slug);
    let items = list
        .into_iter()
        .map(|d| {
            let day = capitalized(&long_date(locale, d.day));
            let heading = if d.may_read_sheet {
                view! { <a href=amap.sign_in_sheet(d.day, false)>{day}</a> }.into_any()
            } else {
                view! { <span>{day}</span> }.into_any()
            };
            let duty = if d.on_duty.is_empty() {
                t_string!(i18n, distributions.nobody_on_duty).to_owned()
            } else {
                t_string!(i18n, distributions.on_duty, names = d.on_duty.join(", ")).to_string()
            };
            view! {
                <li class="card" data-testid="distribution" data-day=d.day.to_string()>
                    <h2>{heading}</h2>
                    {(!d.contracts.is_empty()).then(|| view! { <p>{d.contracts.join(" · ")}</p> })}
                    <p class="muted">{duty}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, distributions.title)/>
        <main class="page">
            <h1>{t!(i18n, distributions.title)}</h1>
            <p class="hint">{t!(i18n, distributions.intro)}</p>
            <ul class="plain rota-list">{items}</ul>
        </main>
    }
}

#[component]
pub fn SignInSheetPage() -> impl IntoView {
    let slug = use_slug();
    let params = use_params_map();
    let query = use_query_map();
    let day = Memo::new(move |_| params.with(|p| p.get("day").and_then(|d| parse_date(&d))));
    let list = Memo::new(move |_| query.with(|q| q.get_str("vue") == Some("liste")));
    let loaded = Resource::new(
        move || (slug.get(), day.get()),
        |(slug, day)| async move {
            match day {
                Some(day) => sign_in_sheet(slug, day).await,
                None => Err(crate::api::ApiError::new(
                    crate::api::ErrorKind::NotFound,
                    "no such distribution",
                )),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(sheet) => view! { <Sheet sheet list=list.get() slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Sheet(sheet: SignInSheet, list: bool, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let amap = Amap::new(slug.clone());
    let day = capitalized(&long_date(locale, sheet.day));
    let title = t_string!(i18n, distributions.sheet_title, day = day.clone()).to_string();
    let on_duty = if sheet.on_duty.is_empty() {
        t_string!(i18n, distributions.nobody_on_duty).to_owned()
    } else {
        let names: Vec<String> = sheet
            .on_duty
            .iter()
            .map(|d| format!("{} ({})", d.name, d.role))
            .collect();
        t_string!(i18n, distributions.on_duty, names = names.join(", ")).to_string()
    };
    let at: Vec<&str> = [sheet.place.as_str(), sheet.hours.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    let api = if list {
        format!("{}?layout=list", sign_in_sheet_path(&slug, sheet.day))
    } else {
        sign_in_sheet_path(&slug, sheet.day)
    };
    let switch = if list {
        view! { <a href=amap.sign_in_sheet(sheet.day, false)>{t!(i18n, distributions.as_grid)}</a> }
            .into_any()
    } else {
        view! { <a href=amap.sign_in_sheet(sheet.day, true)>{t!(i18n, distributions.as_list)}</a> }
            .into_any()
    };
    let count = t_string!(
        i18n,
        distributions.collecting,
        count = sheet.rows.len() as u32
    )
    .to_string();
    let table = if list {
        view! { <ListTable sheet=sheet.clone()/> }.into_any()
    } else {
        view! { <div class="scroll"><GridTable sheet=sheet.clone()/></div> }.into_any()
    };
    view! {
        <Title text=title.clone()/>
        <main class="page wide sign-in-sheet">
            <p class="no-print"><a href=amap.distributions()>{t!(i18n, distributions.back)}</a></p>
            <h1>{title}</h1>
            <p>{sheet.amap_name.clone()}{(!at.is_empty()).then(|| format!(" — {}", at.join(", ")))}</p>
            <p class="on-duty" data-testid="on-duty"><strong>{on_duty}</strong></p>
            <p class="no-print layout-switch">{switch}</p>
            <div class="no-print"><Downloads api_path=api/><PrintButton/></div>
            <p class="muted">{count}</p>
            {sheet.rows.is_empty().then(|| view! { <p class="empty">{t!(i18n, distributions.nobody_collects)}</p> })}
            {table}
        </main>
    }
}

/// A column per product (its contract above its name), the totals at the foot.
#[component]
fn GridTable(sheet: SignInSheet) -> impl IntoView {
    let i18n = use_i18n();
    let heads = sheet
        .products
        .iter()
        .map(|p| view! { <th scope="col"><span class="contract-name">{p.contract.clone()}</span><br/>{p.name.clone()}</th> })
        .collect_view();
    let rows = sheet
        .rows
        .iter()
        .map(|r| {
            let cells = r
                .quantities
                .iter()
                .map(|q| view! { <td class="num">{(*q > 0).then(|| q.to_string())}</td> })
                .collect_view();
            view! {
                <tr data-testid="collector">
                    <th scope="row">{r.last_name.clone()}</th>
                    <td>{r.first_name.clone()}</td>
                    {cells}
                    <td class="tick"><span class="tick-box" aria-hidden="true"></span></td>
                </tr>
            }
        })
        .collect_view();
    let totals = sheet
        .totals
        .iter()
        .map(|q| view! { <td class="num">{*q}</td> })
        .collect_view();
    view! {
        <table class="grid sign-in" data-testid="sign-in-sheet">
            <thead><tr>
                <th scope="col">{t!(i18n, distributions.last_name)}</th>
                <th scope="col">{t!(i18n, distributions.first_name)}</th>
                {heads}
                <th scope="col">{t!(i18n, distributions.signature)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
            <tfoot><tr>
                <th scope="row" colspan="2">{t!(i18n, distributions.total)}</th>
                {totals}
                <td></td>
            </tr></tfoot>
        </table>
    }
}

/// Each member's products in one cell: fits AMAPs with many products, and on a phone each
/// member is a card (a table again on paper and wide screens).
#[component]
fn ListTable(sheet: SignInSheet) -> impl IntoView {
    let i18n = use_i18n();
    let (first, products, signature) = (
        t_string!(i18n, distributions.first_name),
        t_string!(i18n, distributions.products),
        t_string!(i18n, distributions.signature),
    );
    let rows = sheet
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr data-testid="collector">
                    <th scope="row">{r.last_name.clone()}</th>
                    <td data-label=first>{r.first_name.clone()}</td>
                    <td data-label=products>{sheet.collects(r)}</td>
                    <td class="tick" data-label=signature><span class="tick-box" aria-hidden="true"></span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="lines sign-in list" data-testid="sign-in-sheet">
            <thead><tr>
                <th scope="col">{t!(i18n, distributions.last_name)}</th>
                <th scope="col">{t!(i18n, distributions.first_name)}</th>
                <th scope="col">{t!(i18n, distributions.products)}</th>
                <th scope="col">{t!(i18n, distributions.signature)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
