//! Two middlewares around the API:
//! - `localize`: error bodies in the caller's language (explicit language cookie, else
//!   `Accept-Language`, else French), and the shared shape for errors axum itself produces
//!   (unknown route, wrong method, panics);
//! - `form_posts`: a plain HTML form post gets a 303 redirect — to the form's `_next` page on
//!   success, back to its `_back` page on failure — keeping any cookie the answer set; errors,
//!   typed values and confirmations travel in the flash cookie (`http::flash`), never in URLs.

use super::flash;
use crate::error::ErrorPayload;
use app::api::form::{FORM_MARK, Flash, FormErrors, local_path};
use app::api::notice::Notice;
use app::api::{BACK_FIELD, ErrorKind, NEXT_FIELD};
use app::i18n::Locale;
use app::messages::locale_from_accept_language;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use std::collections::BTreeMap;

/// The cookie leptos_i18n keeps the chosen language in.
pub const LANGUAGE_COOKIE: &str = "i18n_pref_locale";

pub fn request_locale(headers: &HeaderMap) -> Locale {
    match CookieJar::from_headers(headers)
        .get(LANGUAGE_COOKIE)
        .map(|c| c.value().to_owned())
        .as_deref()
    {
        Some("en") => Locale::en,
        Some("fr") => Locale::fr,
        _ => locale_from_accept_language(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        ),
    }
}

pub async fn localize(request: Request, next: Next) -> Response {
    let locale = request_locale(request.headers());
    let response = next.run(request).await;
    let status = response.status();
    if let Some(payload) = response.extensions().get::<ErrorPayload>().cloned() {
        if locale == Locale::fr {
            return response;
        }
        return with_cookies_of(&response, payload.into_response_in(status, locale));
    }
    if status.is_client_error() || status.is_server_error() {
        // Errors raised by axum itself (no route, wrong method, body limits) or a panic.
        let kind = match status {
            StatusCode::NOT_FOUND => ErrorKind::NotFound,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorKind::PayloadTooLarge,
            s if s.is_server_error() => ErrorKind::Internal,
            _ => ErrorKind::BadRequest,
        };
        return ErrorPayload {
            kind,
            problems: Vec::new(),
            retry_after: None,
        }
        .into_response_in(status, locale);
    }
    response
}

fn with_cookies_of(original: &Response, mut replacement: Response) -> Response {
    for cookie in original.headers().get_all(header::SET_COOKIE) {
        replacement
            .headers_mut()
            .append(header::SET_COOKIE, cookie.clone());
    }
    replacement
}

/// A form post from a browser that is not running our scripts (which ask for JSON).
fn is_plain_form_post(request: &Request) -> bool {
    let headers = request.headers();
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"));
    form && !wants_json
}

/// Form bodies are small; anything larger is refused before parsing.
const FORM_LIMIT: usize = 64 * 1024;

/// What the member typed, so that the page shown again after an error keeps it (nothing is
/// lost without JavaScript either). Passwords and form bookkeeping are never echoed.
fn echoed_values(body: &[u8]) -> BTreeMap<String, String> {
    form_urlencoded::parse(body)
        .filter(|(k, v)| !k.starts_with('_') && !k.contains("password") && !v.is_empty())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Answers a plain form post with a 303: to `_next` on success, back to `_back` on failure;
/// what the next page shows (errors, typed values, a confirmation) goes in the flash cookie.
pub async fn form_posts(request: Request, next: Next) -> Response {
    if !is_plain_form_post(&request) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
        return ErrorPayload {
            kind: ErrorKind::PayloadTooLarge,
            problems: Vec::new(),
            retry_after: None,
        }
        .into_response_in(
            StatusCode::PAYLOAD_TOO_LARGE,
            request_locale(&parts.headers),
        );
    };
    let field = |name: &str| {
        form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let next_page = local_path(field(NEXT_FIELD).as_deref(), "/");
    let back_page = local_path(field(BACK_FIELD).as_deref(), &next_page);
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes.clone())))
        .await;
    let (target, flash) = if response.status().is_success() {
        let notice = response.extensions().get::<Notice>().cloned();
        let flash = notice.map(|notice| Flash {
            notice: Some(notice),
            ..Flash::default()
        });
        (next_page, flash)
    } else {
        let Some(payload) = response.extensions().get::<ErrorPayload>() else {
            return response;
        };
        let flash = Flash {
            form: field(FORM_MARK),
            errors: FormErrors {
                kind: Some(payload.kind),
                fields: payload.problems.clone(),
            },
            values: echoed_values(&bytes),
            notice: None,
        };
        (back_page, Some(flash))
    };
    let mut redirect = with_cookies_of(&response, Redirect::to(&target).into_response());
    if let Some(cookie) = flash.as_ref().and_then(flash::set_cookie) {
        redirect.headers_mut().append(header::SET_COOKIE, cookie);
    }
    redirect
}
