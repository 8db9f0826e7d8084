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
    view! {
        <main class="page narrow">
            <h1>{t!(i18n, not_found.title)}</h1>
            <p><a href="/">{t!(i18n, not_found.back)}</a></p>
        </main>
    }
}
