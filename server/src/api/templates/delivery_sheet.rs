use super::super::params::DeliveryPath;
use super::super::prelude::*;
use crate::exports::{self, FileBody, Format, FormatQuery};
use app::api::contracts::DeliverySheet;
use axum::extract::RawQuery;
use axum::response::Response;

/// The delivery sheet ("feuille de distribution") of one date: what to hand to whom, one row
/// per member with something to collect, by last name, with the totals and their value. As
/// JSON, or as a CSV or XLSX file with `?format=`.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/deliveries/{date}", tag = "templates", params(DeliveryPath, FormatQuery),
    responses(
        (status = 200, description = "The sheet; with `format=csv` or `format=xlsx`, a file to download (`Content-Disposition: attachment; filename=\"livraison-<template>-<YYYY-MM-DD>.csv\"`)", content(
            (DeliverySheet = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 403, description = "Neither a référent nor a user of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or delivery date", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn delivery_sheet(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DeliveryPath>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let format = Format::from_query(query.as_deref())?;
    let caller = access.caller();
    let (template, date) = (path.template_id, path.date);
    let view = services::templates::delivery_sheet(&state.db, &caller, template, date).await?;
    let stem = format!("livraison-{}-{date}", exports::slugify(&view.template.name));
    exports::respond(format, view, &stem, exports::sheet_table)
}
