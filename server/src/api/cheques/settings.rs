use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::payments::PaymentSettings;

/// A template's payment settings: preset, payee ("ordre"), hand-in date, minimum cheque,
/// collecting référent.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/payments", tag = "cheques", params(TemplatePath),
    responses(
        (status = 200, description = "The settings (AmapJ's defaults until saved)", body = PaymentSettings),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
    ))]
pub async fn show(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Json<PaymentSettings>> {
    let caller = access.caller();
    Ok(Json(
        services::cheques::settings(&state.db, &caller, path.template_id).await?,
    ))
}
