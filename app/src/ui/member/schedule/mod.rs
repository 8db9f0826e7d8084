//! "Mon échéancier", the member's cheques of one contract (see `form`), computed live by
//! `model`. Rendered inside the contract island (`member::signup`).

mod form;
mod model;

pub use form::{SCHEDULE_FORM, ScheduleSection};
