//! Limits that keep one slow request from holding the server: each request has a time limit
//! (answered 503, the shared error shape, when it runs past it; whatever it was writing is
//! rolled back with its transaction), and at most so many requests run at once — the others
//! wait their turn, within the same time limit.

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

pub async fn time_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit = Duration::from_secs(state.config.request_timeout_secs);
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => AppError::Unavailable {
            cause: format!("the request ran past its {} s", limit.as_secs()),
            retry_after: 5,
        }
        .into_response(),
    }
}
