use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::members::{MemberView, RoleChangeForm};

/// Grant or revoke a role (admins only): admin, treasurer, or référent/producer of a producer.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/roles", tag = "members", request_body = RoleChangeForm, params(AmapPath),
    responses(
        (status = 200, description = "The member with updated roles", body = MemberView),
        (status = 403, description = "Not an admin, or an admin removing their own admin role", body = ApiError),
        (status = 422, description = "Member, role or producer missing or unknown; admin rights not confirmed", body = ApiError),
    ))]
pub async fn change_role(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<RoleChangeForm>,
) -> AppResult<Said<Json<MemberView>>> {
    access.require(Action::AssignRoles)?;
    let grant = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::members::change_role(&state.db, &caller, grant.member, grant.change);
    let view = view.await?;
    let notice = Notice::RoleChanged {
        member: format!("{} {}", view.first_name, view.last_name),
        role: grant.change.kind(),
        granted: grant.change.granted(),
    };
    Ok(Said(notice, Json(view)))
}
