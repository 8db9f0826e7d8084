use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::members::MemberView;

/// Every member of the AMAP, active or not, with their roles (treasurers and admins).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/members", tag = "members", params(AmapPath),
    responses(
        (status = 200, description = "Members by last name", body = Vec<MemberView>),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<MemberView>>> {
    access.require(Action::ListMembers)?;
    Ok(Json(
        services::members::list(&state.db, access.amap.id).await?,
    ))
}
