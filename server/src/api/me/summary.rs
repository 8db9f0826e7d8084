use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::home::HomeSummary;

/// My home page's summary: the next delivery and what I collect, the cheques I still have to
/// bring and by when, the contracts open to me with their deadline.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/summary", tag = "amaps", params(AmapPath),
    responses(
        (status = 200, description = "The summary", body = HomeSummary),
    ))]
pub async fn summary(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<HomeSummary>> {
    let caller = access.caller();
    Ok(Json(services::me::my_summary(&state.db, &caller).await?))
}
