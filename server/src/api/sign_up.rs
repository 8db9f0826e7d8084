use crate::auth::AmapAccess;
use crate::contracts::{self, save};
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::state::AppState;
use app::api::ApiError;
use app::api::contracts::{ContractEntry, SignUpBody};
use app::domain::Action;
use app::domain::contract::editing::visible_to_member;
use app::domain::contract::signup::Entrant;
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Sign up for a template, or change one's contract, while the template allows it. Every
/// entry rule is checked again here, and stock is taken atomically: when the last baskets go
/// to someone else first, the answer is 409 naming the date and product.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/me/contracts/{template_id}", tag = "contracts",
    request_body = SignUpBody,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The contract as stored", body = ContractEntry),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such AMAP or template (drafts are invisible)", body = ApiError),
        (status = 409, description = "Not enough stock left (fields name date and product), or changed meanwhile", body = ApiError),
        (status = 422, description = "A rule is broken (multiples, minimums, closed dates, jokers…)", body = ApiError),
    ))]
pub async fn sign_up(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(body): Input<SignUpBody>,
) -> AppResult<Json<ContractEntry>> {
    access.require(Action::SignUp)?;
    let template_id = path::id(&params, "template_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, template_id, |_| Action::ViewOwnSpace).await?;
    let has_contract =
        crate::repo::subscriptions::find(&state.db, template_id, access.user.user.id)
            .await?
            .is_some();
    if !visible_to_member(
        crate::repo::templates::state_of(&loaded.template.state),
        has_contract,
    ) {
        return Err(AppError::NotFound);
    }
    let sign_up = body.parse().map_err(AppError::Validation)?;
    let target = save::Target {
        amap: &access.amap,
        loaded: &loaded,
        producer: &producer,
        user_id: access.user.user.id,
        actor: access.user.user.id,
    };
    Ok(Json(
        save::save(&state.db, target, sign_up, Entrant::Member).await?,
    ))
}
