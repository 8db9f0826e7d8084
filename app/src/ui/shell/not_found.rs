//! The page of an address that leads nowhere (404).

use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    // Under /a/{slug} the page sits in the AMAP's layout (header and menu): the way back is
    // the AMAP's home.
    let back = crate::ui::shell::layout::home_here();
    view! {
        <main class="page narrow">
            <h1>{t!(i18n, not_found.title)}</h1>
            <p><a href=back>{t!(i18n, not_found.back)}</a></p>
        </main>
    }
}
