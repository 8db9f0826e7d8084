use super::super::params::MemberPath;
use super::super::prelude::*;

/// Take a member out of the AMAP for good (admins). Refused (409, every reason named) while
/// they have contracts or memberships here — deactivate them instead, their history stays —
/// or a role.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/members/{member_id}", tag = "members", params(MemberPath),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Not an admin, or removing oneself", body = ApiError),
        (status = 404, description = "No such AMAP or member", body = ApiError),
        (status = 409, description = "Contracts (`has_contracts`), memberships (`has_adhesions`) or roles (`has_roles`)", body = ApiError),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<MemberPath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::AssignRoles)?;
    services::members::remove(&state.db, &access.caller(), path.member_id).await?;
    Ok(Said(Notice::MemberDeleted, StatusCode::NO_CONTENT))
}
