use super::super::prelude::*;
use crate::http::errors::request_locale;
use app::api::auth::EmailChangeForm;
use axum::http::HeaderMap;

/// Ask to log in with another e-mail address ("Mon compte"): after the current password, a
/// link valid 24 hours is mailed to the new address, which is used only once it is followed
/// (`POST /api/v1/auth/email`). An address another account uses is a 409.
#[utoipa::path(post, path = "/api/v1/me/email", tag = "me", request_body = EmailChangeForm,
    responses(
        (status = 202, description = "The link is on its way to the new address"),
        (status = 401, description = "Not logged in", body = ApiError),
        (status = 409, description = "The address is already used", body = ApiError),
        (status = 422, description = "Wrong current password, or not an e-mail address", body = ApiError),
        (status = 429, description = "Too many wrong passwords", body = ApiError),
    ))]
pub async fn request_change(
    State(state): State<AppState>,
    headers: HeaderMap,
    current: CurrentUser,
    Input(form): Input<EmailChangeForm>,
) -> AppResult<Said<StatusCode>> {
    let (email, typed) = form.parse().map_err(AppError::Validation)?;
    let locale = request_locale(&headers);
    services::accounts::request_email_change(&state, &current.user, &email, &typed, locale).await?;
    let notice = Notice::EmailChangeSent {
        email: email.as_str().to_owned(),
    };
    Ok(Said(notice, StatusCode::ACCEPTED))
}
