//! The cheque use cases' shared machinery: a template's payment settings, a contract's
//! schedule (read, proposed again, edited), the treasurer's register and deposit slips. The
//! rules are the domain's (`app::domain::payment`); this module reads rows into it and writes
//! its decisions back, each state change with its line in the audit trail.

pub mod register;
pub mod schedule;
pub mod settings;
