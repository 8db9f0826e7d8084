//! What frames every page: the HTML document and its assets, the header of an AMAP's pages,
//! the login page and the password pages, the AMAP chooser and the "not found" page.

pub mod document;
pub mod layout;
pub mod login;
pub mod not_found;
pub mod password;
pub mod root;
