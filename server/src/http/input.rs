//! `Input<T>`: the request body as JSON or as an HTML form, with every way of getting it
//! wrong turned into the shared error shape (400 unreadable, 413 too large, 422 with the
//! offending field named).

use crate::error::AppError;
use app::domain::{Problem, ProblemCode};
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use bytes::Bytes;
use serde::de::DeserializeOwned;

pub struct Input<T>(pub T);

fn is_form(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"))
}

/// The field serde choked on, as a problem; `missing field` means the field is required.
fn problem_from<E: std::fmt::Display>(error: serde_path_to_error::Error<E>) -> Problem {
    let message = error.inner().to_string();
    let path = error.path().to_string();
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let full = if path == "." {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        };
        return Problem::new(&full, ProblemCode::Required);
    }
    let code = if message.starts_with("unknown variant") {
        ProblemCode::UnknownValue
    } else if message.starts_with(app::domain::money::INVALID_AMOUNT) {
        ProblemCode::InvalidAmount
    } else {
        ProblemCode::Malformed
    };
    Problem::new(if path == "." { "body" } else { &path }, code)
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Input<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let form = is_form(&request);
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::PayloadTooLarge
                } else {
                    AppError::BadRequest(rejection.body_text())
                }
            })?;
        if form {
            let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(&bytes));
            return serde_path_to_error::deserialize(deserializer)
                .map(Input)
                .map_err(|e| AppError::field(problem_from(e)));
        }
        let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
        match serde_path_to_error::deserialize(&mut deserializer) {
            Ok(value) => deserializer
                .end()
                .map(|()| Input(value))
                .map_err(|e| AppError::BadRequest(e.to_string())),
            Err(error) if error.inner().is_data() => Err(AppError::field(problem_from(error))),
            Err(error) => Err(AppError::BadRequest(error.inner().to_string())),
        }
    }
}
