use super::super::params::SubscriptionPath;
use super::super::prelude::*;
use app::api::payments::Recomputed;

/// What a new proposal would make of a contract's still-promised cheques after its order
/// changed (prices, cancelled dates, jokers). Received and remitted cheques stay as they are.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/recompute", tag = "cheques", params(SubscriptionPath),
    responses(
        (status = 200, description = "The cheques before and after", body = Recomputed),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
    ))]
pub async fn preview(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<SubscriptionPath>,
) -> AppResult<Json<Recomputed>> {
    let caller = access.caller();
    let (template, member) = (path.template_id, path.member_id);
    let view = services::subscriptions::recompute(&state.db, &caller, template, member, false);
    Ok(Json(view.await?))
}
