//! `/a/{slug}/gestion/contrats/{id}/cheques/journal`: the cheque audit trail (who moved
//! which cheque from which state to which, when).

use crate::api::payments::{AuditLog, audit};
use crate::i18n::{t_string, use_i18n};
use crate::ui::cheques::labels::{action_label, state_label};
use crate::ui::kit::form::locale;
use crate::ui::kit::format::local_time;
use crate::ui::kit::{ErrorNotice, day};
use crate::ui::manage::template::{not_found, use_template_id};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AuditPage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let data = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move { audit(slug, id.ok_or_else(not_found)?).await },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().zip(id.get()).map(|(loaded, id)| match loaded {
                Ok(log) => view! { <AuditView slug=slug.get() id log/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn AuditView(slug: String, id: crate::domain::TemplateId, log: AuditLog) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, payments.audit_title, name = log.template.name.clone()).to_string();
    let register = Amap::new(slug).register(id);
    let zone = log.time_zone.clone();
    let rows = log
        .entries
        .into_iter()
        .map(|e| {
            let moved = match (e.from, e.to) {
                (Some(from), Some(to)) if from != to => {
                    format!(
                        "{} → {}",
                        state_label(locale(), from),
                        state_label(locale(), to)
                    )
                }
                (_, Some(to)) => state_label(locale(), to).to_owned(),
                (Some(from), None) => state_label(locale(), from).to_owned(),
                (None, None) => String::new(),
            };
            view! {
                <tr>
                    <td>{local_time(locale(), &zone, e.at)}</td>
                    <td>{e.actor}</td>
                    <td>{e.member}</td>
                    <td>{action_label(e.action)}</td>
                    <td>{moved}</td>
                    <td>{e.date.map(day).unwrap_or_default()}</td>
                    <td class="num">{e.amount.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone()/>
        <main class="page wide">
            <p><a href=register>{t_string!(i18n, payments.back_to_register)}</a></p>
            <h1>{title}</h1>
            <div class="scroll">
                <table class="grid">
                    <thead><tr>
                        <th scope="col">{t_string!(i18n, payments.at)}</th>
                        <th scope="col">{t_string!(i18n, payments.actor)}</th>
                        <th scope="col">{t_string!(i18n, payments.member)}</th>
                        <th scope="col">{t_string!(i18n, payments.action)}</th>
                        <th scope="col">{t_string!(i18n, payments.state)}</th>
                        <th scope="col">{t_string!(i18n, payments.date)}</th>
                        <th scope="col">{t_string!(i18n, payments.amount)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </main>
    }
}
