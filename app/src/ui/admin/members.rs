//! Admins and treasurers: every member of the AMAP with their roles; admins grant and revoke.

use crate::api::members::{
    MemberView, RoleKind, deactivate_path, list, members_path, roles_path, selection_box,
};
use crate::api::producers::{ProducerView, list as list_producers};
use crate::domain::access::RoleLevel;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::fields::Input;
use crate::ui::kit::search::{matches, page};
use crate::ui::kit::{Check, Echo, ErrorNotice, Form, Select};
use crate::ui::member::home::role_name;
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

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

/// Members shown a page at a time: 90 cards are 20,000 px on a phone.
const PER_PAGE: usize = 25;

#[component]
fn MembersAdmin(
    slug: String,
    list: Vec<MemberView>,
    producers: Vec<ProducerView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let list_path = Amap::new(slug.clone()).members_admin();
    let count = list.len();
    let query = use_query_map();
    let (q, asked) = query.with_untracked(|p| {
        (
            p.get_str("q").unwrap_or_default().to_owned(),
            p.get_str("page").map(str::to_owned),
        )
    });
    // After a grant or a revocation the admin comes back to the same search and page.
    let here = list_link(&list_path, &q, asked.as_deref());
    let grant = grant_form(&slug, &here, &list, &producers);
    let add = add_form(&slug, &here);
    let found: Vec<MemberView> = list
        .into_iter()
        .filter(|m| matches(&q, &format!("{} {} {}", m.first_name, m.last_name, m.email)))
        .collect();
    let shown = page(found.len(), PER_PAGE, asked.as_deref());
    let summary = if q.trim().is_empty() {
        t_string!(i18n, admin.count, count = count).to_string()
    } else {
        t_string!(i18n, admin.found, count = found.len(), query = q.clone()).to_string()
    };
    let pager = pager(&list_path, &q, shown);
    let echo = Echo::current();
    let selection_errors = echo.errors("selection");
    let rows = found[shown.start..shown.end]
        .iter()
        .cloned()
        .map(|m| view! { <MemberRow slug=slug.clone() member=m here=here.clone() echo=echo.clone()/> })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, admin.title)/>
        <main class="page wide">
            <h1>{t!(i18n, admin.title)}</h1>
            {add}
            {grant}
            <section aria-labelledby="members-list">
                <h2 id="members-list">{t!(i18n, admin.list_title)}</h2>
                // A plain GET form: the search works without JavaScript and stays in the URL
                // (a name typed by the admin, not a member's data).
                <form method="get" action=list_path.clone() class="search-form" role="search">
                    <div class="field">
                        <label for="member-search">{t!(i18n, admin.search)}</label>
                        <input id="member-search" name="q" type="search" value=q.clone() autocomplete="off"/>
                    </div>
                    <button type="submit" class="secondary">{t!(i18n, admin.search_submit)}</button>
                </form>
                <p class="muted" role="status">{summary}</p>
                <table class="members">
                    <thead><tr>
                        <th scope="col"><span class="sr-only">{t!(i18n, member_admin.deactivate_selected)}</span></th>
                        <th scope="col">{t!(i18n, admin.name)}</th>
                        <th scope="col">{t!(i18n, admin.email)}</th>
                        <th scope="col">{t!(i18n, admin.status)}</th>
                        <th scope="col">{t!(i18n, admin.roles)}</th>
                    </tr></thead>
                    <tbody>
                        {rows}
                    </tbody>
                </table>
                // The tick boxes above belong to this form (`form="selection"`).
                <Form form="selection".to_owned() id="selection" action=deactivate_path(&slug) here=here.clone() errors=selection_errors class="inline">
                    <button type="submit" class="secondary">{t!(i18n, member_admin.deactivate_selected)}</button>
                </Form>
                {pager}
            </section>
        </main>
    }
}

/// "Donner un rôle": nothing chosen in advance (one tap must never make someone an admin),
/// admin rights confirmed by a tick, every missing choice marked on its field.
fn grant_form(
    slug: &str,
    here: &str,
    members: &[MemberView],
    producers: &[ProducerView],
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let form = "grant".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let choose = t_string!(i18n, admin.choose).to_owned();
    let mut member_options = vec![(String::new(), choose.clone())];
    member_options.extend(members.iter().map(|m| {
        (
            m.id.0.to_string(),
            format!("{} {} ({})", m.last_name, m.first_name, m.email),
        )
    }));
    let role_options = vec![
        (String::new(), choose.clone()),
        (
            "treasurer".to_owned(),
            role_name(i18n, RoleLevel::Treasurer).to_owned(),
        ),
        (
            "coordinator".to_owned(),
            t_string!(i18n, roles.coordinator).to_owned(),
        ),
        (
            "referent".to_owned(),
            role_name(i18n, RoleLevel::Referent).to_owned(),
        ),
        (
            "producer".to_owned(),
            role_name(i18n, RoleLevel::Producer).to_owned(),
        ),
        (
            "admin".to_owned(),
            role_name(i18n, RoleLevel::Admin).to_owned(),
        ),
    ];
    let mut producer_options = vec![(String::new(), t_string!(i18n, admin.no_producer).to_owned())];
    producer_options.extend(
        producers
            .iter()
            .map(|p| (p.id.0.to_string(), p.name.clone())),
    );
    let [member, role, producer] =
        ["member_id", "role", "producer_id"].map(|field| echo.value(&form, field, ""));
    let action = roles_path(slug);
    let here = here.to_owned();
    view! {
        <section class="card">
            <h2>{t!(i18n, admin.grant_title)}</h2>
            <Form form=form.clone() action here errors class="grid-form">
                <Select form=form.clone() name="member_id" label=t_string!(i18n, admin.member).to_owned()
                    errors options=member_options selected=member/>
                <Select form=form.clone() name="role" label=t_string!(i18n, admin.role).to_owned()
                    errors options=role_options selected=role/>
                <Select form=form.clone() name="producer_id" label=t_string!(i18n, admin.producer).to_owned()
                    errors options=producer_options selected=producer/>
                <Check form=form.clone() name="confirm_admin" label=t_string!(i18n, admin.confirm_admin).to_owned()
                    checked=false errors/>
                <input type="hidden" name="granted" value="true"/>
                <button type="submit" class="primary">{t!(i18n, admin.grant)}</button>
            </Form>
        </section>
    }
}

/// "Ajouter un adhérent": e-mail and names; the invitation mail does the rest.
fn add_form(slug: &str, here: &str) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let form = "add".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let [email, first, last] =
        ["email", "first_name", "last_name"].map(|field| echo.value(&form, field, ""));
    let import = Amap::new(slug.to_owned()).members_import("");
    view! {
        <section class="card">
            <h2>{t!(i18n, member_admin.add_title)}</h2>
            <p class="hint">{t!(i18n, member_admin.add_hint)}</p>
            <Form form=form.clone() action=members_path(slug) here=here.to_owned() errors class="grid-form">
                <Input form=form.clone() name="email" kind="email" autocomplete="off" label=t_string!(i18n, import.col_email).to_owned() errors value=email/>
                <Input form=form.clone() name="first_name" autocomplete="off" label=t_string!(i18n, import.col_first_name).to_owned() errors value=first/>
                <Input form=form.clone() name="last_name" autocomplete="off" label=t_string!(i18n, import.col_last_name).to_owned() errors value=last/>
                <button type="submit" class="primary">{t!(i18n, member_admin.add)}</button>
            </Form>
            <p><a href=import>{t!(i18n, member_admin.import_link)}</a></p>
        </section>
    }
}

/// The list's address with its search and page (either left out when empty).
fn list_link(path: &str, q: &str, page: Option<&str>) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if !q.trim().is_empty() {
        query.append_pair("q", q);
    }
    if let Some(page) = page {
        query.append_pair("page", page);
    }
    match query.finish() {
        query if query.is_empty() => path.to_owned(),
        query => format!("{path}?{query}"),
    }
}

/// "Précédent · Page 2 sur 4 · Suivant", keeping the search.
fn pager(
    here: &str,
    q: &str,
    shown: crate::ui::kit::search::Page,
) -> Option<impl IntoView + use<>> {
    let i18n = use_i18n();
    (shown.count > 1).then(|| {
        let link = |n: usize| list_link(here, q, Some(&n.to_string()));
        let previous = (shown.number > 1).then(|| {
            view! { <a href=link(shown.number - 1) rel="prev">{t!(i18n, admin.previous)}</a> }
        });
        let next = (shown.number < shown.count).then(|| {
            view! { <a href=link(shown.number + 1) rel="next">{t!(i18n, admin.next)}</a> }
        });
        let at = t_string!(
            i18n,
            admin.page_of,
            page = shown.number,
            count = shown.count
        )
        .to_string();
        view! {
            <nav class="pager" aria-label=t_string!(i18n, admin.pages)>
                {previous}<span aria-current="page">{at}</span>{next}
            </nav>
        }
    })
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
    if member.roles.coordinator {
        chips.push((
            RoleKind::Coordinator,
            None,
            t_string!(i18n, roles.coordinator).to_owned(),
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
    let page = Amap::new(slug.clone()).member(member.id);
    let tick = selection_box(member.id);
    let tick_label = t_string!(i18n, member_admin.select, name = name.clone()).to_string();
    view! {
        <tr data-member=member.email.clone()>
            <td>
                {member.active.then(|| view! {
                    <input type="checkbox" form="selection" name=tick.clone() aria-label=tick_label.clone()/>
                })}
            </td>
            <td data-label=t_string!(i18n, admin.name)><a href=page>{name.clone()}</a></td>
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
