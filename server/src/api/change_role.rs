use super::list_members::member_views;
use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::repo::{self, memberships::Flag};
use crate::state::AppState;
use app::api::ApiError;
use app::api::members::{MemberView, RoleChange, RoleChangeForm};
use app::domain::access::locks_oneself_out;
use app::domain::{Action, Problem, ProblemCode, UserId};
use axum::Json;
use axum::extract::State;
use sea_orm::ConnectionTrait;

/// Grant or revoke a role (admins only): admin, treasurer, or référent/producer of a producer.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/roles", tag = "members", request_body = RoleChangeForm,
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The member with updated roles", body = MemberView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not an admin, or an admin removing their own admin role", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
        (status = 422, description = "Unknown member or producer, or producer missing", body = ApiError),
    ))]
pub async fn change_role(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<RoleChangeForm>,
) -> AppResult<Json<MemberView>> {
    access.require(Action::AssignRoles)?;
    let change = form.parse().map_err(AppError::Validation)?;
    if locks_oneself_out(UserId(access.user.user.id), form.member_id, change.risk()) {
        return Err(AppError::Forbidden);
    }
    // The write lock first: the membership and producer checks guard the writes.
    let txn = repo::write_txn(&state.db).await?;
    apply_role_change(&txn, access.amap.id, form.member_id.0, change).await?;
    let view = member_views(&txn, access.amap.id, Some(form.member_id.0))
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(Json(view))
}

/// The use case, shared with the `grant-role` command and the demo.
pub async fn apply_role_change(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user_id: i64,
    change: RoleChange,
) -> AppResult<()> {
    if repo::memberships::find(db, amap_id, user_id)
        .await?
        .is_none()
    {
        return Err(AppError::field(Problem::new(
            "member_id",
            ProblemCode::UnknownValue,
        )));
    }
    let producer = |id: app::domain::ProducerId| async move {
        repo::producers::find(db, amap_id, id.0)
            .await?
            .map(|p| p.id)
            .ok_or_else(|| AppError::field(Problem::new("producer_id", ProblemCode::UnknownValue)))
    };
    match change {
        RoleChange::Admin(on) => repo::memberships::set_flag(db, amap_id, user_id, Flag::Admin, on)
            .await
            .map(|_| ())?,
        RoleChange::Treasurer(on) => {
            repo::memberships::set_flag(db, amap_id, user_id, Flag::Treasurer, on)
                .await
                .map(|_| ())?
        }
        RoleChange::Referent(p, true) => {
            repo::producers::add_referent(db, amap_id, producer(p).await?, user_id).await?
        }
        RoleChange::Referent(p, false) => {
            repo::producers::remove_referent(db, amap_id, producer(p).await?, user_id).await?
        }
        RoleChange::Producer(p, true) => {
            repo::producers::add_producer_user(db, amap_id, producer(p).await?, user_id).await?
        }
        RoleChange::Producer(p, false) => {
            repo::producers::remove_producer_user(db, amap_id, producer(p).await?, user_id).await?
        }
    }
    Ok(())
}
