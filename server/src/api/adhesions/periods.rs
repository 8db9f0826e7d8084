use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::adhesions::PeriodView;

/// The AMAP's membership periods, the latest first (treasurers see the totals; référents read
/// the list to choose the period a template requires).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/adhesion-periods", tag = "adhesions", params(AmapPath),
    responses(
        (status = 200, description = "Periods", body = Vec<PeriodView>),
        (status = 403, description = "Neither référent, treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<PeriodView>>> {
    access.require(Action::ManageTemplates)?;
    Ok(Json(
        services::adhesions::periods(&state.db, &access.caller()).await?,
    ))
}
