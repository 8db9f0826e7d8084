use super::super::prelude::*;
use crate::http::client::ClientIp;
use crate::http::errors::request_locale;
use app::api::auth::ResetRequestForm;
use axum::http::HeaderMap;

/// Ask for a password reset link.
///
/// Answers 202 whether or not the address has an account (nobody learns who is a member);
/// when it has one that may log in, a link valid 24 hours is mailed. Too many requests from
/// one client are refused (429); an address asked for too often gets no more mails for an
/// hour, silently.
#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "auth", request_body = ResetRequestForm, security(()),
    responses(
        (status = 202, description = "If the address has an account, a link is on its way"),
        (status = 422, description = "Not an e-mail address", body = ApiError),
        (status = 429, description = "Too many requests from this client", body = ApiError),
    ))]
pub async fn request_reset(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Input(form): Input<ResetRequestForm>,
) -> AppResult<Said<StatusCode>> {
    let locale = request_locale(&headers);
    services::accounts::request_reset(&state, &form.email, ip, locale).await?;
    Ok(Said(Notice::ResetRequested, StatusCode::ACCEPTED))
}
