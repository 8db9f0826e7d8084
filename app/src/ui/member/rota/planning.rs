//! A period's planning (`/a/{slug}/permanences/{id}/planning`): dates × places with who is
//! on duty, laid out for an A4 page (print it from here, or download CSV / XLSX); for
//! coordinators, the button that mails it to every participant.

use super::{no_period, use_period_id};
use crate::api::home::member_home;
use crate::api::rota::{PlanningCell, PlanningView, planning, planning_mail_path, planning_path};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::format::{capitalized, long_date};
use crate::ui::kit::print::PrintButton;
use crate::ui::kit::{Downloads, Echo, ErrorNotice, Form};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PlanningPage() -> impl IntoView {
    let slug = use_slug();
    let period = use_period_id();
    let loaded = Resource::new(
        move || (slug.get(), period.get()),
        |(slug, period)| async move {
            let planning = planning(slug.clone(), period.ok_or_else(no_period)?).await?;
            let manages = member_home(slug).await?.may_manage_rota;
            Ok::<_, crate::api::ApiError>((planning, manages))
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok((planning, manages)) => view! { <Planning planning manages slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Planning(planning: PlanningView, manages: bool, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let amap = Amap::new(slug.clone());
    let period = planning.period_id;
    let here = amap.rota_planning(period);
    let heads = planning
        .columns
        .iter()
        .map(|c| view! { <th scope="col">{c.clone()}</th> })
        .collect_view();
    let free = t_string!(i18n, rota.free);
    let rows = planning
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .map(|cell| match cell {
                    PlanningCell::Held { name } => view! { <td>{name.clone()}</td> }.into_any(),
                    PlanningCell::Free => {
                        view! { <td class="planning-free">{free}</td> }.into_any()
                    }
                    PlanningCell::NoPlace => view! { <td class="planning-none"></td> }.into_any(),
                })
                .collect_view();
            view! {
                <tr data-testid="planning-row" data-day=row.day.to_string()>
                    <th scope="row">{capitalized(&long_date(locale, row.day))}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let mail = manages.then(|| {
        let form = "mail-planning".to_owned();
        let errors = Echo::current().errors(&form);
        view! {
            <section class="card no-print" aria-labelledby="mail-planning">
                <h2 id="mail-planning">{t!(i18n, rota.mail_planning_title)}</h2>
                <p class="hint">{t!(i18n, rota.mail_planning_hint)}</p>
                <Form form action=planning_mail_path(&slug, period) here=here.clone() errors class="inline-form">
                    <button type="submit" class="primary" data-testid="mail-planning">{t!(i18n, rota.mail_planning)}</button>
                </Form>
            </section>
        }
    });
    view! {
        <Title text=t_string!(i18n, rota.planning_of, name = planning.name.clone()).to_string()/>
        <main class="page wide planning">
            <p class="no-print"><a href=amap.rota(period)>{t!(i18n, rota.back_to_grid)}</a></p>
            <h1>{planning.name.clone()}</h1>
            <p class="print-only">{planning.amap_name.clone()}</p>
            <div class="no-print"><Downloads api_path=planning_path(&slug, period)/><PrintButton/></div>
            {planning.rows.is_empty().then(|| view! { <p class="empty">{t!(i18n, rota.no_dates)}</p> })}
            <div class="scroll">
                <table class="grid planning-table" data-testid="planning">
                    <thead><tr><th scope="col">{t!(i18n, rota.day)}</th>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {mail}
        </main>
    }
}
