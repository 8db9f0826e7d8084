use super::views;
use crate::auth::CurrentUser;
use crate::auth::session::session_cookie;
use crate::error::{AppError, AppResult};
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::auth::SessionView;
use axum::Json;
use axum::extract::State;
use axum_extra::extract::cookie::CookieJar;
use chrono::Utc;

/// Exchange a valid session for a fresh one (API clients; browsers renew automatically).
#[utoipa::path(post, path = "/api/v1/auth/refresh", tag = "auth",
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "New token", body = SessionView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Account inactive", body = ApiError),
    ))]
pub async fn refresh(
    State(state): State<AppState>,
    jar: CookieJar,
    current: CurrentUser,
) -> AppResult<(CookieJar, Json<SessionView>)> {
    let account = current.user;
    if !account.operator && !repo::memberships::has_active(&state.db, account.id).await? {
        return Err(AppError::AccountInactive);
    }
    let (token, expires_at) = state.keys.issue(account.id, Utc::now())?;
    let cookie = session_cookie(token.clone(), expires_at, state.config.secure_cookies);
    Ok((
        jar.add(cookie),
        Json(SessionView {
            token,
            expires_at,
            user: views::user(&account),
        }),
    ))
}
