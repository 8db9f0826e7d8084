use super::views;
use crate::auth::AmapAccess;
use crate::error::AppResult;
use app::api::ApiError;
use app::api::amaps::AmapView;
use app::domain::Action;
use axum::Json;

/// One AMAP's public details, for its members.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}", tag = "amaps",
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The AMAP", body = AmapView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
    ))]
pub async fn show_amap(access: AmapAccess) -> AppResult<Json<AmapView>> {
    access.require(Action::ViewOwnSpace)?;
    Ok(Json(views::amap(&access.amap)))
}
