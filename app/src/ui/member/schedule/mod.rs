//! "Mon échéancier", the member's cheques of one contract: `form` renders it on the server,
//! `model` computes it (there and, live, in the contract island).

mod form;
pub mod model;

pub use form::{SCHEDULE_FORM, ScheduleSection, line_message};
