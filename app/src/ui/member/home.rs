//! A member's home in one AMAP: contracts, deliveries, payments, duties.

use crate::api::home::{HomeView, member_home};
use crate::domain::access::RoleLevel;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let slug = use_slug();
    let home = Resource::new(move || slug.get(), member_home);
    view! {
        <Suspense fallback=|| ()>
            {move || home.get().map(|result| match result {
                Ok(home) => view! { <Home home/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

pub fn role_name(
    i18n: leptos_i18n::I18nContext<crate::i18n::Locale>,
    level: RoleLevel,
) -> &'static str {
    match level {
        RoleLevel::Member => t_string!(i18n, roles.member),
        RoleLevel::Producer => t_string!(i18n, roles.producer),
        RoleLevel::Referent => t_string!(i18n, roles.referent),
        RoleLevel::Treasurer => t_string!(i18n, roles.treasurer),
        RoleLevel::Admin => t_string!(i18n, roles.admin),
    }
}

#[component]
fn Home(home: HomeView) -> impl IntoView {
    let i18n = use_i18n();
    let name = home.me.first_name.clone();
    let pages = Amap::new(home.amap.slug.clone());
    let role = role_name(i18n, home.level);
    let referent_of = home
        .roles
        .referent_of
        .iter()
        .map(|p| p.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let producer_of = home
        .roles
        .producer_of
        .iter()
        .map(|p| p.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let (has_referent, has_producer) = (!referent_of.is_empty(), !producer_of.is_empty());
    view! {
        <Title text=home.amap.name.clone()/>
        <main class="page">
            <h1>{t!(i18n, home.greeting, name = name.clone())}</h1>
            <p class="muted">{t!(i18n, home.role, role = role)}</p>
            <Show when=move || has_referent>
                <p class="muted">{t!(i18n, home.referent_of, producers = referent_of.clone())}</p>
            </Show>
            <Show when=move || has_producer>
                <p class="muted">{t!(i18n, home.producer_of, producers = producer_of.clone())}</p>
            </Show>
            <div class="sections">
                <HomeSection id="contracts" title=t_string!(i18n, home.contracts) empty=t_string!(i18n, home.contracts_empty)
                    link=(pages.contracts(), t_string!(i18n, contracts.home_contracts))/>
                <HomeSection id="deliveries" title=t_string!(i18n, home.deliveries) empty=t_string!(i18n, home.deliveries_empty)
                    link=(pages.deliveries(), t_string!(i18n, contracts.home_deliveries))/>
                <HomeSection id="payments" title=t_string!(i18n, home.payments) empty=t_string!(i18n, home.payments_empty)/>
                <HomeSection id="duties" title=t_string!(i18n, home.duties) empty=t_string!(i18n, home.duties_empty)/>
            </div>
        </main>
    }
}

/// One of the four sections of the home page: a link to its page once its feature has one,
/// else the empty notice.
#[component]
fn HomeSection(
    id: &'static str,
    title: &'static str,
    empty: &'static str,
    #[prop(optional)] link: Option<(String, &'static str)>,
) -> impl IntoView {
    let body = match link {
        Some((href, text)) => view! { <p><a href=href>{text}</a></p> }.into_any(),
        None => view! { <p class="empty">{empty}</p> }.into_any(),
    };
    view! {
        <section class="card" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {body}
        </section>
    }
}
