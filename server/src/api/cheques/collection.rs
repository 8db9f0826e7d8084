use super::super::params::TemplatePath;
use super::super::prelude::*;
use crate::exports::{self, FileBody, Format, FormatQuery};
use app::api::payments::Register;
use axum::extract::RawQuery;
use axum::response::Response;

/// The cheque collection sheet: per member, the cheques still to collect, with the payee and
/// the hand-in date. JSON (the register), CSV or XLSX.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/collection", tag = "cheques", params(TemplatePath, FormatQuery),
    responses(
        (status = 200, description = "The register as JSON, or the sheet as a file", content(
            (Register = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn collection(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let format = Format::from_query(query.as_deref())?;
    let caller = access.caller();
    let view = services::cheques::register(&state.db, &caller, path.template_id).await?;
    let stem = format!(
        "cheques-a-collecter-{}",
        exports::slugify(&view.template.name)
    );
    exports::respond(format, view, &stem, exports::cheques::collection_table)
}
