use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::amaps::{AmapSettingsForm, AmapView};

/// Change the AMAP's settings (admins): its name and town, its time zone (every local date and
/// deadline follows it), where and when it distributes (shown with each member's next
/// delivery).
#[utoipa::path(put, path = "/api/v1/amaps/{slug}", tag = "amaps", request_body = AmapSettingsForm, params(AmapPath),
    responses(
        (status = 200, description = "The AMAP as stored", body = AmapView),
        (status = 403, description = "Not an admin", body = ApiError),
        (status = 422, description = "A name or town missing or too long, an unknown time zone, control characters", body = ApiError),
    ))]
pub async fn update(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<AmapSettingsForm>,
) -> AppResult<Said<Json<AmapView>>> {
    access.require(Action::ManageAmap)?;
    let settings = form.parse().map_err(AppError::Validation)?;
    let view = services::amaps::update_settings(&state.db, &access.caller(), &settings).await?;
    Ok(Said(Notice::AmapSaved, Json(view)))
}
