//! A period's history (`/a/{slug}/permanences/{id}/historique`, coordinators): every move,
//! newest first — who took, gave back, offered or took over which duty, who assigned or
//! published it, and when.

use super::{no_period, use_period_id};
use crate::api::rota::{HistoryView, MoveView, history};
use crate::domain::rota::MoveKind;
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::format::{capitalized, local_time, long_date};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let slug = use_slug();
    let period = use_period_id();
    let loaded = Resource::new(
        move || (slug.get(), period.get()),
        |(slug, period)| async move { history(slug, period.ok_or_else(no_period)?).await },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(history) => view! { <History history slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

/// One move in words: "Marie Dubois a pris la place", "… a repris la permanence de Jean
/// Bonnet"…
fn move_words(locale: Locale, m: &MoveView) -> String {
    let someone = td_string!(locale, rota.someone);
    let to = m.to.as_deref().unwrap_or(someone);
    let from = m.from.as_deref().unwrap_or(someone);
    match m.kind {
        MoveKind::Take => td_string!(locale, rota.move_take, name = to).to_string(),
        MoveKind::Leave => td_string!(locale, rota.move_leave, name = from).to_string(),
        MoveKind::Assign => td_string!(locale, rota.move_assign, name = to).to_string(),
        MoveKind::Unassign => td_string!(locale, rota.move_unassign, name = from).to_string(),
        MoveKind::Publish => td_string!(locale, rota.move_publish, name = to).to_string(),
        MoveKind::Clear => td_string!(locale, rota.move_clear, name = from).to_string(),
        MoveKind::Offer => td_string!(locale, rota.move_offer, name = from).to_string(),
        MoveKind::Withdraw => td_string!(locale, rota.move_withdraw, name = from).to_string(),
        MoveKind::Accept => {
            td_string!(locale, rota.move_accept, name = to, from = from).to_string()
        }
    }
}

#[component]
fn History(history: HistoryView, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let amap = Amap::new(slug);
    let zone = history.time_zone.clone();
    let rows = history
        .moves
        .iter()
        .map(|m| {
            let by = m.by.clone().unwrap_or_default();
            view! {
                <tr data-testid="move" data-kind=m.kind.as_str()>
                    <td data-label=t_string!(i18n, rota.history_when)>{local_time(locale, &zone, m.at)}</td>
                    <td data-label=t_string!(i18n, rota.day)>{capitalized(&long_date(locale, m.day))}" — "{m.role_name.clone()}</td>
                    <td data-label=t_string!(i18n, rota.history_what)>{move_words(locale, m)}</td>
                    <td data-label=t_string!(i18n, rota.history_by)>{by}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, rota.history_of, name = history.name.clone()).to_string()/>
        <main class="page wide">
            <p><a href=amap.rota(history.period_id)>{t!(i18n, rota.back_to_grid)}</a></p>
            <h1>{t_string!(i18n, rota.history_of, name = history.name.clone()).to_string()}</h1>
            {history.moves.is_empty().then(|| view! { <p class="empty">{t!(i18n, rota.history_none)}</p> })}
            <table class="lines history">
                <thead><tr>
                    <th scope="col">{t!(i18n, rota.history_when)}</th>
                    <th scope="col">{t!(i18n, rota.day)}</th>
                    <th scope="col">{t!(i18n, rota.history_what)}</th>
                    <th scope="col">{t!(i18n, rota.history_by)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </main>
    }
}
