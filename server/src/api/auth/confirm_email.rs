use super::super::prelude::*;
use crate::http::errors::request_locale;
use app::api::auth::EmailConfirmForm;
use axum::http::HeaderMap;

/// Confirm a new e-mail address with the link mailed to it: the account logs in with it from
/// now on, and the old address is told. The link works once (422 on `token` after).
#[utoipa::path(post, path = "/api/v1/auth/email", tag = "auth", request_body = EmailConfirmForm, security(()),
    responses(
        (status = 204, description = "The address changed"),
        (status = 409, description = "Another account took the address meanwhile", body = ApiError),
        (status = 422, description = "Link used or expired", body = ApiError),
    ))]
pub async fn confirm(
    State(state): State<AppState>,
    headers: HeaderMap,
    Input(form): Input<EmailConfirmForm>,
) -> AppResult<Said<StatusCode>> {
    let locale = request_locale(&headers);
    let email = services::accounts::confirm_email_change(&state, form.token.trim(), locale).await?;
    Ok(Said(Notice::EmailChanged { email }, StatusCode::NO_CONTENT))
}
