use super::super::prelude::*;
use crate::auth::session::open_session;
use app::api::auth::SessionView;
use axum_extra::extract::cookie::CookieJar;

/// Exchange a valid session for a fresh one (API clients; browsers renew automatically).
#[utoipa::path(post, path = "/api/v1/auth/refresh", tag = "auth",
    responses(
        (status = 200, description = "New token", body = SessionView),
        (status = 403, description = "Account inactive", body = ApiError),
    ))]
pub async fn refresh(
    State(state): State<AppState>,
    jar: CookieJar,
    current: CurrentUser,
) -> AppResult<(CookieJar, Json<SessionView>)> {
    open_session(&state, jar, &current.user).await
}
