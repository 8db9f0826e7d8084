use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::payments::{ScheduleBody, ScheduleView};

/// Save my cheque schedule: the amounts of the editable lines (the last one is recomputed
/// to match the order), and the bank, number and name written on each promised cheque. A
/// schedule that overpays is refused ("trop-payé de X €"); cheques already received or
/// remitted cannot change.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/me/contracts/{template_id}/payments", tag = "contracts", request_body = ScheduleBody, params(TemplatePath),
    responses(
        (status = 200, description = "The schedule as stored", body = ScheduleView),
        (status = 403, description = "Not a member (a platform operator)", body = ApiError),
        (status = 404, description = "No such contract", body = ApiError),
        (status = 409, description = "A cheque was received meanwhile", body = ApiError),
        (status = 422, description = "Overpaid, an amount with more than two decimals, or a received / remitted cheque would change", body = ApiError),
    ))]
pub async fn save_schedule(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(body): Input<ScheduleBody>,
) -> AppResult<Said<Json<ScheduleView>>> {
    access.require(Action::SignUp)?;
    let input = body.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::me::save_schedule(&state.db, &caller, path.template_id, input);
    Ok(Said(Notice::ScheduleSaved, Json(view.await?)))
}
