//! Who is calling: passwords (argon2id), session tokens (JWT in an HttpOnly cookie or a
//! Bearer header), failed-login throttling, and per-AMAP grants.

pub mod access;
pub mod password;
pub mod session;
pub mod throttle;
pub mod token;

pub use access::AmapAccess;
pub use session::CurrentUser;
