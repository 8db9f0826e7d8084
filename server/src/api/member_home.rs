use super::views;
use crate::auth::AmapAccess;
use crate::error::AppResult;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::home::HomeView;
use app::api::members::RolesView;
use app::domain::Action;
use axum::Json;
use axum::extract::State;

/// My home in one AMAP: who I am there and my roles.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/home", tag = "amaps",
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "Home", body = HomeView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
    ))]
pub async fn member_home(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<HomeView>> {
    access.require(Action::ViewOwnSpace)?;
    let producers = repo::producers::list(&state.db, access.amap.id).await?;
    let named = |ids: &[app::domain::ProducerId]| {
        producers
            .iter()
            .filter(|p| ids.contains(&app::domain::ProducerId(p.id)))
            .map(views::producer_ref)
            .collect()
    };
    let roles = RolesView {
        admin: access.membership.as_ref().is_some_and(|m| m.admin),
        treasurer: access.membership.as_ref().is_some_and(|m| m.treasurer),
        referent_of: named(&access.grants.referent_of),
        producer_of: named(&access.grants.producer_of),
    };
    Ok(Json(HomeView {
        amap: views::amap(&access.amap),
        me: views::user(&access.user.user),
        level: access.grants.level(),
        roles,
    }))
}
