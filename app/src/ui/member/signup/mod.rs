//! One contract's sign-up, as a member signs up or a référent enters a paper contract: the
//! form (`form`, with `grid` or `basket`), then the cheques the plan would propose for what
//! is being typed (`preview`) or, once the contract exists, "Mon échéancier"
//! (`member::schedule`).
//!
//! HTML first: the server renders all of it — totals, the stored or typed values, the
//! server's problems beside their fields — and both forms post as plain HTML forms, so the
//! page works fully without JavaScript. [`LiveContract`] is the island around it: in the
//! browser it recomputes, at each keystroke, what the server would answer — with the same
//! `domain::contract::entry` (`check_sign_up`, stock shortages) and `domain::payment`
//! (proposal, adjusting cheque, "trop-payé") functions, decoded from a compact payload
//! (`payload`) — and writes the verdict into the server's HTML (`live`).

mod basket;
mod form;
mod grid;
mod live;
mod model;
mod payload;
mod preview;

use crate::api::contracts::SignUpPage;
use crate::api::form::FormErrors;
use crate::domain::contract::Quantities;
pub use form::{CONTRACT_FORM, ContractForm, Posted, WITHDRAW_FORM};
pub use live::{LiveContract, LiveSource};
pub use model::Phrases;
pub use payload::LiveData;
pub use preview::SchedulePreview;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where one of the page's forms posts, and what its last failed post brought back.
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

/// The grid the form shows at first: what a failed post typed, else the stored contract.
pub fn shown_grid(page: &SignUpPage, values: &BTreeMap<String, String>) -> Quantities {
    let model = model::Model::new(page.clone());
    let fields = model.initial_fields(values.clone());
    model.review(&fields).grid
}
