//! The contract island: the sign-up form of one contract (a member signing up, or a référent
//! entering a member's paper contract), then either the cheques the plan would propose for
//! what is being typed or, once the contract exists, "Mon échéancier".
//!
//! It is the part of the UI that runs in the browser: every keystroke is checked by
//! `domain::contract::entry` (`check_sign_up`, stock shortages) and `domain::payment` (the
//! proposal, the adjusting cheque, "trop-payé") — the functions the server runs again on
//! save. Both forms still post as plain HTML forms and come back through the flash, so the
//! page works the same with JavaScript off; hydrated, the verdict simply appears earlier.
//!
//! Inside the island there is no server context: the language comes as a prop
//! ([`lang`]), what the last failed post brought back as [`Posting`].

mod basket;
mod form;
mod grid;
mod preview;
mod state;

use crate::api::contracts::SignUpPage;
use crate::api::form::FormErrors;
use crate::domain::contract::Quantities;
use crate::i18n::Locale;
use crate::ui::member::schedule::ScheduleSection;
use form::ContractForm;
pub use form::{CONTRACT_FORM, WITHDRAW_FORM};
pub(crate) use form::Posted;
use leptos::prelude::*;
use preview::SchedulePreview;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The language of the island's sentences (provided at the island's root).
pub(crate) fn lang() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Where one of the island's forms posts, and what its last failed post brought back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// The API endpoint the form posts to.
    pub action: String,
    /// Where a successful post lands.
    pub next: String,
    /// This page (where a failed post comes back).
    pub here: String,
    pub errors: FormErrors,
    /// What was typed before the failed post.
    pub values: BTreeMap<String, String>,
}

/// Tells browser tests (and curious people) that the island runs: `<body data-hydrated>`.
fn mark_hydrated() {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

/// The sign-up form with, below it, the proposed cheques (before signing up) or
/// "Mon échéancier" (`schedule`, once the contract exists and the AMAP manages payments).
#[island]
pub fn ContractIsland(
    page: SignUpPage,
    contract: Posting,
    schedule: Option<Posting>,
    locale: Locale,
) -> impl IntoView {
    provide_context(locale);
    mark_hydrated();
    let typed: RwSignal<Option<Quantities>> = RwSignal::new(None);
    let below = match schedule {
        Some(posting) => view! { <ScheduleSection page=page.clone() posting/> }.into_any(),
        None => view! { <SchedulePreview page=page.clone() grid=typed/> }.into_any(),
    };
    view! {
        <ContractForm page posting=contract typed_grid=typed/>
        {below}
    }
}
