use crate::auth::AmapAccess;
use crate::contracts::{self, local_now};
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::payments::register::{Ledger, register, slip};
use crate::repo::{self, cheques};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::{RemitForm, Slip};
use app::domain::payment::ChequeState;
use app::domain::payment::register::{DateStatus, REMIT_FIELD, check_remit};
use app::domain::{Action, Money, Problem, ProblemCode};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Hand the cheques of one payment date to the producer: a deposit slip ("bordereau") with
/// every cheque of that date, its total and the real hand-over day. Allowed once every cheque
/// of the date is at the AMAP (the error names who is missing); the earliest waiting date
/// goes first unless `confirm` is ticked. Two treasurers remitting the same date at once get
/// one slip: the second is told the date is remitted.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/remittances", tag = "cheques",
    request_body = RemitForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The deposit slip", body = Slip),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 409, description = "Remitted meanwhile by someone else", body = ApiError),
        (status = 422, description = "Cheques missing, not the earliest date without confirmation, nothing to remit", body = ApiError),
    ))]
pub async fn create_remittance(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<RemitForm>,
) -> AppResult<Json<Slip>> {
    let id = path::id(&params, "template_id")?;
    let db = &state.db;
    let input = form.parse().map_err(AppError::Validation)?;
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) =
        contracts::template_for(&txn, &access, id, Action::HandleCheques).await?;
    let handed_on = input
        .handed_on
        .unwrap_or_else(|| local_now(&access.amap).date());
    // Read under the write lock: what is checked is what gets remitted.
    let ledger = Ledger::load(&txn, &access.amap, &loaded, &producer).await?;
    let statuses: Vec<DateStatus> = register(&loaded, &producer, &ledger, &access.grants)
        .dates
        .into_iter()
        .map(|d| DateStatus {
            date: d.date,
            cheques: d.cheques,
            missing: d.missing,
            remitted: d.remittance.is_some(),
        })
        .collect();
    check_remit(input.payment_date, &statuses, input.confirmed).map_err(AppError::field)?;
    let of_date: Vec<_> = ledger
        .cheques
        .iter()
        .filter(|c| c.payment_date == input.payment_date)
        .filter(|c| cheques::state_of(&c.state) == ChequeState::Received)
        .collect();
    let total: Money = of_date
        .iter()
        .map(|c| Money::from_cents(c.amount_cents))
        .sum();
    let remittance = match cheques::insert_remittance(
        &txn,
        cheques::NewRemittance {
            amap_id: access.amap.id,
            template_id: id,
            payment_date: input.payment_date,
            handed_on,
            total,
            count: i32::try_from(of_date.len()).unwrap_or(i32::MAX),
            created_by: access.user.user.id,
        },
    )
    .await
    {
        Ok(r) => r,
        Err(e) if repo::is_unique_violation(&e) => {
            return Err(AppError::ConflictOn(vec![Problem::new(
                REMIT_FIELD,
                ProblemCode::DateRemitted,
            )]));
        }
        Err(e) => return Err(e.into()),
    };
    let moved = cheques::remit_date(&txn, id, input.payment_date, remittance.id).await?;
    if moved != of_date.len() as u64 {
        return Err(AppError::Conflict("cheques changed meanwhile".into()));
    }
    let owners: std::collections::HashMap<i64, i64> = ledger
        .contracts
        .iter()
        .map(|(s, _)| (s.id, s.user_id))
        .collect();
    let events = of_date
        .iter()
        .map(|c| {
            let moved = (Some(ChequeState::Received), Some(ChequeState::Remitted));
            cheques::Event::of_cheque(c, &owners, access.user.user.id, "remitted", moved)
        })
        .collect();
    cheques::record(&txn, events).await?;
    txn.commit().await?;
    Ok(Json(slip(db, &loaded, &producer, &remittance).await?))
}
