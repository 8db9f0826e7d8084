//! Admins and treasurers: every member of the AMAP with their roles; admins grant and revoke.

use crate::api::members::{MemberView, RoleKind, list, roles_path};
use crate::api::producers::{ProducerView, list as list_producers};
use crate::domain::access::RoleLevel;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Echo, ErrorNotice, Form};
use crate::ui::member::home::role_name;
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminMembersPage() -> impl IntoView {
    let slug = use_slug();
    let members = Resource::new(move || slug.get(), list);
    let producers = Resource::new(move || slug.get(), list_producers);
    let data = move || Some((members.get()?, producers.get()?));
    view! {
        <Suspense fallback=|| ()>
            {move || data().map(|loaded| match loaded {
                (Ok(list), Ok(producers)) => view! {
                    <MembersAdmin slug=slug.get() list producers/>
                }.into_any(),
                (Err(error), _) | (_, Err(error)) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn MembersAdmin(
    slug: String,
    list: Vec<MemberView>,
    producers: Vec<ProducerView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let here = Amap::new(slug.clone()).members_admin();
    let form = "grant".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let count = list.len();
    let grant_action = roles_path(&slug);
    let member_options = list
        .iter()
        .map(|m| view! { <option value=m.id.0.to_string()>{format!("{} {} ({})", m.last_name, m.first_name, m.email)}</option> })
        .collect_view();
    let producer_options = producers
        .iter()
        .map(|p| view! { <option value=p.id.0.to_string()>{p.name.clone()}</option> })
        .collect_view();
    let rows = list
        .into_iter()
        .map(|m| view! { <MemberRow slug=slug.clone() member=m here=here.clone() echo=echo.clone()/> })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, admin.title)/>
        <main class="page wide">
            <h1>{t!(i18n, admin.title)}</h1>
            <p class="muted">{t!(i18n, admin.count, count = count)}</p>
            <section class="card">
                <h2>{t!(i18n, admin.grant_title)}</h2>
                <Form form action=grant_action here=here.clone() errors class="grid-form">
                    <div class="field">
                        <label for="grant-member">{t!(i18n, admin.member)}</label>
                        <select id="grant-member" name="member_id">
                            {member_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="grant-role">{t!(i18n, admin.role)}</label>
                        <select id="grant-role" name="role">
                            <option value="admin">{role_name(i18n, RoleLevel::Admin)}</option>
                            <option value="treasurer">{role_name(i18n, RoleLevel::Treasurer)}</option>
                            <option value="referent">{role_name(i18n, RoleLevel::Referent)}</option>
                            <option value="producer">{role_name(i18n, RoleLevel::Producer)}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="grant-producer">{t!(i18n, admin.producer)}</label>
                        <select id="grant-producer" name="producer_id">
                            <option value="">{t!(i18n, admin.no_producer)}</option>
                            {producer_options}
                        </select>
                    </div>
                    <input type="hidden" name="granted" value="true"/>
                    <button type="submit" class="primary">{t!(i18n, admin.grant)}</button>
                </Form>
            </section>
            <table class="members">
                <thead><tr>
                    <th scope="col">{t!(i18n, admin.name)}</th>
                    <th scope="col">{t!(i18n, admin.email)}</th>
                    <th scope="col">{t!(i18n, admin.status)}</th>
                    <th scope="col">{t!(i18n, admin.roles)}</th>
                </tr></thead>
                <tbody>
                    {rows}
                </tbody>
            </table>
        </main>
    }
}

#[component]
fn MemberRow(slug: String, member: MemberView, here: String, echo: Echo) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("{} {}", member.first_name, member.last_name);
    let mut chips: Vec<(RoleKind, Option<i64>, String)> = Vec::new();
    if member.roles.admin {
        chips.push((
            RoleKind::Admin,
            None,
            role_name(i18n, RoleLevel::Admin).to_owned(),
        ));
    }
    if member.roles.treasurer {
        chips.push((
            RoleKind::Treasurer,
            None,
            role_name(i18n, RoleLevel::Treasurer).to_owned(),
        ));
    }
    for p in &member.roles.referent_of {
        chips.push((
            RoleKind::Referent,
            Some(p.id.0),
            format!("{} · {}", role_name(i18n, RoleLevel::Referent), p.name),
        ));
    }
    for p in &member.roles.producer_of {
        chips.push((
            RoleKind::Producer,
            Some(p.id.0),
            format!("{} · {}", role_name(i18n, RoleLevel::Producer), p.name),
        ));
    }
    let action = roles_path(&slug);
    let member_id = member.id.0.to_string();
    let status = if member.active {
        t_string!(i18n, admin.active)
    } else {
        t_string!(i18n, admin.inactive)
    };
    view! {
        <tr data-member=member.email.clone()>
            <td data-label=t_string!(i18n, admin.name)>{name.clone()}</td>
            <td data-label=t_string!(i18n, admin.email)>{member.email.clone()}</td>
            <td data-label=t_string!(i18n, admin.status)>{status}</td>
            <td data-label=t_string!(i18n, admin.roles)>
                <ul class="chips">
                    {chips.into_iter().map(|(role, producer, label)| {
                        let role_value = serde_json::to_value(role).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                        let revoke_label = t_string!(i18n, admin.revoke_label, role = label.clone(), name = name.clone()).to_string();
                        let member_id = member_id.clone();
                        let form = format!("revoke-{member_id}-{role_value}-{}", producer.unwrap_or_default());
                        let errors = echo.errors(&form);
                        view! {
                            <li class="chip">
                                <span>{label}</span>
                                <Form form action=action.clone() here=here.clone() errors class="inline">
                                    <input type="hidden" name="member_id" value=member_id.clone()/>
                                    <input type="hidden" name="role" value=role_value/>
                                    {producer.map(|id| view! { <input type="hidden" name="producer_id" value=id.to_string()/> })}
                                    <input type="hidden" name="granted" value="false"/>
                                    <button type="submit" class="link" aria-label=revoke_label>{t!(i18n, admin.revoke)}</button>
                                </Form>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </td>
        </tr>
    }
}
