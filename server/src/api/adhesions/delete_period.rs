use super::super::params::PeriodPath;
use super::super::prelude::*;

/// Delete a period nobody adhered to and no template requires.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/adhesion-periods/{period_id}", tag = "adhesions", params(PeriodPath),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 409, description = "Memberships (`has_adhesions`) or templates requiring it (`required_by_templates`)", body = ApiError),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<PeriodPath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::ManageAdhesions)?;
    services::adhesions::delete_period(&state.db, &access.caller(), path.period_id).await?;
    Ok(Said(Notice::PeriodDeleted, StatusCode::NO_CONTENT))
}
