//! Admins' pages: the members of the AMAP and their roles, the AMAP's settings, its mails.

pub mod mails;
pub mod members;
pub mod settings;
