use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::payments::{RemitForm, Slip};

/// Hand the cheques of one payment date to the producer: a deposit slip ("bordereau") with
/// every cheque of that date, its total and the real hand-over day. Allowed once every cheque
/// of the date is at the AMAP (the error names who is missing); the earliest waiting date
/// goes first unless `confirm` is ticked. Two treasurers remitting the same date at once get
/// one slip: the second is told the date is remitted.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/remittances", tag = "cheques", request_body = RemitForm, params(TemplatePath),
    responses(
        (status = 200, description = "The deposit slip", body = Slip),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 409, description = "Remitted meanwhile by someone else", body = ApiError),
        (status = 422, description = "Cheques missing, not the earliest date without confirmation, nothing to remit", body = ApiError),
    ))]
pub async fn remit(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(form): Input<RemitForm>,
) -> AppResult<Said<Json<Slip>>> {
    let input = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let slip = services::cheques::remit(&state.db, &caller, path.template_id, input).await?;
    let notice = Notice::Remitted {
        date: slip.payment_date,
        count: slip.count,
        total: slip.total,
    };
    Ok(Said(notice, Json(slip)))
}
