//! The frame of every AMAP page: header, navigation, AMAP switcher, language, logout.

use crate::api::amaps::{MeView, me};
use crate::api::auth::LOGOUT;
use crate::api::home::{HomeView, member_home};
use crate::api::{ErrorKind, NEXT_FIELD};
use crate::i18n::{Locale, t, use_i18n};
use crate::ui::kit::form::ErrorNotice;
use crate::ui::kit::notice::FlashNotice;
use crate::ui::paths::{self, Amap};
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::{use_location, use_params_map};

/// The AMAP slug of the current route.
pub fn use_slug() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()))
}

/// The way home from here: the AMAP's home page inside an AMAP, the start page elsewhere.
pub fn home_here() -> String {
    let slug = use_slug().get_untracked();
    if slug.is_empty() {
        "/".to_owned()
    } else {
        Amap::new(slug).home()
    }
}

#[component]
pub fn AmapLayout() -> impl IntoView {
    let me = Resource::new(|| (), |_| me());
    let slug = use_slug();
    let home = Resource::new(move || slug.get(), member_home);
    let location = use_location();
    let data = move || Some((me.get()?, home.get()?));
    view! {
        <Suspense fallback=|| ()>
            {move || data().map(|loaded| match loaded {
                (Ok(me), home) => view! { <Header me home=home.ok() slug=slug.get()/> }.into_any(),
                (Err(e), _) if e.kind == ErrorKind::Unauthenticated => {
                    let here = location.pathname.get_untracked();
                    view! { <Redirect path=paths::login_then(&here)/> }.into_any()
                }
                (Err(error), _) => view! { <ErrorNotice error/> }.into_any(),
            })}
        </Suspense>
        <FlashNotice/>
        <Outlet/>
    }
}

/// One entry of the menu: where it goes, and the paths it counts as "here".
struct Entry {
    href: String,
    label: String,
    /// The page is this one (exact) or below it.
    prefix: bool,
}

/// The menu a person sees here: exactly the screens the server says their roles open.
fn entries(
    i18n: leptos_i18n::I18nContext<Locale>,
    pages: &Amap,
    home: Option<&HomeView>,
) -> Vec<Entry> {
    use crate::i18n::t_string;
    let entry = |href: String, label: &str, prefix: bool| Entry {
        href,
        label: label.to_owned(),
        prefix,
    };
    let mut menu = vec![
        entry(pages.home(), t_string!(i18n, nav.home), false),
        entry(pages.contracts(), t_string!(i18n, contracts.nav_mine), true),
        entry(
            pages.deliveries(),
            t_string!(i18n, contracts.nav_deliveries),
            true,
        ),
        entry(pages.payments(), t_string!(i18n, payments.nav), true),
        entry(pages.adhesions(), t_string!(i18n, nav.adhesions), true),
        entry(pages.rotas(), t_string!(i18n, nav.rota), true),
        entry(pages.directory(), t_string!(i18n, nav.directory), true),
        entry(pages.account(), t_string!(i18n, nav.account), true),
    ];
    let Some(home) = home else { return menu };
    if home.may_manage_templates {
        menu.push(entry(
            pages.templates(),
            t_string!(i18n, contracts.nav_manage),
            true,
        ));
    } else {
        // A producer's own account reaches its farm's page (outputs, and its cheques when
        // entrusted with them).
        for farm in &home.roles.producer_of {
            menu.push(Entry {
                href: pages.producer(farm.id),
                label: farm.name.clone(),
                prefix: true,
            });
        }
    }
    if home.may_read_sign_in_sheets {
        menu.push(entry(
            pages.distributions(),
            t_string!(i18n, distributions.nav),
            true,
        ));
    }
    if home.may_list_members {
        menu.push(entry(
            pages.members_admin(),
            t_string!(i18n, nav.admin),
            true,
        ));
    }
    if home.may_manage_adhesions {
        menu.push(entry(
            pages.adhesion_periods(),
            t_string!(i18n, nav.adhesion_periods),
            true,
        ));
    }
    if home.may_manage_amap {
        menu.push(entry(pages.settings(), t_string!(i18n, nav.settings), true));
        menu.push(entry(pages.mails(), t_string!(i18n, nav.mails), true));
    }
    menu
}

/// The entry of the page shown: the longest one that holds the path.
fn current(menu: &[Entry], path: &str) -> Option<usize> {
    menu.iter()
        .enumerate()
        .filter(|(_, e)| path == e.href || (e.prefix && path.starts_with(&format!("{}/", e.href))))
        .max_by_key(|(_, e)| e.href.len())
        .map(|(i, _)| i)
}

#[component]
fn Header(me: MeView, home: Option<HomeView>, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let current_amap = me.memberships.iter().find(|m| m.amap.slug == slug).cloned();
    let amap_name = current_amap.map(|m| m.amap.name).unwrap_or_default();
    let others: Vec<_> = me
        .memberships
        .into_iter()
        .filter(|m| m.amap.slug != slug)
        .collect();
    let has_others = !others.is_empty();
    let pages = Amap::new(slug);
    let menu = entries(i18n, &pages, home.as_ref());
    let here = current(&menu, &use_location().pathname.get_untracked());
    let links = menu
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let mark = (Some(i) == here).then_some("page");
            view! { <a href=e.href aria-current=mark>{e.label}</a> }
        })
        .collect_view();
    view! {
        <header class="topbar">
            <div class="top-line">
                <a class="brand-link" href=pages.home()>{amap_name}</a>
                <div class="tools">
                    <Show when=move || has_others>
                        <details class="switcher">
                            <summary>{t!(i18n, nav.amaps)}</summary>
                            <ul>
                                {others.iter().map(|m| view! {
                                    <li><a href=Amap::new(m.amap.slug.clone()).home()>{m.amap.name.clone()}</a></li>
                                }).collect_view()}
                            </ul>
                        </details>
                    </Show>
                    <LanguageSwitch/>
                    <LogoutForm/>
                </div>
            </div>
            <nav aria-label=crate::i18n::t_string!(i18n, nav.menu)>{links}</nav>
        </header>
    }
}

/// Language links: a full page load through `/lang/{code}`, which stores the choice in a
/// cookie, so it works the same with or without JavaScript.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let link = move |code: &'static str| {
        let here = location.pathname.get();
        let search = location.search.get();
        let next = if search.is_empty() {
            here
        } else {
            format!("{here}?{search}")
        };
        paths::language(code, &next)
    };
    let current = move || i18n.get_locale();
    view! {
        <span class="lang" aria-label=move || crate::i18n::td_string!(current(), nav.language)>
            <a href=move || link("fr") rel="external" hreflang="fr" aria-current=move || (current() == Locale::fr).then_some("true")>"FR"</a>
            " · "
            <a href=move || link("en") rel="external" hreflang="en" aria-current=move || (current() == Locale::en).then_some("true")>"EN"</a>
        </span>
    }
}

/// Logging out is a real form post (never a GET a prefetcher could trigger).
#[component]
pub fn LogoutForm() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="post" action=LOGOUT class="inline">
            <input type="hidden" name=NEXT_FIELD value="/login"/>
            <button type="submit" class="link">{t!(i18n, nav.logout)}</button>
        </form>
    }
}
