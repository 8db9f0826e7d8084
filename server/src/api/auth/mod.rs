//! Sessions: log in, log out, refresh.

pub mod login;
pub mod logout;
pub mod refresh;
