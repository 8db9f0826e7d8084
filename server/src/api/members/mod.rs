//! Members of an AMAP and their roles.

pub mod change_role;
pub mod create;
pub mod list;
pub mod set_active;
