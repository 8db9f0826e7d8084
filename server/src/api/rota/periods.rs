use super::super::params::{AmapPath, RotaPath};
use super::super::prelude::*;
use app::api::rota::{NewRotaForm, RotaRulesForm, RotaSummary, RotaView};

/// Every rota period of the AMAP, the latest first, with its coverage and the caller's share.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/duty-periods", tag = "rota", params(AmapPath),
    responses(
        (status = 200, description = "The periods", body = Vec<RotaSummary>),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<RotaSummary>>> {
    Ok(Json(
        services::rota::list(&state.db, &access.caller()).await?,
    ))
}

/// A new period: its rules, its dates (from a frequency or a template's deliveries), places
/// per date, participants (every active member or a membership period's) and their quota.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods", tag = "rota", request_body = NewRotaForm, params(AmapPath),
    responses(
        (status = 201, description = "Period created", body = RotaView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP", body = ApiError),
        (status = 422, description = "Invalid fields, a name already used (`taken`), no date in the bounds", body = ApiError),
    ))]
pub async fn create(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<NewRotaForm>,
) -> AppResult<Said<(StatusCode, Json<RotaView>)>> {
    access.require(Action::ManageRota)?;
    let input = form.parse().map_err(AppError::Validation)?;
    let view = services::rota::manage::create(&state.db, &access.caller(), &input).await?;
    let name = view.summary.name.clone();
    Ok(Said(
        Notice::RotaSaved { name },
        (StatusCode::CREATED, Json(view)),
    ))
}

/// One period's grid: dates × places with who is on duty, what the caller may take or give
/// back; for coordinators the participants, the proposal and the members not taking part.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}", tag = "rota", params(RotaPath),
    responses(
        (status = 200, description = "The period", body = RotaView),
        (status = 404, description = "No such AMAP or period", body = ApiError),
    ))]
pub async fn show(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
) -> AppResult<Json<RotaView>> {
    Ok(Json(
        services::rota::show(&state.db, &access.caller(), path.period_id).await?,
    ))
}

/// Rewrite a period's name, description and rules; duties taken stay.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}", tag = "rota", request_body = RotaRulesForm, params(RotaPath),
    responses(
        (status = 200, description = "Period saved", body = RotaView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn update(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
    Input(form): Input<RotaRulesForm>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::ManageRota)?;
    let rules = form.parse().map_err(AppError::Validation)?;
    let view =
        services::rota::manage::update(&state.db, &access.caller(), path.period_id, &rules).await?;
    let name = view.summary.name.clone();
    Ok(Said(Notice::RotaSaved { name }, Json(view)))
}

/// Delete a period nobody is signed up in.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}", tag = "rota", params(RotaPath),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 409, description = "Members hold duties in it (`has_duties`)", body = ApiError),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::ManageRota)?;
    services::rota::manage::delete(&state.db, &access.caller(), path.period_id).await?;
    Ok(Said(Notice::RotaDeleted, StatusCode::NO_CONTENT))
}
