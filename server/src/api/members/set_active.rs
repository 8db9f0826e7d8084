use super::super::params::MemberPath;
use super::super::prelude::*;
use app::api::members::{ActiveForm, MemberView};

/// Activate or deactivate a member; an inactive member cannot log in to this AMAP.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/members/{member_id}/active", tag = "members", request_body = ActiveForm, params(MemberPath),
    responses(
        (status = 200, description = "Updated member", body = MemberView),
        (status = 403, description = "Neither treasurer nor admin, or deactivating oneself", body = ApiError),
        (status = 404, description = "No such AMAP or member", body = ApiError),
    ))]
pub async fn set_active(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<MemberPath>,
    Input(form): Input<ActiveForm>,
) -> AppResult<Said<Json<MemberView>>> {
    access.require(Action::ManageMembers)?;
    let caller = access.caller();
    let view = services::members::set_active(&state.db, &caller, path.member_id, form.active);
    let view = view.await?;
    let notice = Notice::MemberActive {
        member: format!("{} {}", view.first_name, view.last_name),
        active: view.active,
    };
    Ok(Said(notice, Json(view)))
}
