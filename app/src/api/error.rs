//! The one error shape every endpoint answers with.

use crate::domain::{Problem, ProblemCode};
use serde::{Deserialize, Serialize};

/// The class of failure; each maps to exactly one HTTP status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// 400: the body could not be read at all.
    BadRequest,
    /// 422: the body was read but some fields are wrong (see `fields`).
    Validation,
    /// 401: no valid session.
    Unauthenticated,
    /// 401 on login: wrong e-mail or password.
    InvalidCredentials,
    /// 403: logged in, but this role may not do that.
    Forbidden,
    /// 403 on login: the account is deactivated everywhere.
    AccountInactive,
    /// 404: no such thing here (or not visible to you).
    NotFound,
    /// 409: the request conflicts with the current state.
    Conflict,
    /// 413: the body is too large.
    PayloadTooLarge,
    /// 429: too many attempts; retry later.
    TooManyRequests,
    /// 500: our fault; logged with its cause.
    Internal,
    /// 503: too busy right now (a request that waited too long); retry in a moment.
    Unavailable,
    /// The server could not be reached (browser side only).
    Network,
}

impl ErrorKind {
    pub fn status(self) -> u16 {
        match self {
            Self::BadRequest => 400,
            Self::Validation => 422,
            Self::Unauthenticated | Self::InvalidCredentials => 401,
            Self::Forbidden | Self::AccountInactive => 403,
            Self::NotFound => 404,
            Self::Conflict => 409,
            Self::PayloadTooLarge => 413,
            Self::TooManyRequests => 429,
            Self::Internal => 500,
            Self::Unavailable | Self::Network => 503,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::BadRequest => "bad_request",
            Self::Validation => "validation",
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidCredentials => "invalid_credentials",
            Self::Forbidden => "forbidden",
            Self::AccountInactive => "account_inactive",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::PayloadTooLarge => "payload_too_large",
            Self::TooManyRequests => "too_many_requests",
            Self::Internal => "internal",
            Self::Unavailable => "unavailable",
            Self::Network => "network",
        }
    }

    pub const ALL: [ErrorKind; 13] = [
        Self::BadRequest,
        Self::Validation,
        Self::Unauthenticated,
        Self::InvalidCredentials,
        Self::Forbidden,
        Self::AccountInactive,
        Self::NotFound,
        Self::Conflict,
        Self::PayloadTooLarge,
        Self::TooManyRequests,
        Self::Internal,
        Self::Unavailable,
        Self::Network,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One field's problem, with its sentence in the caller's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: String,
    pub code: ProblemCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// A référent's own wording (entry rules); already used as `message` when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub message: String,
}

impl FieldError {
    pub fn problem(&self) -> Problem {
        Problem {
            field: self.field.clone(),
            code: self.code,
            limit: self.limit,
            detail: self.detail.clone(),
        }
    }
}

/// The body of every error response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
    #[serde(default)]
    pub fields: Vec<FieldError>,
    /// Seconds to wait before retrying (with `too_many_requests`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            fields: Vec::new(),
            retry_after: None,
        }
    }

    pub fn field(&self, name: &str) -> Option<&FieldError> {
        self.fields.iter().find(|f| f.field == name)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl std::error::Error for ApiError {}
