//! HTTP plumbing shared by every endpoint: body parsing (JSON or HTML form), the error
//! shape in the caller's language, and redirects for plain form posts.

pub mod errors;
pub mod flash;
pub mod input;
pub mod path;
