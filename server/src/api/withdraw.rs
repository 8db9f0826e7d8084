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

/// Withdraw one's contract while every ordered date is still changeable; its stock returns.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/me/contracts/{template_id}/delete", tag = "contracts",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such contract", body = ApiError),
        (status = 422, description = "Too late: some ordered dates are closed", body = ApiError),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<StatusCode> {
    access.require(Action::SignUp)?;
    let template_id = path::id(&params, "template_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, template_id, |_| Action::ViewOwnSpace).await?;
    let target = save::Target {
        amap: &access.amap,
        loaded: &loaded,
        producer: &producer,
        user_id: access.user.user.id,
        actor: access.user.user.id,
    };
    save::withdraw(&state.db, target, Entrant::Member).await?;
    Ok(StatusCode::NO_CONTENT)
}
