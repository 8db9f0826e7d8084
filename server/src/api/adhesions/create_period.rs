use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::adhesions::{PeriodForm, PeriodView};

/// A new membership period: name, dates, minimum and suggested amounts, who records the
/// memberships (`online`: the members themselves; `treasurer`).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/adhesion-periods", tag = "adhesions", request_body = PeriodForm, params(AmapPath),
    responses(
        (status = 201, description = "Period created", body = PeriodView),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 422, description = "Invalid fields, or the name already used (`taken`)", body = ApiError),
    ))]
pub async fn create(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<PeriodForm>,
) -> AppResult<Said<(StatusCode, Json<PeriodView>)>> {
    access.require(Action::ManageAdhesions)?;
    let input = form.parse().map_err(AppError::Validation)?;
    let view = services::adhesions::create_period(&state.db, &access.caller(), &input).await?;
    let name = view.name.clone();
    Ok(Said(
        Notice::PeriodSaved { name },
        (StatusCode::CREATED, Json(view)),
    ))
}
