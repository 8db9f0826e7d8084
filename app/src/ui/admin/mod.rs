//! Admins' pages: the members of the AMAP and their roles, the AMAP's settings.

pub mod members;
pub mod settings;
