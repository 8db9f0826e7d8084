//! Producers and their catalogues.

pub mod create;
pub mod create_product;
pub mod list;
pub mod show;
pub mod update;
pub mod update_product;
