use super::super::params::{DutyDatePath, RotaPath};
use super::super::prelude::*;
use app::api::rota::{DutyDateForm, RotaView};

/// Add a date with its places (in the AMAP's first role).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/dates", tag = "rota", request_body = DutyDateForm, params(RotaPath),
    responses(
        (status = 201, description = "Date added", body = RotaView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 422, description = "Invalid fields, or the date already in the period (`taken`)", body = ApiError),
    ))]
pub async fn add(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
    Input(form): Input<DutyDateForm>,
) -> AppResult<Said<(StatusCode, Json<RotaView>)>> {
    access.require(Action::ManageRota)?;
    let (day, places) = form.parse().map_err(AppError::Validation)?;
    let view =
        services::rota::manage::add_date(&state.db, &access.caller(), path.period_id, day, places)
            .await?;
    Ok(Said(Notice::Saved, (StatusCode::CREATED, Json(view))))
}

/// Remove a date nobody is on duty.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/dates/{date_id}", tag = "rota", params(DutyDatePath),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP, period or date", body = ApiError),
        (status = 409, description = "Members are on duty that date (`has_duties`)", body = ApiError),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyDatePath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::ManageRota)?;
    services::rota::manage::delete_date(&state.db, &access.caller(), path.period_id, path.date_id)
        .await?;
    Ok(Said(Notice::Saved, StatusCode::NO_CONTENT))
}

/// Erase the sign-ups (and proposals) of a date; each one is kept in the period's history.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/dates/{date_id}/clear", tag = "rota", params(DutyDatePath),
    responses(
        (status = 200, description = "How many sign-ups were erased", body = u32),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP, period or date", body = ApiError),
    ))]
pub async fn clear(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyDatePath>,
) -> AppResult<Said<Json<u32>>> {
    access.require(Action::ManageRota)?;
    let erased = services::rota::manage::clear_date(
        &state.db,
        &access.caller(),
        path.period_id,
        path.date_id,
    )
    .await?;
    Ok(Said(Notice::Saved, Json(erased)))
}
