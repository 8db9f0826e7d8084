//! Deposit slips: handing one payment date's cheques to the producer, showing a slip, and
//! cancelling one.

use super::super::{Caller, template_for};
use crate::error::{AppError, AppResult};
use crate::payments::register::{Ledger, register, slip as build_slip};
use crate::repo::{self, cheques};
use app::api::payments::{RemitInput, Slip};
use app::domain::payment::ChequeEvent;
use app::domain::payment::ChequeState;
use app::domain::payment::register::{DateStatus, REMIT_FIELD, check_remit};
use app::domain::payment::slip::contents;
use app::domain::{Action, Problem, ProblemCode, RemittanceId, TemplateId};
use sea_orm::DatabaseConnection;
use std::collections::HashMap;

/// A slip with every cheque of the date, once all are at the AMAP (the error names who is
/// missing); the earliest waiting date goes first unless confirmed. Two treasurers remitting
/// the same date at once get one slip: the second is told the date is remitted.
pub async fn remit(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    input: RemitInput,
) -> AppResult<Slip> {
    let today = caller.local_now().date();
    let handed_on = input.handed_on.unwrap_or(today);
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, template, Action::HandleCheques).await?;
    // Read under the write lock: what is checked is what gets remitted.
    let ledger = Ledger::load(&txn, &loaded, &producer, today).await?;
    let statuses: Vec<DateStatus> = register(&loaded, &producer, &ledger, caller.grants)
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
    let held: Vec<_> = ledger.cheques.iter().map(cheques::held).collect();
    let (count, total) = contents(&held, input.payment_date);
    let new = cheques::NewRemittance {
        amap_id: caller.amap.id,
        template_id: template.0,
        payment_date: input.payment_date,
        handed_on,
        total,
        count: i32::try_from(count).unwrap_or(i32::MAX),
        created_by: caller.user_id(),
    };
    let remittance = match cheques::insert_remittance(&txn, new).await {
        Ok(r) => r,
        Err(e) if repo::is_unique_violation(&e) => {
            return Err(AppError::ConflictOn(vec![Problem::new(
                REMIT_FIELD,
                ProblemCode::DateRemitted,
            )]));
        }
        Err(e) => return Err(e.into()),
    };
    let slip_id = RemittanceId(remittance.id);
    let moved = cheques::remit_date(&txn, template, input.payment_date, slip_id).await?;
    if moved != count as u64 {
        return Err(AppError::Conflict("cheques changed meanwhile".into()));
    }
    let owners: HashMap<i64, i64> = ledger
        .contracts
        .iter()
        .map(|(s, _)| (s.id, s.user_id))
        .collect();
    let events = ledger
        .cheques
        .iter()
        .filter(|c| c.payment_date == input.payment_date)
        .filter(|c| cheques::state_of(&c.state) == ChequeState::Received)
        .map(|c| {
            let moved = (Some(ChequeState::Received), Some(ChequeState::Remitted));
            cheques::Event::of_cheque(c, &owners, caller.user_id(), ChequeEvent::Remitted, moved)
        })
        .collect();
    cheques::record(&txn, events).await?;
    let view = build_slip(&txn, &loaded, &producer, &remittance).await?;
    txn.commit().await?;
    Ok(view)
}

/// A deposit slip: each cheque, the total cross-checked against them, the hand-over day.
pub async fn slip(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    remittance: RemittanceId,
) -> AppResult<Slip> {
    let (loaded, producer) = template_for(db, caller, template, Action::HandleCheques).await?;
    let remittance = cheques::remittance(db, template, remittance)
        .await?
        .ok_or(AppError::NotFound)?;
    build_slip(db, &loaded, &producer, &remittance).await
}

/// Cancels a slip: its cheques go back to the AMAP (received).
pub async fn delete_remittance(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    remittance: RemittanceId,
) -> AppResult<()> {
    let txn = repo::write_txn(db).await?;
    template_for(&txn, caller, template, Action::HandleCheques).await?;
    let remittance = cheques::remittance(&txn, template, remittance)
        .await?
        .ok_or(AppError::NotFound)?;
    let id = RemittanceId(remittance.id);
    let in_slip = cheques::in_remittance(&txn, id).await?;
    let owners = cheques::owners(&txn, template).await?;
    cheques::undo_remittance(&txn, id).await?;
    let events = in_slip
        .iter()
        .map(|c| {
            let moved = (Some(ChequeState::Remitted), Some(ChequeState::Received));
            cheques::Event::of_cheque(
                c,
                &owners,
                caller.user_id(),
                ChequeEvent::RemittanceDeleted,
                moved,
            )
        })
        .collect();
    cheques::record(&txn, events).await?;
    txn.commit().await?;
    Ok(())
}
