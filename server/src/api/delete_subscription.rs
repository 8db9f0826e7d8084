use crate::auth::AmapAccess;
use crate::contracts::{self, save};
use crate::error::AppResult;
use crate::http::path;
use crate::state::AppState;
use app::api::ApiError;
use app::domain::Action;
use app::domain::contract::signup::Entrant;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;

/// Delete a member's contract; its stock returns. (The payments module will refuse this once
/// a cheque has been received.)
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/delete", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("member_id" = i64, Path, description = "The member's account id")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
    ))]
pub async fn delete_subscription(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<StatusCode> {
    let id = path::id(&params, "template_id")?;
    let member_id = path::id(&params, "member_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    let target = save::Target {
        amap: &access.amap,
        loaded: &loaded,
        producer: &producer,
        user_id: member_id,
        actor: access.user.user.id,
    };
    save::withdraw(&state.db, target, Entrant::Referent).await?;
    Ok(StatusCode::NO_CONTENT)
}
