//! `/`: sends people where they belong (login, their only AMAP, or a chooser).

use crate::api::ErrorKind;
use crate::api::amaps::{MeView, me};
use crate::i18n::{t, use_i18n};
use crate::ui::kit::form::ErrorNotice;
use crate::ui::paths::{self, Amap};
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn RootPage() -> impl IntoView {
    let me = Resource::new(|| (), |_| me());
    view! {
        <Suspense fallback=|| ()>
            {move || me.get().map(|result| match result {
                Ok(me) if me.memberships.len() == 1 => {
                    let slug = me.memberships[0].amap.slug.clone();
                    view! { <Redirect path=Amap::new(slug).home()/> }.into_any()
                }
                Ok(me) => view! { <AmapChooser me/> }.into_any(),
                Err(e) if e.kind == ErrorKind::Unauthenticated => view! { <Redirect path=paths::LOGIN/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn AmapChooser(me: MeView) -> impl IntoView {
    let i18n = use_i18n();
    let empty = me.memberships.is_empty();
    view! {
        <main class="page narrow">
            <h1>{t!(i18n, chooser.title)}</h1>
            <Show when=move || !empty fallback=move || view! { <p>{t!(i18n, chooser.none)}</p> }>
                <p>{t!(i18n, chooser.intro)}</p>
            </Show>
            <ul class="amap-list">
                {me.memberships.into_iter().map(|m| view! {
                    <li><a class="card link" href=Amap::new(m.amap.slug).home()>
                        <strong>{m.amap.name}</strong>" · "{m.amap.city}
                    </a></li>
                }).collect_view()}
            </ul>
            <super::layout::LogoutForm/>
        </main>
    }
}
