use super::super::params::AdhesionPath;
use super::super::prelude::*;
use app::api::adhesions::{AdhesionEntryForm, AdhesionView};

/// The treasurer corrects a membership: amount, state, payment kind, received date.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/adhesions/{adhesion_id}", tag = "adhesions", request_body = AdhesionEntryForm, params(AdhesionPath),
    responses(
        (status = 200, description = "Saved", body = AdhesionView),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or membership", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn correct(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<AdhesionPath>,
    Input(form): Input<AdhesionEntryForm>,
) -> AppResult<Said<Json<AdhesionView>>> {
    access.require(Action::ManageAdhesions)?;
    let entry = form.parse(false).map_err(AppError::Validation)?;
    let view =
        services::adhesions::correct(&state.db, &access.caller(), path.adhesion_id, &entry).await?;
    let member = format!("{} {}", view.first_name, view.last_name);
    Ok(Said(Notice::AdhesionSaved { member }, Json(view)))
}
