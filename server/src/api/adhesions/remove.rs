use super::super::params::AdhesionPath;
use super::super::prelude::*;

/// The treasurer deletes a membership recorded by mistake; refused while the member has
/// contracts that require it.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/adhesions/{adhesion_id}", tag = "adhesions", params(AdhesionPath),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or membership", body = ApiError),
        (status = 409, description = "Contracts require it (`has_contracts`)", body = ApiError),
    ))]
pub async fn remove(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<AdhesionPath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::ManageAdhesions)?;
    services::adhesions::remove(&state.db, &access.caller(), path.adhesion_id).await?;
    Ok(Said(Notice::AdhesionDeleted, StatusCode::NO_CONTENT))
}
