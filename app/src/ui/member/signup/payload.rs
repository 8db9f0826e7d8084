//! What the contract island needs in the browser, in a compact form: postcard (a small
//! binary serde format) in base64, handed over as the island's one prop. JSON props would
//! make the browser bundle carry a JSON deserialiser for every type of the page (most of the
//! bundle, measured); postcard's positional format costs a fraction of that.

use crate::api::contracts::SignUpPage;
use crate::i18n::Locale;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

/// The island's data: the page (offer, window, stock, schedule) and the reader's language.
/// (The island words its sentences itself: its translation strings cost the bundle, cached
/// for a year, less than sending them with every page — measured, see `model::Phrases`.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveData {
    pub locale: Locale,
    pub page: SignUpPage,
}

impl LiveData {
    /// The island's prop (server side).
    pub fn encode(&self) -> String {
        postcard::to_allocvec(self)
            .map(|bytes| STANDARD.encode(bytes))
            .unwrap_or_default()
    }

    /// Reads the prop back (browser side); `None` if it is not ours.
    pub fn decode(prop: &str) -> Option<Self> {
        let bytes = STANDARD.decode(prop).ok()?;
        postcard::from_bytes(&bytes).ok()
    }
}
