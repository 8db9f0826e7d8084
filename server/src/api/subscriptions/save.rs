use super::super::params::SubscriptionPath;
use super::super::prelude::*;
use app::api::contracts::{ContractEntry, SignUpBody};
use app::api::notice::cheque_groups;

/// Enter or correct a member's contract (a paper contract, a change asked by phone). Rules
/// marked "members only" and the sign-up window do not bind the référent; stock does.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}", tag = "subscriptions", request_body = SignUpBody, params(SubscriptionPath),
    responses(
        (status = 200, description = "The contract as stored", body = ContractEntry),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or member", body = ApiError),
        (status = 409, description = "Not enough stock left", body = ApiError),
        (status = 422, description = "A rule is broken", body = ApiError),
    ))]
pub async fn save(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<SubscriptionPath>,
    Input(body): Input<SignUpBody>,
) -> AppResult<Said<Json<ContractEntry>>> {
    let sign_up = body.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let (template, member) = (path.template_id, path.member_id);
    let saved =
        services::subscriptions::save(&state.db, &state.mailer, &caller, template, member, sign_up);
    let saved = saved.await?;
    let cheques = cheque_groups(saved.cheques);
    Ok(Said(Notice::ContractSaved { cheques }, Json(saved.entry)))
}
