//! "Imprimer": the browser's print dialog, for the register and the deposit slips (their
//! paper layout is `@media print` in `style/manage.css`). Hidden until the page is hydrated:
//! without JavaScript the browser's own print command does the same.

use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;

#[component]
pub fn PrintButton() -> impl IntoView {
    let i18n = use_i18n();
    let hydrated = RwSignal::new(false);
    // Effects run only in the browser, once hydrated.
    Effect::new(move |_| hydrated.set(true));
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <button type="button" class="secondary no-print" hidden=move || !hydrated.get() on:click=print>
            {t_string!(i18n, payments.print)}
        </button>
    }
}
