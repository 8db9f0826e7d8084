use crate::auth::AmapAccess;
use crate::contracts::{self, save};
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::contracts::{ContractEntry, SignUpBody};
use app::domain::Action;
use app::domain::contract::signup::Entrant;
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Enter or correct a member's contract (a paper contract, a change asked by phone). Rules
/// marked "members only" and the sign-up window do not bind the référent; stock does.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}", tag = "templates",
    request_body = SignUpBody,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("member_id" = i64, Path, description = "The member's account id")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The contract as stored", body = ContractEntry),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or member", body = ApiError),
        (status = 409, description = "Not enough stock left", body = ApiError),
        (status = 422, description = "A rule is broken", body = ApiError),
    ))]
pub async fn save_subscription(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(body): Input<SignUpBody>,
) -> AppResult<Json<ContractEntry>> {
    let id = path::id(&params, "template_id")?;
    let member_id = path::id(&params, "member_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    repo::memberships::find(&state.db, access.amap.id, member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let sign_up = body.parse().map_err(AppError::Validation)?;
    let target = save::Target {
        amap: &access.amap,
        loaded: &loaded,
        producer: &producer,
        user_id: member_id,
        actor: access.user.user.id,
    };
    Ok(Json(
        save::save(&state.db, target, sign_up, Entrant::Referent).await?,
    ))
}
