#![recursion_limit = "256"]
//! Amapola's shared crate.
//!
//! - [`domain`]: pure business rules (compiled for the browser and the server alike);
//! - [`api`]: wire types of the versioned JSON API and the typed calls the UI makes;
//! - [`ui`]: the Leptos pages, rendered on the server and hydrated in the browser;
//! - [`messages`]: sentences for errors, from the same translation files as the UI.

pub mod api;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod i18n_data;
#[cfg(feature = "ui")]
pub mod messages;
#[cfg(feature = "ui")]
pub mod ui;

#[cfg(feature = "ui")]
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

#[cfg(feature = "ui")]
pub use ui::{App, shell};

/// Browser entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
