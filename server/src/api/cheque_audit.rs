use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::error::AppResult;
use crate::http::path;
use crate::payments::register::person;
use crate::repo::{self, cheques};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::{AuditEntry, AuditLog};
use app::domain::payment::ChequeState;
use app::domain::{Action, Money};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Every cheque event of a template, newest first: who, when, from → to, amount.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/audit", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The audit trail", body = AuditLog),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
    ))]
pub async fn cheque_audit(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<AuditLog>> {
    let id = path::id(&params, "template_id")?;
    let db = &state.db;
    let (loaded, producer) =
        contracts::template_for(db, &access, id, Action::HandleCheques).await?;
    let events = cheques::events(db, id).await?;
    let mut ids: Vec<i64> = events
        .iter()
        .flat_map(|e| [Some(e.actor_user_id), e.member_user_id])
        .flatten()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let users = repo::producers::users_by_id(db, ids).await?;
    let state_of = |raw: &Option<String>| raw.as_deref().and_then(ChequeState::parse);
    let entries = events
        .iter()
        .map(|e| AuditEntry {
            at: e.at,
            actor: person(users.get(&e.actor_user_id), e.actor_user_id).name,
            member: e
                .member_user_id
                .map(|m| person(users.get(&m), m).name)
                .unwrap_or_default(),
            action: e.action.clone(),
            from: state_of(&e.from_state),
            to: state_of(&e.to_state),
            date: e.payment_date,
            amount: Money::from_cents(e.amount_cents),
        })
        .collect();
    Ok(Json(AuditLog {
        template: views::summary(&loaded, &producer, 0),
        entries,
    }))
}
