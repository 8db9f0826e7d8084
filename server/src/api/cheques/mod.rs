//! Payment plans, the treasurer's register and deposit slips.

pub mod audit;
pub mod collection;
pub mod delete_slip;
pub mod edit;
pub mod receive;
pub mod recompute_all;
pub mod register;
pub mod remit;
pub mod report;
pub mod set_settings;
pub mod settings;
pub mod slip;
