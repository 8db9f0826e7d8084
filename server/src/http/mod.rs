//! HTTP plumbing shared by every endpoint: body parsing (JSON or HTML form), the error
//! shape in the caller's language, redirects for plain form posts, and the `_method` override
//! that lets HTML forms use the real verbs.

pub mod client;
pub mod errors;
pub mod flash;
pub mod input;
pub mod limits;
pub mod method_override;
pub mod observe;
pub mod path;
pub mod said;
