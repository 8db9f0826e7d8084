use super::super::prelude::*;
use app::api::auth::NewPasswordForm;

/// Choose a password through an invitation or reset link.
///
/// The link works once: it is used up, the account's other such links end, and so does
/// every session opened before (log in again with the new password). An unknown, used or
/// expired link is a 422 on the field `token`.
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth", request_body = NewPasswordForm, security(()),
    responses(
        (status = 204, description = "Password saved; log in with it"),
        (status = 422, description = "Link used or expired, or password too short or too long", body = ApiError),
    ))]
pub async fn set_password(
    State(state): State<AppState>,
    Input(form): Input<NewPasswordForm>,
) -> AppResult<Said<StatusCode>> {
    let (token, password) = form.parse().map_err(AppError::Validation)?;
    services::accounts::set_password_by_link(&state, &token, password).await?;
    Ok(Said(Notice::PasswordSet, StatusCode::NO_CONTENT))
}
