//! The caller's session: a Bearer header (API clients) or the HttpOnly cookie (browser).
//!
//! The cookie is `SameSite=Lax`, so other sites cannot make a browser post forms with it;
//! state-changing cookie requests must also come from our own origin when the browser
//! says where they come from (`Origin`), as a second line against CSRF.

use super::token::Claims;
use crate::db::entities::app_user;
use crate::error::AppError;
use crate::repo;
use crate::state::AppState;
use app::api::auth::SessionView;
use axum::Json;
use axum::extract::{FromRef, FromRequestParts, Request, State};
use axum::http::{Method, header, request::Parts};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use chrono::{DateTime, Utc};

pub const COOKIE: &str = "amapola_session";

/// An authenticated person (the account still exists).
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub user: app_user::Model,
}

/// Where the token came from: only cookies need the CSRF origin check.
enum Source {
    Bearer,
    Cookie,
}

fn token_from(parts: &Parts) -> Option<(String, Source)> {
    let bearer = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| (t.trim().to_owned(), Source::Bearer));
    bearer.or_else(|| {
        CookieJar::from_headers(&parts.headers)
            .get(COOKIE)
            .map(|c| (c.value().to_owned(), Source::Cookie))
    })
}

/// True when a cookie-authenticated write comes from another site.
fn cross_site_write(parts: &Parts) -> bool {
    if matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let Some(origin) = parts
        .headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    origin == "null" || origin_host != host
}

impl<S> FromRequestParts<S> for CurrentUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(user.clone());
        }
        let state = AppState::from_ref(state);
        let (token, source) = token_from(parts).ok_or(AppError::Unauthenticated)?;
        let claims = state.keys.verify(&token).ok_or(AppError::Unauthenticated)?;
        if matches!(source, Source::Cookie) && cross_site_write(parts) {
            return Err(AppError::Forbidden);
        }
        let user = repo::users::find(&state.db, app::domain::UserId(claims.sub))
            .await?
            .filter(|user| user.token_epoch == claims.ver)
            .ok_or(AppError::Unauthenticated)?;
        let current = CurrentUser { user };
        parts.extensions.insert(current.clone());
        Ok(current)
    }
}

/// Opens a session for an account that may log in (an operator, or a person with at least
/// one active membership): the cookie for browsers, the same token in the body for API clients.
pub async fn open_session(
    state: &AppState,
    jar: CookieJar,
    account: &app_user::Model,
) -> Result<(CookieJar, Json<SessionView>), AppError> {
    if !account.operator && !repo::memberships::has_active(&state.db, account.id).await? {
        return Err(AppError::AccountInactive);
    }
    let (token, expires_at) = state
        .keys
        .issue(account.id, account.token_epoch, Utc::now())?;
    let cookie = session_cookie(token.clone(), expires_at, state.config.secure_cookies);
    let user = crate::views::user(account);
    Ok((
        jar.add(cookie),
        Json(SessionView {
            token,
            expires_at,
            user,
        }),
    ))
}

/// The session cookie for a fresh token.
pub fn session_cookie(token: String, expires: DateTime<Utc>, secure: bool) -> Cookie<'static> {
    let max_age = (expires - Utc::now()).num_seconds().max(0);
    Cookie::build((COOKIE, token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(time::Duration::seconds(max_age))
        .build()
}

/// A cookie that makes the browser forget the session.
pub fn removal_cookie() -> Cookie<'static> {
    Cookie::build((COOKIE, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(time::Duration::ZERO)
        .build()
}

/// Renews the session cookie of an active browser once its token is past half-life, so
/// people who use Amapola every week never have to log in again.
pub async fn renew(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let now = Utc::now();
    let renewal = CookieJar::from_headers(request.headers())
        .get(COOKIE)
        .and_then(|c| state.keys.verify(c.value()))
        .filter(|claims: &Claims| state.keys.needs_renewal(claims, now))
        .and_then(|claims| state.keys.issue(claims.sub, claims.ver, now).ok());
    let mut response = next.run(request).await;
    // Never resurrect a session the response itself ends (logout) or replaces (login).
    let already_set = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.starts_with(COOKIE)));
    if let (Some((token, expires)), false) = (renewal, already_set)
        && let Ok(value) = session_cookie(token, expires, state.config.secure_cookies)
            .to_string()
            .parse()
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
