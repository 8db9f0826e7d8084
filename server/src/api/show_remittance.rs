use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::exports::{self, FileBody, Format, FormatQuery};
use crate::http::path;
use crate::payments::register::slip;
use crate::repo::cheques;
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::Slip;
use app::domain::Action;
use axum::extract::{RawPathParams, RawQuery, State};
use axum::response::Response;

/// A deposit slip: each cheque (member, bank, number, name, amount), the total cross-checked
/// against the cheques, the real hand-over day. JSON, CSV or XLSX.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/remittances/{remittance_id}", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("remittance_id" = i64, Path, description = "The deposit slip"), FormatQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The slip, or the slip as a file", content(
            (Slip = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP, template or slip", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn show_remittance(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let id = path::id(&params, "template_id")?;
    let remittance_id = path::id(&params, "remittance_id")?;
    let format = Format::from_query(query.as_deref())?;
    let db = &state.db;
    let (loaded, producer) =
        contracts::template_for(db, &access, id, Action::HandleCheques).await?;
    let remittance = cheques::remittance(db, id, remittance_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let view = slip(db, &loaded, &producer, &remittance).await?;
    let stem = format!(
        "remise-{}-{}",
        exports::slugify(&loaded.template.name),
        remittance.payment_date
    );
    exports::respond(format, view, &stem, exports::cheques::slip_table)
}
