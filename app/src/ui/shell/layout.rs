//! The frame of every AMAP page: header, navigation, AMAP switcher, language, logout.

use crate::api::amaps::{MeView, me};
use crate::api::auth::LOGOUT;
use crate::api::{ErrorKind, NEXT_FIELD};
use crate::domain::access::RoleLevel;
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

#[component]
pub fn AmapLayout() -> impl IntoView {
    let me = Resource::new(|| (), |_| me());
    let slug = use_slug();
    let location = use_location();
    view! {
        <Suspense fallback=|| ()>
            {move || me.get().map(|result| match result {
                Ok(me) => view! { <Header me slug=slug.get()/> }.into_any(),
                Err(e) if e.kind == ErrorKind::Unauthenticated => {
                    let here = location.pathname.get_untracked();
                    view! { <Redirect path=paths::login_then(&here)/> }.into_any()
                }
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            })}
        </Suspense>
        <FlashNotice/>
        <Outlet/>
    }
}

#[component]
fn Header(me: MeView, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let current = me.memberships.iter().find(|m| m.amap.slug == slug).cloned();
    let manages = me.operator
        || current
            .as_ref()
            .is_some_and(|m| m.level >= RoleLevel::Treasurer);
    // Référents, treasurers and admins manage contract templates.
    let manages_contracts = me.operator
        || current
            .as_ref()
            .is_some_and(|m| m.level >= RoleLevel::Referent);
    let amap_name = current.map(|m| m.amap.name).unwrap_or_default();
    let others: Vec<_> = me
        .memberships
        .into_iter()
        .filter(|m| m.amap.slug != slug)
        .collect();
    let has_others = !others.is_empty();
    let pages = Amap::new(slug);
    let home = pages.home();
    let admin = pages.members_admin();
    let contracts = pages.contracts();
    let deliveries = pages.deliveries();
    let payments = pages.payments();
    let manage_contracts = pages.templates();
    view! {
        <header class="topbar">
            <a class="brand-link" href=home.clone()>{amap_name}</a>
            <nav aria-label="Navigation">
                <a href=home>{t!(i18n, nav.home)}</a>
                <a href=contracts>{t!(i18n, contracts.nav_mine)}</a>
                <a href=deliveries>{t!(i18n, contracts.nav_deliveries)}</a>
                <a href=payments>{t!(i18n, payments.nav)}</a>
                <Show when=move || manages_contracts>
                    <a href=manage_contracts.clone()>{t!(i18n, contracts.nav_manage)}</a>
                </Show>
                <Show when=move || manages>
                    <a href=admin.clone()>{t!(i18n, nav.admin)}</a>
                </Show>
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
            </nav>
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
