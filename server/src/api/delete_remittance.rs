use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::repo::{self, cheques};
use crate::state::AppState;
use app::api::ApiError;
use app::domain::payment::ChequeState;
use app::domain::{Action, Money};
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
        (status = 403, description = "Not a référent of this producer", body = ApiError),
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
    contracts::template_for(db, &access, id, Action::ManageProducer).await?;
    let txn = repo::write_txn(db).await?;
    let remittance = cheques::remittance(&txn, id, remittance_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let in_slip = cheques::in_remittance(&txn, remittance.id).await?;
    let subs = repo::subscriptions::of_template(&txn, id).await?;
    cheques::undo_remittance(&txn, remittance.id).await?;
    let events = in_slip
        .iter()
        .map(|c| cheques::Event {
            amap_id: access.amap.id,
            template_id: id,
            subscription_id: Some(c.subscription_id),
            member_user_id: subs
                .iter()
                .find(|s| s.id == c.subscription_id)
                .map(|s| s.user_id),
            cheque_id: Some(c.id),
            actor: access.user.user.id,
            action: "remittance_deleted",
            from: Some(ChequeState::Remitted),
            to: Some(ChequeState::Received),
            date: Some(c.payment_date),
            amount: Money::from_cents(c.amount_cents),
        })
        .collect();
    cheques::record(&txn, events).await?;
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
