use super::super::params::SubscriptionPath;
use super::super::prelude::*;

/// Move a contract's positive balance to the member's next contract with the same producer,
/// where it lowers the still-promised cheques.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/carry-over", tag = "cheques", params(SubscriptionPath),
    responses(
        (status = 204, description = "Carried over"),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
        (status = 422, description = "No positive balance, or no later contract with this producer", body = ApiError),
    ))]
pub async fn carry_over(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<SubscriptionPath>,
) -> AppResult<Said<StatusCode>> {
    let caller = access.caller();
    let (template, member) = (path.template_id, path.member_id);
    services::subscriptions::carry_over_credit(&state.db, &caller, template, member).await?;
    Ok(Said(Notice::CreditCarried, StatusCode::NO_CONTENT))
}
