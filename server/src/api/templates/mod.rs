//! Contract templates as référents manage them, and the producer's outputs.

pub mod add_rule;
pub mod candidates;
pub mod changes;
pub mod copy;
pub mod create;
pub mod delete;
pub mod delete_rule;
pub mod delivery_sheet;
pub mod list;
pub mod requirement;
pub mod set_state;
pub mod show;
pub mod stock;
pub mod synthesis;
pub mod update;
