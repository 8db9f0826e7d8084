//! "Imprimer": the browser's print dialog, for the register and the deposit slips (their
//! paper layout is `@media print` in the style sheet). The button stays hidden until the
//! small `print` script (`style/js/print.js`) shows it and opens the dialog: without
//! JavaScript the browser's own print command does the same.

use crate::i18n::{t_string, use_i18n};
use crate::ui::shell::document::Script;
use leptos::prelude::*;

#[component]
pub fn PrintButton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="secondary no-print" data-print="" hidden>
            {t_string!(i18n, payments.print)}
        </button>
        <Script name="print"/>
    }
}
