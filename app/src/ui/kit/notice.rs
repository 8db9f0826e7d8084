//! The confirmation of what the last action did, at the top of the page it led to.

use super::form::flash;
use crate::api::notice::Notice;
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;

fn sentence(notice: &Notice) -> String {
    let i18n = use_i18n();
    match notice {
        Notice::Saved => t_string!(i18n, notice.saved).to_owned(),
    }
}

/// "Contrat enregistré…", announced politely to screen readers; nothing without a notice.
#[component]
pub fn FlashNotice() -> impl IntoView {
    flash()
        .notice
        .map(|notice| view! { <p class="notice done" role="status">{sentence(&notice)}</p> })
}
