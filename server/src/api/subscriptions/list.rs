use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::templates::SubscriptionRow;

/// Who signed up to a template, with what (dates, units, amount).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions", tag = "subscriptions", params(TemplatePath),
    responses(
        (status = 200, description = "Contracts by member name", body = Vec<SubscriptionRow>),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Json<Vec<SubscriptionRow>>> {
    let caller = access.caller();
    let rows = services::templates::subscriptions(&state.db, &caller, path.template_id);
    Ok(Json(rows.await?))
}
