use super::super::params::RemittancePath;
use super::super::prelude::*;
use crate::exports::{self, FileBody, Format, FormatQuery};
use app::api::payments::Slip;
use axum::extract::RawQuery;
use axum::response::Response;

/// A deposit slip: each cheque (member, bank, number, name, amount), the total cross-checked
/// against the cheques, the real hand-over day. JSON, CSV or XLSX.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/remittances/{remittance_id}", tag = "cheques", params(RemittancePath, FormatQuery),
    responses(
        (status = 200, description = "The slip, or the slip as a file", content(
            (Slip = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP, template or slip", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn slip(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RemittancePath>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let format = Format::from_query(query.as_deref())?;
    let caller = access.caller();
    let (template, slip) = (path.template_id, path.remittance_id);
    let view = services::cheques::slip(&state.db, &caller, template, slip).await?;
    let stem = format!(
        "remise-{}-{}",
        exports::slugify(&view.template.name),
        view.payment_date
    );
    exports::respond(format, view, &stem, exports::cheques::slip_table)
}
