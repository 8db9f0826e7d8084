use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::mails::{BulkMailDone, BulkMailForm};

/// Write to members: one mail per recipient (nobody sees the others' addresses), each
/// answered to its author. `all` reaches every active member (admins); `template:<id>` the
/// active members with a contract on that template (its référents, treasurers, admins);
/// `duty:<YYYY-MM-DD>` the active members on duty that day (coordinators, admins).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/mails", tag = "mails", request_body = BulkMailForm, params(AmapPath),
    responses(
        (status = 202, description = "Queued, one mail per recipient", body = BulkMailDone),
        (status = 403, description = "Not allowed to write to these members", body = ApiError),
        (status = 422, description = "No recipients chosen, an unknown template, a day nobody is on duty, an empty subject or message", body = ApiError),
    ))]
pub async fn send(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<BulkMailForm>,
) -> AppResult<Said<(StatusCode, Json<BulkMailDone>)>> {
    access.require(Action::WriteToMembers)?;
    let message = form.parse().map_err(AppError::Validation)?;
    let queued =
        services::mails::send_bulk(&state.db, &state.mailer, &access.caller(), &message).await?;
    Ok(Said(
        Notice::BulkQueued { count: queued },
        (StatusCode::ACCEPTED, Json(BulkMailDone { queued })),
    ))
}
