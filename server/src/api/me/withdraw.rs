use super::super::params::TemplatePath;
use super::super::prelude::*;

/// Withdraw one's contract while every ordered date is still changeable; its stock returns.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/me/contracts/{template_id}", tag = "contracts", params(TemplatePath),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 403, description = "Not a member (a platform operator)", body = ApiError),
        (status = 404, description = "No such contract", body = ApiError),
        (status = 422, description = "Too late: some ordered dates are closed, or cheques already received", body = ApiError),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::SignUp)?;
    let caller = access.caller();
    services::me::withdraw(&state.db, &caller, path.template_id).await?;
    Ok(Said(Notice::ContractWithdrawn, StatusCode::NO_CONTENT))
}
