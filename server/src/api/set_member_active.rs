use super::list_members::member_views;
use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::repo::{self, memberships::Flag};
use crate::state::AppState;
use app::api::ApiError;
use app::api::members::{ActiveForm, MemberView};
use app::domain::access::{RiskyChange, locks_oneself_out};
use app::domain::{Action, UserId};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Activate or deactivate a member; an inactive member cannot log in to this AMAP.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/members/{member_id}/active", tag = "members", request_body = ActiveForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("member_id" = i64, Path, description = "The member's account id")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "Updated member", body = MemberView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither treasurer nor admin, or deactivating oneself", body = ApiError),
        (status = 404, description = "No such AMAP or member", body = ApiError),
    ))]
pub async fn set_member_active(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<ActiveForm>,
) -> AppResult<Json<MemberView>> {
    access.require(Action::ManageMembers)?;
    let member_id: i64 = params
        .iter()
        .find(|(name, _)| *name == "member_id")
        .and_then(|(_, id)| id.parse().ok())
        .ok_or(AppError::NotFound)?;
    let risk = (!form.active).then_some(RiskyChange::Deactivate);
    if locks_oneself_out(UserId(access.user.user.id), UserId(member_id), risk) {
        return Err(AppError::Forbidden);
    }
    if !repo::memberships::set_flag(
        &state.db,
        access.amap.id,
        member_id,
        Flag::Active,
        form.active,
    )
    .await?
    {
        return Err(AppError::NotFound);
    }
    let view = member_views(&state.db, access.amap.id, Some(member_id))
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(Json(view))
}
