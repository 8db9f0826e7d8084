//! Admins' pages: the members of the AMAP and their roles.

pub mod members;
