use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::payments::{PaymentSettings, PaymentSettingsForm};

/// Replace a template's payment settings. Stored cheques are not touched: the register shows
/// which contracts then need a new proposal.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/templates/{template_id}/payments", tag = "cheques", request_body = PaymentSettingsForm, params(TemplatePath),
    responses(
        (status = 200, description = "The settings as stored", body = PaymentSettings),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 422, description = "A field is invalid (unknown preset, duplicate payment date, collector not a référent…)", body = ApiError),
    ))]
pub async fn set(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(form): Input<PaymentSettingsForm>,
) -> AppResult<Said<Json<PaymentSettings>>> {
    let input = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::cheques::set_settings(&state.db, &caller, path.template_id, input);
    Ok(Said(Notice::PaymentSettingsSaved, Json(view.await?)))
}
