//! *Liste des adhérents*: find another member to swap a basket or a duty. Search by name
//! (accents and case ignored), phones as `tel:` links, and every address shown at once for a
//! mail to all (in copy, never in `To`). Which fields show is the AMAP's setting, decided by
//! the server.

use crate::api::directory::{
    DirectoryEntry, DirectoryView, MemberStatus, directory, directory_path,
};
use crate::domain::directory::{Phone, Visibility};
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::search::matches;
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let slug = use_slug();
    let status = use_query_map().with_untracked(|p| {
        p.get_str("status")
            .and_then(MemberStatus::parse)
            .unwrap_or_default()
    });
    let loaded = Resource::new(move || slug.get(), move |slug| directory(slug, status));
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(list) => view! { <Directory list status slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

fn who_sees(locale: Locale, visibility: Visibility) -> &'static str {
    match visibility {
        Visibility::Everyone => td_string!(locale, directory.everyone),
        Visibility::Referents => td_string!(locale, directory.referents),
        Visibility::Nobody => td_string!(locale, directory.nobody),
    }
}

#[component]
fn Directory(list: DirectoryView, status: MemberStatus, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let path = Amap::new(slug.clone()).directory();
    // Admins and treasurers: former members too, and the list as a file.
    let file = |format: &str| {
        format!(
            "{}?status={}&format={format}",
            directory_path(&slug),
            status.value()
        )
    };
    let downloads = list.may_manage.then(|| {
        view! {
            <p class="downloads">
                <a href=file("csv") rel="external" download="">{t_string!(i18n, manage.download_csv)}</a>
                <a href=file("xlsx") rel="external" download="">{t_string!(i18n, manage.download_xlsx)}</a>
            </p>
        }
    });
    let status_field =
        list.may_manage.then(|| {
            let options = [
            (MemberStatus::Active, t_string!(i18n, directory.status_active)),
            (MemberStatus::Inactive, t_string!(i18n, directory.status_inactive)),
            (MemberStatus::All, t_string!(i18n, directory.status_all)),
        ]
        .map(|(s, label)| view! { <option value=s.value() selected=s == status>{label}</option> })
        .into_iter()
        .collect_view();
            view! {
                <div class="field">
                    <label for="directory-status">{t!(i18n, directory.status)}</label>
                    <select id="directory-status" name="status">{options}</select>
                </div>
            }
        });
    let q = use_query_map().with_untracked(|p| p.get_str("q").unwrap_or_default().to_owned());
    let found: Vec<DirectoryEntry> = list
        .entries
        .into_iter()
        .filter(|e| matches(&q, &format!("{} {}", e.first_name, e.last_name)))
        .collect();
    let summary = t_string!(i18n, directory.count, count = found.len()).to_string();
    let addresses: Vec<String> = found.iter().filter_map(|e| e.email.clone()).collect();
    let all = (addresses.len() > 1).then(|| {
        let bcc = format!("mailto:?bcc={}", addresses.join(","));
        let joined = addresses.join(", ");
        view! {
            <details class="card">
                <summary>{t!(i18n, directory.write_all)}</summary>
                <p><a href=bcc>{t!(i18n, directory.mailto)}</a></p>
                <label for="all-addresses">{t!(i18n, directory.copy)}</label>
                <textarea id="all-addresses" readonly rows="3">{joined}</textarea>
            </details>
        }
    });
    let rules = t_string!(
        i18n,
        directory.rules,
        email = who_sees(locale, list.rules.email),
        phone = who_sees(locale, list.rules.phone),
        address = who_sees(locale, list.rules.address)
    )
    .to_string();
    let rows = found
        .into_iter()
        .map(|entry| view! { <Entry entry/> })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, directory.title)/>
        <main class="page">
            <h1>{t!(i18n, directory.title)}</h1>
            <form method="get" action=path class="search-form" role="search">
                <div class="field">
                    <label for="directory-search">{t!(i18n, directory.search)}</label>
                    <input id="directory-search" name="q" type="search" value=q autocomplete="off"/>
                </div>
                {status_field}
                <button type="submit" class="secondary">{t!(i18n, directory.search_submit)}</button>
            </form>
            <p class="muted" role="status">{summary}</p>
            {all}
            {downloads}
            <ul class="plain directory" data-testid="directory">{rows}</ul>
            <p class="hint">{rules}</p>
        </main>
    }
}

#[component]
fn Entry(entry: DirectoryEntry) -> impl IntoView {
    let i18n = use_i18n();
    let phones = entry
        .phones
        .iter()
        .map(|p| {
            let dial = Phone::parse("phone", p)
                .map(|p| format!("tel:{}", p.dial()))
                .unwrap_or_default();
            view! { <a href=dial>{p.clone()}</a>" " }
        })
        .collect_view();
    let address = entry.address.clone().map(|a| {
        view! { <p>{a.street}" "{a.postcode}" "{a.town}</p> }
    });
    let me = entry
        .me
        .then(|| view! { " "<span class="badge">{t!(i18n, directory.me)}</span> });
    let inactive = (!entry.active)
        .then(|| view! { " "<span class="badge">{t!(i18n, directory.inactive)}</span> });
    view! {
        <li class="card" data-testid="directory-entry">
            <h2 class="entry-name">{format!("{} {}", entry.first_name, entry.last_name)}{me}{inactive}</h2>
            {entry.email.clone().map(|email| view! { <p><a href=format!("mailto:{email}")>{email.clone()}</a></p> })}
            {(!entry.phones.is_empty()).then(|| view! { <p>{phones}</p> })}
            {address}
        </li>
    }
}
