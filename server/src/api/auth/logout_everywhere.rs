use super::super::prelude::*;
use crate::auth::session::removal_cookie;
use axum_extra::extract::cookie::CookieJar;

/// Log out everywhere: every session and token of the account ends at once (other
/// browsers, phones, API clients), this one included.
#[utoipa::path(post, path = "/api/v1/auth/logout-everywhere", tag = "auth",
    responses(
        (status = 204, description = "Every session ended"),
        (status = 401, description = "Not logged in", body = ApiError),
    ))]
pub async fn logout_everywhere(
    State(state): State<AppState>,
    jar: CookieJar,
    current: CurrentUser,
) -> AppResult<(CookieJar, StatusCode)> {
    crate::repo::users::revoke_sessions(&state.db, current.user.id).await?;
    Ok((jar.add(removal_cookie()), StatusCode::NO_CONTENT))
}
