use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::repo::{self, cheques};
use crate::state::AppState;
use app::api::ApiError;
use app::domain::Action;
use app::domain::payment::ChequeState;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;

/// Cancel a deposit slip: its cheques go back to the AMAP (received).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/remittances/{remittance_id}/delete", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("remittance_id" = i64, Path, description = "The deposit slip")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 204, description = "Cancelled"),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP, template or slip", body = ApiError),
    ))]
pub async fn delete_remittance(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<StatusCode> {
    let id = path::id(&params, "template_id")?;
    let remittance_id = path::id(&params, "remittance_id")?;
    let db = &state.db;
    let txn = repo::write_txn(db).await?;
    contracts::template_for(&txn, &access, id, Action::HandleCheques).await?;
    let remittance = cheques::remittance(&txn, id, remittance_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let in_slip = cheques::in_remittance(&txn, remittance.id).await?;
    let owners = cheques::owners(&txn, id).await?;
    cheques::undo_remittance(&txn, remittance.id).await?;
    let events = in_slip
        .iter()
        .map(|c| {
            let moved = (Some(ChequeState::Remitted), Some(ChequeState::Received));
            cheques::Event::of_cheque(c, &owners, access.user.user.id, "remittance_deleted", moved)
        })
        .collect();
    cheques::record(&txn, events).await?;
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
