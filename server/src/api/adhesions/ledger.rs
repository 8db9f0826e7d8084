use super::super::params::PeriodPath;
use super::super::prelude::*;
use app::api::adhesions::PeriodLedger;

/// One period for the treasurer: every membership (amount, state, payment kind, received
/// date), the active members without one, and the totals.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/adhesion-periods/{period_id}/adhesions", tag = "adhesions", params(PeriodPath),
    responses(
        (status = 200, description = "The period's memberships", body = PeriodLedger),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
    ))]
pub async fn ledger(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<PeriodPath>,
) -> AppResult<Json<PeriodLedger>> {
    access.require(Action::ManageAdhesions)?;
    Ok(Json(
        services::adhesions::ledger(&state.db, &access.caller(), path.period_id).await?,
    ))
}
