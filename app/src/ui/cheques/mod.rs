//! The treasurer's pages: a template's cheque register, its deposit slips, the cheque log.

pub mod audit;
pub mod labels;
pub mod register;
pub mod slip;
