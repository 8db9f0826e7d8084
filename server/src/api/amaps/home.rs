use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::home::HomeView;

/// My home in one AMAP: who I am there and my roles.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/home", tag = "amaps", params(AmapPath),
    responses(
        (status = 200, description = "Home", body = HomeView),
    ))]
pub async fn home(State(state): State<AppState>, access: AmapAccess) -> AppResult<Json<HomeView>> {
    let admin = access.membership.as_ref().is_some_and(|m| m.admin);
    let treasurer = access.membership.as_ref().is_some_and(|m| m.treasurer);
    let caller = access.caller();
    Ok(Json(
        services::me::home(&state.db, &caller, admin, treasurer).await?,
    ))
}
