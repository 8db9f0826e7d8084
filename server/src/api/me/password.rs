use super::super::prelude::*;
use crate::auth::session::open_session;
use app::api::auth::{PasswordChangeForm, SessionView};
use axum_extra::extract::cookie::CookieJar;

/// Change my password ("Mon compte"). The current password comes first (a wrong one is a 422
/// on `current_password`; repeated failures are throttled like logins). Every other session
/// and token ends; this client gets a fresh session (cookie, and the token for API clients).
#[utoipa::path(post, path = "/api/v1/me/password", tag = "me", request_body = PasswordChangeForm,
    responses(
        (status = 200, description = "Changed; the new session", body = SessionView),
        (status = 401, description = "Not logged in", body = ApiError),
        (status = 422, description = "Wrong current password, or a new one too short or too long", body = ApiError),
        (status = 429, description = "Too many wrong passwords", body = ApiError),
    ))]
pub async fn change_password(
    State(state): State<AppState>,
    jar: CookieJar,
    current: CurrentUser,
    Input(form): Input<PasswordChangeForm>,
) -> AppResult<Said<(CookieJar, Json<SessionView>)>> {
    let (typed, new) = form.parse().map_err(AppError::Validation)?;
    let account = services::accounts::change_password(&state, &current.user, &typed, new).await?;
    let session = open_session(&state, jar, &account).await?;
    Ok(Said(Notice::PasswordChanged, session))
}
