use super::super::params::RotaPath;
use super::super::prelude::*;
use crate::exports::{self, FileBody, Format, FormatQuery};
use app::api::rota::{HistoryView, PlanningMailed, PlanningView};
use axum::extract::RawQuery;
use axum::response::Response;

/// A period's planning: one row per date, one column per place slot, who is on duty. As
/// JSON, or as a CSV or XLSX file with `?format=`.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/planning", tag = "rota", params(RotaPath, FormatQuery),
    responses(
        (status = 200, description = "The planning; with `format=csv` or `format=xlsx`, a file to download (`planning-<period>.csv`)", content(
            (PlanningView = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn planning(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let format = Format::from_query(query.as_deref())?;
    let view =
        services::rota::outputs::planning(&state.db, &access.caller(), path.period_id).await?;
    let stem = format!("planning-{}", exports::slugify(&view.name));
    exports::respond(format, view, &stem, exports::planning_table)
}

/// Mail the planning to every participant: their own duties first, every date with who is
/// on duty, the spreadsheet attached.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/planning/mail", tag = "rota", params(RotaPath),
    responses(
        (status = 200, description = "Queued, one mail per participant", body = PlanningMailed),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
    ))]
pub async fn mail(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
) -> AppResult<Said<Json<PlanningMailed>>> {
    access.require(Action::ManageRota)?;
    let mailed = services::rota::outputs::mail_planning(
        &state.db,
        &state.mailer,
        &access.caller(),
        path.period_id,
    )
    .await?;
    Ok(Said(
        Notice::PlanningMailed {
            count: mailed.mailed,
        },
        Json(mailed),
    ))
}

/// The period's history: every move (taken, given back, assigned, published, offered, taken
/// over…), who made it and when, newest first.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/history", tag = "rota", params(RotaPath),
    responses(
        (status = 200, description = "The history", body = HistoryView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
    ))]
pub async fn history(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
) -> AppResult<Json<HistoryView>> {
    access.require(Action::ManageRota)?;
    Ok(Json(
        services::rota::outputs::history(&state.db, &access.caller(), path.period_id).await?,
    ))
}
