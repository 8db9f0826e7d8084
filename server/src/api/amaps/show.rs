use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::amaps::AmapView;

/// One AMAP's public details, for its members.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}", tag = "amaps", params(AmapPath),
    responses(
        (status = 200, description = "The AMAP", body = AmapView),
    ))]
pub async fn show(access: AmapAccess) -> AppResult<Json<AmapView>> {
    access.require(Action::ViewOwnSpace)?;
    Ok(Json(crate::views::amap(&access.amap)))
}
