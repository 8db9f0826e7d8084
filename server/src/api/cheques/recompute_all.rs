use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::payments::RecomputedAll;

/// After a price change or cancelled dates, recompute at once the still-promised cheques of
/// every contract whose cheques no longer cover its order (one click instead of one per
/// member). Contracts that still balance — including schedules a member edited — are left
/// alone; received and remitted cheques never change. One transaction: all or nothing.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/recompute", tag = "cheques", params(TemplatePath),
    responses(
        (status = 200, description = "How many contracts got a new proposal", body = RecomputedAll),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 409, description = "A cheque was received meanwhile", body = ApiError),
    ))]
pub async fn recompute_all(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Said<Json<RecomputedAll>>> {
    let caller = access.caller();
    let done = services::cheques::recompute_all(&state.db, &caller, path.template_id).await?;
    let notice = Notice::Recomputed {
        contracts: done.contracts,
    };
    Ok(Said(notice, Json(done)))
}
