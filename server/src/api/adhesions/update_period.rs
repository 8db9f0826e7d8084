use super::super::params::PeriodPath;
use super::super::prelude::*;
use app::api::adhesions::{PeriodForm, PeriodView};

/// Rewrite a period. Memberships already recorded keep their amounts.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/adhesion-periods/{period_id}", tag = "adhesions", request_body = PeriodForm, params(PeriodPath),
    responses(
        (status = 200, description = "Period saved", body = PeriodView),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn update(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<PeriodPath>,
    Input(form): Input<PeriodForm>,
) -> AppResult<Said<Json<PeriodView>>> {
    access.require(Action::ManageAdhesions)?;
    let input = form.parse().map_err(AppError::Validation)?;
    let view =
        services::adhesions::update_period(&state.db, &access.caller(), path.period_id, &input)
            .await?;
    let name = view.name.clone();
    Ok(Said(Notice::PeriodSaved { name }, Json(view)))
}
