use crate::auth::CurrentUser;
use crate::auth::session::open_session;
use crate::error::AppResult;
use crate::state::AppState;
use app::api::ApiError;
use app::api::auth::SessionView;
use axum::Json;
use axum::extract::State;
use axum_extra::extract::cookie::CookieJar;

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
    open_session(&state, jar, &current.user).await
}
