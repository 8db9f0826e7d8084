//! Distributions: the coming dates with their contracts and people on duty, and one date's
//! sign-in sheet.

pub mod list;
pub mod sign_in_sheet;
