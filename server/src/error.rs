//! The one error type of every handler, and how it becomes an HTTP answer.
//!
//! Each variant maps to one `ErrorKind` (and so one status). The body is the shared
//! `app::api::ApiError` shape, rendered in French here and re-rendered in the caller's
//! language by `http::errors::localize` (which also turns errors of plain HTML form posts
//! into redirects back to the form).

use app::api::{ApiError, ErrorKind, FieldError};
use app::domain::Problem;
use app::i18n::Locale;
use app::messages::{error_message, problem_message};
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: unreadable body.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 422: readable, but these fields are wrong.
    #[error("validation failed")]
    Validation(Vec<Problem>),
    /// 401: no valid session.
    #[error("unauthenticated")]
    Unauthenticated,
    /// 401: wrong e-mail or password.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// 403: the role does not allow it.
    #[error("forbidden")]
    Forbidden,
    /// 403: no active membership anywhere.
    #[error("account inactive")]
    AccountInactive,
    /// 404: absent, or not visible to the caller.
    #[error("not found")]
    NotFound,
    /// 409: conflicts with the current state.
    #[error("conflict: {0}")]
    Conflict(String),
    /// 409 about named fields (e.g. the date and product whose stock just ran out).
    #[error("conflict on fields")]
    ConflictOn(Vec<Problem>),
    /// 413: body over the limit.
    #[error("payload too large")]
    PayloadTooLarge,
    /// 429: throttled; retry after this many seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after: u64 },
    /// 500: logged with its cause, shown as a plain apology.
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
    /// 503: too busy to answer in time (the request waited too long for the database or ran
    /// past the server's time limit); nothing was written. Retry after this many seconds.
    #[error("unavailable: {cause}")]
    Unavailable { cause: String, retry_after: u64 },
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        if crate::repo::is_busy(&err) {
            return AppError::Unavailable {
                cause: err.to_string(),
                retry_after: 2,
            };
        }
        AppError::Internal(err.into())
    }
}

impl AppError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::BadRequest(_) => ErrorKind::BadRequest,
            // Well-formed input the stored state refuses is a conflict (409), not a field to
            // correct (422): `ProblemCode::is_conflict`.
            Self::Validation(problems)
                if !problems.is_empty() && problems.iter().all(|p| p.code.is_conflict()) =>
            {
                ErrorKind::Conflict
            }
            Self::Validation(_) => ErrorKind::Validation,
            Self::Unauthenticated => ErrorKind::Unauthenticated,
            Self::InvalidCredentials => ErrorKind::InvalidCredentials,
            Self::Forbidden => ErrorKind::Forbidden,
            Self::AccountInactive => ErrorKind::AccountInactive,
            Self::NotFound => ErrorKind::NotFound,
            Self::Conflict(_) | Self::ConflictOn(_) => ErrorKind::Conflict,
            Self::PayloadTooLarge => ErrorKind::PayloadTooLarge,
            Self::TooManyRequests { .. } => ErrorKind::TooManyRequests,
            Self::Internal(_) => ErrorKind::Internal,
            Self::Unavailable { .. } => ErrorKind::Unavailable,
        }
    }

    /// One field's problem as a validation error.
    pub fn field(problem: Problem) -> Self {
        Self::Validation(vec![problem])
    }
}

/// The cause of a server error, carried by its response for the logging middleware
/// (`http::observe`), never sent to the caller.
#[derive(Clone, Debug)]
pub struct ErrorCause(pub String);

/// What an error response carries for the localizing middleware.
#[derive(Clone, Debug)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub problems: Vec<Problem>,
    pub retry_after: Option<u64>,
}

impl ErrorPayload {
    pub fn render(&self, locale: Locale) -> ApiError {
        ApiError {
            kind: self.kind,
            message: error_message(locale, self.kind),
            fields: self
                .problems
                .iter()
                .map(|p| FieldError {
                    field: p.field.clone(),
                    code: p.code,
                    limit: p.limit,
                    detail: p.detail.clone(),
                    message: problem_message(locale, p),
                })
                .collect(),
            retry_after: self.retry_after,
        }
    }

    pub fn into_response_in(self, status: StatusCode, locale: Locale) -> Response {
        let body = self.render(locale);
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(self);
        response
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let kind = self.kind();
        // Logged by `http::observe`, inside the request's span.
        let cause = match &self {
            Self::Internal(cause) => Some(ErrorCause(format!("{cause:?}"))),
            Self::Unavailable { cause, .. } => Some(ErrorCause(cause.clone())),
            _ => None,
        };
        let retry_after = match self {
            Self::TooManyRequests { retry_after } | Self::Unavailable { retry_after, .. } => {
                Some(retry_after)
            }
            _ => None,
        };
        let problems = match self {
            Self::Validation(problems) | Self::ConflictOn(problems) => problems,
            _ => Vec::new(),
        };
        let status =
            StatusCode::from_u16(kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = ErrorPayload {
            kind,
            problems,
            retry_after,
        }
        .into_response_in(status, Locale::fr);
        if let Some(cause) = cause {
            response.extensions_mut().insert(cause);
        }
        response
    }
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// For `map_err`: a unique-index violation becomes "already taken" on `field` (a name, a
    /// slug…); any other database error stays an internal one.
    pub fn taken_on(field: &'static str) -> impl Fn(sea_orm::DbErr) -> AppError {
        move |error| {
            if crate::repo::is_unique_violation(&error) {
                AppError::field(Problem::new(field, app::domain::ProblemCode::Taken))
            } else {
                error.into()
            }
        }
    }
}
