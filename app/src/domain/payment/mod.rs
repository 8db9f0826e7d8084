//! Payment schedules ("échéancier", reference `amapj.md` §3.1–§3.3, §13 rules 2–7).
//!
//! From a contract's delivery dates and total, this module finds the payment dates, proposes
//! the amount of each cheque to the cent, recomputes the adjusting line while a member edits
//! and refuses a schedule with a negative line. Pure: no I/O, no clock (a "today" never
//! enters the arithmetic; which lines are still modifiable is decided by the caller).
//!
//! Invariants (property-tested in `properties`): after any proposal the lines plus the credit
//! sum to the contract total; when the credit and the non-modifiable lines do not exceed the
//! total, no line is negative; amounts only ever land on the given payment dates.

pub mod cheque;
pub mod dates;
pub mod defaults;
pub mod editing;
pub mod plan;
pub mod proposal;
pub mod register;
pub mod slip;
pub mod strategy;

pub use cheque::{ChequeEvent, ChequeState, Editor, Held};
pub use dates::PaymentDates;
pub use editing::{LineRole, adjust_after_edit, check_lines, roles};
pub use plan::{Contract, PaymentPlan, delivered_values, frozen_before};
pub use proposal::{
    Line, NothingModifiable, ProposalKind, Terms, adjust, delivery_values, propose,
};
pub use register::Tally;
pub use strategy::{Preset, Strategy};

#[cfg(test)]
mod properties;

#[cfg(test)]
mod cheque_properties;
