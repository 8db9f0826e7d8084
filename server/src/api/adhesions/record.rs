use super::super::params::PeriodPath;
use super::super::prelude::*;
use app::api::adhesions::{AdhesionEntryForm, AdhesionView};

/// The treasurer records a member's membership (a paper form, cash at a distribution); the
/// received date is today when cashed without one.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/adhesion-periods/{period_id}/adhesions", tag = "adhesions", request_body = AdhesionEntryForm, params(PeriodPath),
    responses(
        (status = 201, description = "Recorded", body = AdhesionView),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 409, description = "The member already adhered (`already_adhered`)", body = ApiError),
        (status = 422, description = "Invalid fields, or not a member here", body = ApiError),
    ))]
pub async fn record(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<PeriodPath>,
    Input(form): Input<AdhesionEntryForm>,
) -> AppResult<Said<(StatusCode, Json<AdhesionView>)>> {
    access.require(Action::ManageAdhesions)?;
    let entry = form.parse(true).map_err(AppError::Validation)?;
    let view =
        services::adhesions::record(&state.db, &access.caller(), path.period_id, &entry).await?;
    let member = format!("{} {}", view.first_name, view.last_name);
    Ok(Said(
        Notice::AdhesionSaved { member },
        (StatusCode::CREATED, Json(view)),
    ))
}
