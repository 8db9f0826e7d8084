use super::super::params::SubscriptionPath;
use super::super::prelude::*;
use app::api::contracts::SignUpPage;

/// A member's contract as the référent edits it (or an empty one, to enter a paper contract).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}", tag = "subscriptions", params(SubscriptionPath),
    responses(
        (status = 200, description = "The contract form, in référent mode", body = SignUpPage),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or member", body = ApiError),
    ))]
pub async fn show(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<SubscriptionPath>,
) -> AppResult<Json<SignUpPage>> {
    let caller = access.caller();
    let (template, member) = (path.template_id, path.member_id);
    Ok(Json(
        services::subscriptions::show(&state.db, &caller, template, member).await?,
    ))
}
