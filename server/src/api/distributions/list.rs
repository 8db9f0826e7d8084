use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::distributions::DistributionView;

/// The distributions from two weeks ago to four months ahead: each day's contracts, who is
/// on duty, and whether the caller may read its sign-in sheet.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/distributions", tag = "rota", params(AmapPath),
    responses(
        (status = 200, description = "The distributions, by date", body = Vec<DistributionView>),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<DistributionView>>> {
    Ok(Json(
        services::distributions::list(&state.db, &access.caller()).await?,
    ))
}
