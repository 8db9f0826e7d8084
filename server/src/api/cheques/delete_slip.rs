use super::super::params::RemittancePath;
use super::super::prelude::*;

/// Cancel a deposit slip: its cheques go back to the AMAP (received).
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/templates/{template_id}/remittances/{remittance_id}", tag = "cheques", params(RemittancePath),
    responses(
        (status = 204, description = "Cancelled"),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP, template or slip", body = ApiError),
    ))]
pub async fn delete_slip(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RemittancePath>,
) -> AppResult<Said<StatusCode>> {
    let caller = access.caller();
    let (template, slip) = (path.template_id, path.remittance_id);
    services::cheques::delete_remittance(&state.db, &caller, template, slip).await?;
    Ok(Said(Notice::SlipDeleted, StatusCode::NO_CONTENT))
}
