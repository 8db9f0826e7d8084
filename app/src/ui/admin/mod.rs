//! Admins' pages: the members of the AMAP and their roles (one member's page, importing a
//! list), the AMAP's settings, its mails.

pub mod adhesions;
pub mod import;
pub mod mails;
pub mod member;
pub mod members;
pub mod settings;
