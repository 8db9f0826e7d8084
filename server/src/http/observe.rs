//! One span per request, named by its request id (`x-request-id`: the caller's, or a new
//! UUID, echoed in the answer), and one log line per answer with its status, duration and
//! number of database statements. Errors are logged here, once, with the span: a server
//! error with its cause (the caller only sees an apology), a refusal at debug level.

use crate::db::metrics::counting;
use crate::error::{ErrorCause, ErrorPayload};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;
use tracing::Instrument;

pub const REQUEST_ID: &str = "x-request-id";

pub async fn observe(request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let span = tracing::info_span!(
        "request",
        id = %id,
        method = %request.method(),
        path = %request.uri().path(),
    );
    async move {
        let started = Instant::now();
        let (response, queries) = counting(next.run(request)).await;
        let status = response.status().as_u16();
        let ms = started.elapsed().as_millis();
        if let Some(payload) = response.extensions().get::<ErrorPayload>() {
            let kind = payload.kind.as_str();
            match response.extensions().get::<ErrorCause>() {
                Some(ErrorCause(cause)) => tracing::error!(kind, %cause, "server error"),
                None if response.status().is_server_error() => {
                    tracing::error!(kind, "server error")
                }
                None => tracing::debug!(kind, fields = payload.problems.len(), "refused"),
            }
        }
        tracing::info!(status, ms, queries, "answered");
        response
    }
    .instrument(span)
    .await
}
