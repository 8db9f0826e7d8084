//! HTML forms can only `GET` and `POST`. A form that means `DELETE`, `PUT` or `PATCH` posts
//! its fields url-encoded with `_method=DELETE` (or `PUT`, `PATCH`); this layer turns such a
//! request into the real verb **before routing**, so the API has one route per real verb and
//! the OpenAPI document lists only those. It wraps the whole router as a service
//! (`Router::layer` would run after the route was chosen).
//!
//! Only `POST` bodies of type `application/x-www-form-urlencoded` are looked at: a JSON client
//! uses the real verb, and `GET` never changes anything.

use crate::error::ErrorPayload;
use app::api::ErrorKind;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// The form field naming the real verb.
pub const METHOD_FIELD: &str = app::api::METHOD_FIELD;

/// Form bodies are small; anything larger is refused before parsing (as `form_posts` does).
const FORM_LIMIT: usize = 64 * 1024;

fn is_form_post(request: &Request) -> bool {
    request.method() == Method::POST
        && request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"))
}

/// The verb a form asks for; anything but the three overridable ones is ignored.
fn requested(body: &[u8]) -> Option<Method> {
    let (_, value) = form_urlencoded::parse(body).find(|(k, _)| k == METHOD_FIELD)?;
    match value.trim().to_ascii_uppercase().as_str() {
        "DELETE" => Some(Method::DELETE),
        "PUT" => Some(Method::PUT),
        "PATCH" => Some(Method::PATCH),
        _ => None,
    }
}

pub async fn method_override(request: Request, next: Next) -> Response {
    if !is_form_post(&request) {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
        let locale = crate::http::errors::request_locale(&parts.headers);
        return ErrorPayload {
            kind: ErrorKind::PayloadTooLarge,
            problems: Vec::new(),
            retry_after: None,
        }
        .into_response_in(StatusCode::PAYLOAD_TOO_LARGE, locale);
    };
    if let Some(method) = requested(&bytes) {
        parts.method = method;
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_three_verbs_forms_cannot_send_are_taken() {
        assert_eq!(requested(b"_method=DELETE&x=1"), Some(Method::DELETE));
        assert_eq!(requested(b"x=1&_method=put"), Some(Method::PUT));
        assert_eq!(requested(b"_method=PATCH"), Some(Method::PATCH));
        assert_eq!(requested(b"_method=GET"), None);
        assert_eq!(requested(b"_method=TRACE"), None);
        assert_eq!(requested(b"name=_method"), None);
    }
}
