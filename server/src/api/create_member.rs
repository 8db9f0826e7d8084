use super::list_members::member_views;
use crate::auth::{AmapAccess, password};
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::members::{CreateMemberForm, MemberView, NewMember};
use app::domain::Action;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sea_orm::ConnectionTrait;

/// Add a member: a new account, or an existing account (same e-mail) joining this AMAP.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/members", tag = "members", request_body = CreateMemberForm,
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 201, description = "Member added", body = MemberView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
        (status = 409, description = "Already a member", body = ApiError),
        (status = 422, description = "Invalid field", body = ApiError),
    ))]
pub async fn create_member(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<CreateMemberForm>,
) -> AppResult<(StatusCode, Json<MemberView>)> {
    access.require(Action::ManageMembers)?;
    let new = form.parse().map_err(AppError::Validation)?;
    let hash = match &new.password {
        Some(password) => Some(password::hash(password.expose().to_owned()).await?),
        None => None,
    };
    let txn = repo::write_txn(&state.db).await?;
    let (user_id, joined) = add_member(&txn, access.amap.id, &new, hash).await?;
    if !joined {
        return Err(AppError::Conflict("already a member".into()));
    }
    let view = member_views(&txn, access.amap.id, Some(user_id))
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// The use case, shared with the `create-user` command and the demo: finds or creates the
/// account, then makes it an active member. Returns the account id and whether it joined now
/// (false: it already was a member).
pub async fn add_member(
    db: &impl ConnectionTrait,
    amap_id: i64,
    new: &NewMember,
    password_hash: Option<String>,
) -> AppResult<(i64, bool)> {
    let row = repo::users::NewUserRow {
        email: new.email.as_str(),
        first_name: new.first_name.as_str(),
        last_name: new.last_name.as_str(),
        password_hash,
        operator: false,
    };
    let account = repo::users::find_or_insert(db, row).await?;
    let joined = repo::memberships::ensure(db, amap_id, account.id).await?;
    Ok((account.id, joined))
}
