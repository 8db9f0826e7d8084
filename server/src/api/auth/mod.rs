//! Sessions: log in, log out (here or everywhere), refresh; passwords chosen through a link.

pub mod confirm_email;
pub mod login;
pub mod logout;
pub mod logout_everywhere;
pub mod password_reset;
pub mod refresh;
pub mod set_password;
