use super::super::params::TemplatePath;
use super::super::prelude::*;
use crate::exports::{self, FileBody, Format, FormatQuery};
use app::api::contracts::Synthesis;
use axum::extract::RawQuery;
use axum::response::Response;

/// What a producer delivers over a whole template: for every delivery date the units of each
/// product summed over all contracts, their running totals ("cumul") and their value at the
/// template's prices. As JSON, or as a CSV or XLSX file with `?format=`.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/synthesis", tag = "templates", params(TemplatePath, FormatQuery),
    responses(
        (status = 200, description = "The synthesis; with `format=csv` or `format=xlsx`, a file to download (`Content-Disposition: attachment; filename=\"synthese-<template>.csv\"`)", content(
            (Synthesis = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 403, description = "Neither a référent nor a user of this producer", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn synthesis(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let format = Format::from_query(query.as_deref())?;
    let caller = access.caller();
    let view = services::templates::synthesis(&state.db, &caller, path.template_id).await?;
    let stem = format!("synthese-{}", exports::slugify(&view.template.name));
    exports::respond(format, view, &stem, exports::synthesis_table)
}
