use super::super::params::SubscriptionPath;
use super::super::prelude::*;
use app::api::payments::Recomputed;

/// Apply the new proposal to the still-promised cheques.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/recompute", tag = "cheques", params(SubscriptionPath),
    responses(
        (status = 200, description = "The cheques before and after", body = Recomputed),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
        (status = 409, description = "A cheque was received meanwhile", body = ApiError),
    ))]
pub async fn apply(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<SubscriptionPath>,
) -> AppResult<Said<Json<Recomputed>>> {
    let caller = access.caller();
    let (template, member) = (path.template_id, path.member_id);
    let view = services::subscriptions::recompute(&state.db, &caller, template, member, true);
    let notice = Notice::Recomputed { contracts: 1 };
    Ok(Said(notice, Json(view.await?)))
}
