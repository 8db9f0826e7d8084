//! Contract templates and sign-ups (reference `amapj.md` §1.2–§2.8, §13 rules 1, 8, 9, 13, 14).
//!
//! Everything here is pure: the clock arrives as the AMAP's *local* wall-clock time
//! (`LocalNow`), computed by the server from UTC and the AMAP's time zone, so the browser can
//! run exactly the same checks with the `now` the server sent it.

pub mod agenda;
pub mod calendar;
pub mod changes;
pub mod deadline;
pub mod editing;
pub mod entry;
pub mod grid;
pub mod history;
pub mod jokers;
pub mod lifecycle;
pub mod manage;
pub mod rules;
pub mod signup;
pub mod stock;
pub mod stock_change;
pub mod stock_recount;
pub mod synthesis;
pub mod template;

pub use calendar::{Frequency, generate_dates};
pub use grid::{Cell, Quantities};
pub use jokers::{JokerChoice, JokerKind, JokerMode, JokerPolicy};
pub use rules::{Binds, DateScope, EntryRule, Operator, ProductScope};
pub use signup::{Entrant, SignUp, check_sign_up};
pub use stock::{Conversion, StockLimit, StockUse};
pub use template::{Nature, Offer, OfferProduct, TemplateState};

/// The AMAP's local date and time (already converted from UTC by the server).
pub type LocalNow = chrono::NaiveDateTime;
