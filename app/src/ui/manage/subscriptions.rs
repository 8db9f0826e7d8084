//! `/a/{slug}/gestion/contrats/{id}/inscrits`: who signed up to a template, with links to each
//! contract in référent mode and "Saisir un contrat papier" (pick a member, then their form);
//! `…/inscrits/{member_id}`: that member's contract form.

use super::template::{not_found, use_template_id};
use crate::api::client;
use crate::api::contracts::SignUpPage;
use crate::api::producers::PersonRef;
use crate::api::templates::{
    SubscriptionRow, TemplateView, candidates, show, subscriptions, template_path,
};
use crate::domain::{TemplateId, UserId};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::form::flash;
use crate::ui::kit::{StateBadge, date_span};
use crate::ui::member::contract::contract_posting;
use crate::ui::member::signup::{ContractForm, LiveContract, LiveData, LiveSource};
use crate::ui::paths::Amap;
use crate::ui::shell::document::IslandScripts;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The query parameter of the "Saisir un contrat papier" form.
const MEMBER_FIELD: &str = "membre";

#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let query = use_query_map();
    let picked = move || query.with(|q| q.get(MEMBER_FIELD).filter(|m| !m.trim().is_empty()));
    let data = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move {
            let id = id.ok_or_else(not_found)?;
            let template = show(slug.clone(), id).await?;
            let rows = subscriptions(slug.clone(), id).await?;
            let members = candidates(slug, id).await?;
            Ok::<_, crate::api::ApiError>((template, rows, members))
        },
    );
    view! {
        {move || picked().zip(id.get()).map(|(member, id)| {
            let member = member.parse().map(UserId).unwrap_or(UserId(0));
            view! { <Redirect path=Amap::new(slug.get()).subscription(id, member)/> }
        })}
        <Suspense fallback=|| ()>
            {move || data.get().map(|loaded| match loaded {
                Ok((template, rows, members)) => view! { <Subscriptions slug=slug.get() template rows members/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Subscriptions(
    slug: String,
    template: TemplateView,
    rows: Vec<SubscriptionRow>,
    members: Vec<PersonRef>,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = template.summary;
    let pages = Amap::new(slug);
    let editor = pages.template(s.id);
    let here = pages.subscriptions(s.id);
    let write = pages.write_to(s.id);
    let empty = rows.is_empty();
    let rows = rows
        .into_iter()
        .map(|r| {
            let href = pages.subscription(s.id, r.member.id);
            let label = t_string!(i18n, manage.edit_contract_of, name = r.member.name.clone()).to_string();
            let late = r.late.then(|| view! { " " <span class="badge">{t!(i18n, manage.late)}</span> });
            let edited = r.edited_by_referent.then(|| view! { " " <span class="badge">{t!(i18n, manage.edited)}</span> });
            view! {
                <tr data-member=r.member.name.clone()>
                    <td data-label=t_string!(i18n, manage.member)>{r.member.name.clone()}{late}{edited}</td>
                    <td data-label=t_string!(i18n, manage.dates)>{r.dates}</td>
                    <td data-label=t_string!(i18n, manage.units)>{r.units}</td>
                    <td data-label=t_string!(i18n, manage.amount)>{r.amount.to_string()}</td>
                    <td data-label=t_string!(i18n, manage.actions)><a href=href aria-label=label>{t!(i18n, manage.edit)}</a></td>
                </tr>
            }
        })
        .collect_view();
    let can_pick = !members.is_empty();
    let options = members
        .into_iter()
        .map(|m| view! { <option value=m.id.to_string()>{m.name}</option> })
        .collect_view();
    let title = t_string!(i18n, manage.subscriptions_of, name = s.name.clone()).to_string();
    view! {
        <Title text=title.clone()/>
        <main class="page wide">
            <p><a href=editor.clone()>{t!(i18n, manage.back_to_template)}</a></p>
            <h1>{title}</h1>
            <p class="muted"><StateBadge state=s.state/>" " {date_span(s.first_date, s.last_date)}</p>
            <p><a href=write>{t!(i18n, write.link)}</a></p>
            <Show when=move || empty>
                <p class="empty">{t!(i18n, manage.no_subscriptions)}</p>
            </Show>
            <table class="members">
                <thead><tr>
                    <th scope="col">{t!(i18n, manage.member)}</th>
                    <th scope="col">{t!(i18n, manage.dates)}</th>
                    <th scope="col">{t!(i18n, manage.units)}</th>
                    <th scope="col">{t!(i18n, manage.amount)}</th>
                    <th scope="col">{t!(i18n, manage.actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <section class="card">
                <h2>{t!(i18n, manage.paper_contract)}</h2>
                {if can_pick {
                    view! {
                        <form method="get" action=here.clone() class="stack-form">
                            <div class="field">
                                <label for="paper-member">{t!(i18n, manage.member)}</label>
                                <select id="paper-member" name=MEMBER_FIELD>{options}</select>
                            </div>
                            <button type="submit" class="secondary">{t!(i18n, manage.paper_contract_button)}</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <p class="muted">{t!(i18n, manage.paper_contract_no_list)}</p> }.into_any()
                }}
            </section>
        </main>
    }
}

/// `/a/{slug}/gestion/contrats/{id}/inscrits/{member_id}`: one member's contract in référent
/// mode (window ignored, member-only rules waived), saved back to the subscriptions endpoint.
#[component]
pub fn SubscriptionPage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let params = use_params_map();
    let member = Memo::new(move |_| {
        params.with(|p| {
            p.get("member_id")
                .and_then(|raw| raw.parse().ok())
                .map(UserId)
        })
    });
    let page = Resource::new(
        move || (slug.get(), id.get(), member.get()),
        |(slug, id, member)| async move {
            match (id, member) {
                (Some(id), Some(member)) => {
                    client::get::<SignUpPage>(subscription_path(&slug, id, member)).await
                }
                _ => Err(not_found()),
            }
        },
    );
    let i18n = use_i18n();
    view! {
        <Suspense fallback=|| ()>
            {move || page.get().zip(id.get()).zip(member.get()).map(|((loaded, id), member)| match loaded {
                Ok(page) => {
                    let slug = slug.get();
                    let api = subscription_path(&slug, id, member);
                    let pages = Amap::new(slug.clone());
                    let list = pages.subscriptions(id);
                    let contract = contract_posting(&flash(), api, list.clone(), pages.subscription(id, member));
                    let data = LiveData { locale: i18n.get_locale_untracked(), page: page.clone() };
                    let title = t_string!(i18n, manage.contract_of, name = page.member.name.clone(), template = page.template.name.clone()).to_string();
                    view! {
                        <Title text=title.clone()/>
                        <main class="page">
                            <p><a href=list.clone()>{t!(i18n, manage.subscriptions)}</a></p>
                            <h1>{title}</h1>
                            <LiveContract>
                                <LiveSource data/>
                                <ContractForm page posting=contract/>
                            </LiveContract>
                        </main>
                        <IslandScripts/>
                    }.into_any()
                }
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

fn subscription_path(slug: &str, id: TemplateId, member: UserId) -> String {
    format!("{}/subscriptions/{member}", template_path(slug, id))
}
