use super::views;
use crate::auth::CurrentUser;
use crate::error::AppResult;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::amaps::AmapView;
use axum::Json;
use axum::extract::State;

/// The AMAPs visible to me: mine, or every AMAP of the deployment for an operator.
#[utoipa::path(get, path = "/api/v1/amaps", tag = "amaps",
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "AMAPs", body = Vec<AmapView>),
        (status = 401, description = "No valid session", body = ApiError),
    ))]
pub async fn list_amaps(
    State(state): State<AppState>,
    current: CurrentUser,
) -> AppResult<Json<Vec<AmapView>>> {
    let amaps = if current.user.operator {
        repo::amaps::list_all(&state.db).await?
    } else {
        repo::amaps::list_active_for_user(&state.db, current.user.id)
            .await?
            .into_iter()
            .map(|(_, a)| a)
            .collect()
    };
    Ok(Json(amaps.iter().map(views::amap).collect()))
}
