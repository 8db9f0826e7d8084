use super::super::params::SubscriptionPath;
use super::super::prelude::*;

/// Delete a member's contract; its stock returns. Refused once a cheque is at the AMAP.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}", tag = "subscriptions", params(SubscriptionPath),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
        (status = 422, description = "Cheques already received", body = ApiError),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<SubscriptionPath>,
) -> AppResult<Said<StatusCode>> {
    let caller = access.caller();
    let (template, member) = (path.template_id, path.member_id);
    services::subscriptions::delete(&state.db, &caller, template, member).await?;
    Ok(Said(Notice::ContractWithdrawn, StatusCode::NO_CONTENT))
}
