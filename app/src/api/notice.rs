//! What a successful action did, said on the page the browser lands on next
//! ("Contrat enregistré : 3 chèques de 19,00 €"). An API handler attaches a `Notice` to its
//! answer (as a response extension, invisible to JSON clients); the no-JS form layer carries
//! it to the next page in the flash cookie, where `ui::kit::notice` words it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// Saved, with nothing more specific to say.
    Saved,
}
