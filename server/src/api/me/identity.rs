use super::super::prelude::*;
use app::api::amaps::MeView;

/// Who I am and the AMAPs I belong to (with my highest role in each).
#[utoipa::path(get, path = "/api/v1/me", tag = "amaps",
    responses(
        (status = 200, description = "The caller", body = MeView),
    ))]
pub async fn me(State(state): State<AppState>, current: CurrentUser) -> AppResult<Json<MeView>> {
    Ok(Json(services::me::me(&state.db, &current.user).await?))
}
