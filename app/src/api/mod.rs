//! The versioned JSON API as the UI (and any third party) sees it: wire types and typed calls.
//!
//! Every page reads and writes through these calls. In the browser they go over HTTP; during
//! server-side rendering they are handed in-process to the very same axum router, so the UI
//! has no second implementation of anything.

pub mod adhesions;
pub mod amaps;
pub mod auth;
pub mod calendar;
pub mod client;
pub mod contracts;
pub mod directory;
pub mod distributions;
pub mod error;
pub mod form;
pub mod home;
pub mod imports;
pub mod mails;
pub mod members;
pub mod notice;
pub mod payments;
pub mod producers;
pub mod rota;
pub mod templates;

pub use error::{ApiError, ErrorKind, FieldError};

/// Prefix of every versioned endpoint.
pub const BASE: &str = "/api/v1";

/// Form field naming the page to go to after a successful form post (no-JavaScript mode).
pub const NEXT_FIELD: &str = "_next";
/// Form field naming the page to go back to, with the errors, after a failed form post.
pub const BACK_FIELD: &str = "_back";
/// Form field naming the real verb (`DELETE`, `PUT`, `PATCH`) of a form that can only `POST`.
pub const METHOD_FIELD: &str = "_method";
