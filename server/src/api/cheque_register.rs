use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::AppResult;
use crate::exports::{self, FileBody, Format, FormatQuery};
use crate::http::path;
use crate::payments::register::{Ledger, register};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::Register;
use app::domain::Action;
use axum::Json;
use axum::extract::{RawPathParams, RawQuery, State};
use axum::response::Response;

/// The treasurer's register of one template: each contract's order, credit, cheques per
/// state, balance, schedule gap and cheques to return; each payment date with its cheques,
/// who is missing and its deposit slip.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The register", body = Register),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
    ))]
pub async fn cheque_register(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<Register>> {
    Ok(Json(load(&state, &access, &params).await?))
}

async fn load(
    state: &AppState,
    access: &AmapAccess,
    params: &RawPathParams,
) -> AppResult<Register> {
    let id = path::id(params, "template_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, access, id, Action::HandleCheques).await?;
    let ledger = Ledger::load(&state.db, &access.amap, &loaded, &producer).await?;
    Ok(register(&loaded, &producer, &ledger, &access.grants))
}

/// The cheque collection sheet: per member, the cheques still to collect, with the payee and
/// the hand-in date. JSON (the register), CSV or XLSX.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/collection", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"), FormatQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The register as JSON, or the sheet as a file", content(
            (Register = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn cheque_collection(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let format = Format::from_query(query.as_deref())?;
    let view = load(&state, &access, &params).await?;
    let stem = format!(
        "cheques-a-collecter-{}",
        exports::slugify(&view.template.name)
    );
    exports::respond(format, view, &stem, exports::cheques::collection_table)
}

/// The full cheque report: per member, ordered, credit, cheques per state and per month,
/// balance. JSON (the register), CSV or XLSX.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/report", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"), FormatQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The register as JSON, or the report as a file", content(
            (Register = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn cheque_report(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let format = Format::from_query(query.as_deref())?;
    let view = load(&state, &access, &params).await?;
    let stem = format!("etat-des-cheques-{}", exports::slugify(&view.template.name));
    exports::respond(format, view, &stem, exports::cheques::report_table)
}
