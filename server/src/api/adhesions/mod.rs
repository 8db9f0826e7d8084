//! Memberships (adhésions): periods and the treasurer's ledger; a member's own memberships
//! are under `me`.

pub mod correct;
pub mod create_period;
pub mod delete_period;
pub mod ledger;
pub mod periods;
pub mod record;
pub mod remove;
pub mod update_period;
