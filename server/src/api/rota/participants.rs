use super::super::params::{ParticipantPath, RotaPath};
use super::super::prelude::*;
use app::api::rota::{AbsencesForm, ParticipantForm, RotaView};

/// Add an active member to the period with a quota, or change their quota.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/participants", tag = "rota", request_body = ParticipantForm, params(RotaPath),
    responses(
        (status = 200, description = "Participant saved", body = RotaView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 422, description = "No member, not an active member, or a bad quota", body = ApiError),
    ))]
pub async fn set(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
    Input(form): Input<ParticipantForm>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::ManageRota)?;
    let (member, quota) = form.parse().map_err(AppError::Validation)?;
    let view = services::rota::manage::set_participant(
        &state.db,
        &access.caller(),
        path.period_id,
        member,
        quota,
    )
    .await?;
    Ok(Said(Notice::Saved, Json(view)))
}

/// Take a member out of the period (refused while they hold duties in it).
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/participants/{member_id}", tag = "rota", params(ParticipantPath),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP, period or participant", body = ApiError),
        (status = 409, description = "The member holds duties in it (`has_duties`)", body = ApiError),
    ))]
pub async fn remove(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<ParticipantPath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::ManageRota)?;
    services::rota::manage::remove_participant(
        &state.db,
        &access.caller(),
        path.period_id,
        path.member_id,
    )
    .await?;
    Ok(Said(Notice::Saved, StatusCode::NO_CONTENT))
}

/// The caller's dates they cannot do, among the period's (the automatic assignment respects
/// them).
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/absences", tag = "rota", request_body = AbsencesForm, params(RotaPath),
    responses(
        (status = 200, description = "Saved", body = RotaView),
        (status = 403, description = "Not a member of the AMAP", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 422, description = "A date not in the period (`unknown_value`)", body = ApiError),
    ))]
pub async fn absences(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
    Input(form): Input<AbsencesForm>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::TakeDuty)?;
    let caller = access.caller();
    let count =
        services::rota::duties::set_absences(&state.db, &caller, path.period_id, &form).await?;
    let view = services::rota::show(&state.db, &caller, path.period_id).await?;
    Ok(Said(Notice::AbsencesSaved { count }, Json(view)))
}
