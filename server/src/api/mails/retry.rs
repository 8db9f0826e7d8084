use super::super::params::MailPath;
use super::super::prelude::*;

/// Send a failed mail again (admins): it is queued now with a fresh count of attempts.
/// 409 when it is not failed (queued, being sent, or sent already).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/mails/{mail_id}/retry", tag = "mails", params(MailPath),
    responses(
        (status = 204, description = "Queued again"),
        (status = 403, description = "Not an admin", body = ApiError),
        (status = 404, description = "No such mail in this AMAP", body = ApiError),
        (status = 409, description = "Not a failed mail", body = ApiError),
    ))]
pub async fn retry(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<MailPath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::ManageAmap)?;
    services::mails::retry(&state.db, &state.mailer, &access.caller(), path.mail_id).await?;
    Ok(Said(Notice::MailRetried, StatusCode::NO_CONTENT))
}
