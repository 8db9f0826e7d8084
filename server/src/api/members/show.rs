use super::super::params::MemberPath;
use super::super::prelude::*;
use app::api::members::MemberView;

/// One member with roles and contact details (admins and treasurers).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/members/{member_id}", tag = "members", params(MemberPath),
    responses(
        (status = 200, description = "The member", body = MemberView),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or member", body = ApiError),
    ))]
pub async fn show(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<MemberPath>,
) -> AppResult<Json<MemberView>> {
    access.require(Action::ListMembers)?;
    services::members::show(&state.db, &access.caller(), path.member_id)
        .await
        .map(Json)
}
