use super::super::params::{AmapPath, DutyRolePath};
use super::super::prelude::*;
use app::api::rota::{RoleForm, RoleView};

/// The AMAP's roles on duty, the default one (new places get it) first, with how many places
/// have each.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/duty-roles", tag = "rota", params(AmapPath),
    responses(
        (status = 200, description = "The roles", body = Vec<RoleView>),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<RoleView>>> {
    access.require(Action::ManageRota)?;
    Ok(Json(
        services::rota::manage::roles(&state.db, &access.caller()).await?,
    ))
}

/// A new role at the end of the list.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-roles", tag = "rota", request_body = RoleForm, params(AmapPath),
    responses(
        (status = 201, description = "Role created", body = RoleView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP", body = ApiError),
        (status = 422, description = "Invalid name, or one the AMAP has (`taken`)", body = ApiError),
    ))]
pub async fn create(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<RoleForm>,
) -> AppResult<Said<(StatusCode, Json<RoleView>)>> {
    access.require(Action::ManageRota)?;
    let name = form.parse().map_err(AppError::Validation)?;
    let view = services::rota::manage::create_role(&state.db, &access.caller(), &name).await?;
    Ok(Said(Notice::Saved, (StatusCode::CREATED, Json(view))))
}

/// Delete a role no place has.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/duty-roles/{role_id}", tag = "rota", params(DutyRolePath),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or role", body = ApiError),
        (status = 409, description = "Places have it (`has_duties`)", body = ApiError),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyRolePath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::ManageRota)?;
    services::rota::manage::delete_role(&state.db, &access.caller(), path.role_id).await?;
    Ok(Said(Notice::Saved, StatusCode::NO_CONTENT))
}
