use super::sign_up_page::page_for;
use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::contracts::SignUpPage;
use app::domain::Action;
use axum::Json;
use axum::extract::{RawPathParams, State};

/// A member's contract as the référent edits it (or an empty one, to enter a paper contract).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("member_id" = i64, Path, description = "The member's account id")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The contract form, in référent mode", body = SignUpPage),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or member", body = ApiError),
    ))]
pub async fn show_subscription(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<SignUpPage>> {
    let id = path::id(&params, "template_id")?;
    let member_id = path::id(&params, "member_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    repo::memberships::find(&state.db, access.amap.id, member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(
        page_for(&state, &access, &loaded, &producer, member_id, true).await?,
    ))
}
