use super::views;
use crate::auth::CurrentUser;
use crate::auth::access::load_grants;
use crate::error::AppResult;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::amaps::{MeView, MembershipView};
use app::domain::Grants;
use axum::Json;
use axum::extract::State;

/// Who I am and the AMAPs I belong to (with my highest role in each).
#[utoipa::path(get, path = "/api/v1/me", tag = "amaps",
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The caller", body = MeView),
        (status = 401, description = "No valid session", body = ApiError),
    ))]
pub async fn me(State(state): State<AppState>, current: CurrentUser) -> AppResult<Json<MeView>> {
    let mut memberships = Vec::new();
    for (_, amap) in repo::amaps::list_active_for_user(&state.db, current.user.id).await? {
        let grants: Grants = load_grants(&state, amap.id, &current).await?;
        memberships.push(MembershipView {
            amap: views::amap(&amap),
            level: grants.level(),
        });
    }
    Ok(Json(MeView {
        user: views::user(&current.user),
        operator: current.user.operator,
        memberships,
    }))
}
