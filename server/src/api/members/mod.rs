//! Members of an AMAP and their roles.

pub mod change_role;
pub mod create;
pub mod deactivate;
pub mod delete;
pub mod import_apply;
pub mod import_example;
pub mod import_preview;
pub mod import_upload;
pub mod list;
pub mod set_active;
pub mod show;
pub mod update;
