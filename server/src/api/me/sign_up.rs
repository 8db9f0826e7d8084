use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::contracts::{ContractEntry, SignUpBody};
use app::api::notice::cheque_groups;

/// Sign up for a template, or change one's contract, while the template allows it. Every
/// entry rule is checked again here, and stock is taken atomically: when the last baskets go
/// to someone else first, the answer is 409 naming the date and product.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/me/contracts/{template_id}", tag = "contracts", request_body = SignUpBody, params(TemplatePath),
    responses(
        (status = 200, description = "The contract as stored", body = ContractEntry),
        (status = 403, description = "Not a member (a platform operator)", body = ApiError),
        (status = 404, description = "No such AMAP or template (drafts are invisible)", body = ApiError),
        (status = 409, description = "Not enough stock left (fields name date and product), or changed meanwhile", body = ApiError),
        (status = 422, description = "A rule is broken (multiples, minimums, closed dates, jokers…)", body = ApiError),
    ))]
pub async fn sign_up(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(body): Input<SignUpBody>,
) -> AppResult<Said<Json<ContractEntry>>> {
    access.require(Action::SignUp)?;
    let sign_up = body.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let saved =
        services::me::sign_up(&state.db, &state.mailer, &caller, path.template_id, sign_up).await?;
    let cheques = cheque_groups(saved.cheques);
    Ok(Said(Notice::ContractSaved { cheques }, Json(saved.entry)))
}
