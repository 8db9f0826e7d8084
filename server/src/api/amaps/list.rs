use super::super::prelude::*;
use app::api::amaps::AmapView;

/// The AMAPs visible to me: mine, or every AMAP of the deployment for an operator.
#[utoipa::path(get, path = "/api/v1/amaps", tag = "amaps",
    responses(
        (status = 200, description = "AMAPs", body = Vec<AmapView>),
    ))]
pub async fn list(
    State(state): State<AppState>,
    current: CurrentUser,
) -> AppResult<Json<Vec<AmapView>>> {
    Ok(Json(
        services::amaps::visible_to(&state.db, &current.user).await?,
    ))
}
