use super::super::params::SubscriptionPath;
use super::super::prelude::*;
use app::api::payments::CreditForm;

/// Set a contract's credit ("avoir initial"), e.g. a refund owed from last season. The
/// still-promised cheques get a new proposal that counts it.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/credit", tag = "cheques", request_body = CreditForm, params(SubscriptionPath),
    responses(
        (status = 204, description = "Stored"),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
        (status = 422, description = "Not an amount", body = ApiError),
    ))]
pub async fn set_credit(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<SubscriptionPath>,
    Input(form): Input<CreditForm>,
) -> AppResult<Said<StatusCode>> {
    let credit = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let (template, member) = (path.template_id, path.member_id);
    services::subscriptions::set_credit(&state.db, &caller, template, member, credit).await?;
    Ok(Said(Notice::CreditSaved, StatusCode::NO_CONTENT))
}
