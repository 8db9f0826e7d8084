use super::super::params::ChequePath;
use super::super::prelude::*;
use app::api::payments::{ChequeForm, ChequeView};

/// A référent corrects one cheque: bank, number, name on the cheque, comment, and the amount
/// of a promised or received cheque. A remitted cheque never changes.
#[utoipa::path(patch, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/{cheque_id}", tag = "cheques", request_body = ChequeForm, params(ChequePath),
    responses(
        (status = 200, description = "The cheque", body = ChequeView),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP, template or cheque", body = ApiError),
        (status = 409, description = "The cheque changed meanwhile", body = ApiError),
        (status = 422, description = "Invalid field, or the cheque is remitted", body = ApiError),
    ))]
pub async fn edit(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<ChequePath>,
    Input(form): Input<ChequeForm>,
) -> AppResult<Said<Json<ChequeView>>> {
    let input = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let (template, cheque) = (path.template_id, path.cheque_id);
    let view = services::cheques::edit(&state.db, &caller, template, cheque, input);
    Ok(Said(Notice::ChequeSaved, Json(view.await?)))
}
