//! Members' contracts on a template, as the référent handles them.

pub mod carry_over;
pub mod credit;
pub mod delete;
pub mod list;
pub mod preview_recompute;
pub mod recompute;
pub mod save;
pub mod show;
