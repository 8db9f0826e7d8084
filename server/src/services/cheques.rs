//! Cheques as the AMAP handles them: a template's payment settings, the treasurer's register
//! (reception, corrections, recomputation) and its audit trail. Deposit slips are in
//! `remittances`.

mod remittances;

pub use remittances::{delete_remittance, remit, slip};

use super::{Caller, template_for};
use crate::db::entities::{cheque, payment_plan};
use crate::error::{AppError, AppResult};
use crate::payments::register::{Ledger, register as build_register};
use crate::payments::schedule::{TemplatePayments, Who, rebalance};
use crate::payments::settings;
use crate::repo::{self, cheques, subscriptions};
use crate::views;
use app::api::payments::{
    AuditEntry, AuditLog, ChequeInput, ChequeView, PaymentSettings, RecomputedAll, Register,
    SettingsInput,
};
use app::domain::payment::ChequeEvent;
use app::domain::payment::cheque::{mark, may_edit};
use app::domain::payment::{ChequeState, Editor};
use app::domain::{Action, ChequeId, Money, Problem, ProblemCode, TemplateId};
use sea_orm::DatabaseConnection;
use std::collections::HashMap;

pub async fn settings(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
) -> AppResult<PaymentSettings> {
    let (loaded, producer) = template_for(db, caller, template, Action::ManageProducer).await?;
    settings::load(db, &loaded, &producer).await
}

/// Changes a template's payment settings. Stored cheques are not touched: the register
/// shows which contracts then need a new proposal.
pub async fn set_settings(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    input: SettingsInput,
) -> AppResult<PaymentSettings> {
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, template, Action::ManageProducer).await?;
    let dates: Vec<_> = loaded.dates.iter().map(|d| d.date).collect();
    input.plan.payment_dates(&dates).map_err(AppError::field)?;
    if let Some(collector) = input.collector {
        let refers = repo::producers::referent_links(&txn, caller.amap.id)
            .await?
            .iter()
            .any(|l| l.producer_id == producer.id && l.user_id == collector.0);
        if !refers {
            return Err(AppError::field(Problem::new(
                "collector",
                ProblemCode::UnknownValue,
            )));
        }
    }
    let strategy =
        serde_json::to_string(&input.plan.strategy).map_err(|e| AppError::Internal(e.into()))?;
    let row = payment_plan::Model {
        template_id: template.0,
        amap_id: caller.amap.id,
        strategy,
        payee: input.payee,
        hand_in_by: input.hand_in_by,
        minimum_cents: input.plan.minimum.cents(),
        collector_user_id: input.collector.map(|c| c.0),
        message: input.message,
    };
    cheques::save_plan(&txn, row).await?;
    let view = settings::load(&txn, &loaded, &producer).await?;
    txn.commit().await?;
    Ok(view)
}

/// The treasurer's register of one template, as the caller may use it.
pub async fn register(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
) -> AppResult<Register> {
    let (loaded, producer) = template_for(db, caller, template, Action::HandleCheques).await?;
    let ledger = Ledger::load(db, &loaded, &producer, caller.local_now().date()).await?;
    Ok(build_register(&loaded, &producer, &ledger, caller.grants))
}

/// Every cheque event of a template, newest first.
pub async fn audit(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
) -> AppResult<AuditLog> {
    let (loaded, producer) = template_for(db, caller, template, Action::HandleCheques).await?;
    let events = cheques::events(db, template).await?;
    let mut ids: Vec<i64> = events
        .iter()
        .flat_map(|e| [Some(e.actor_user_id), e.member_user_id])
        .flatten()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let users = repo::producers::users_by_id(db, ids).await?;
    let entries = events
        .iter()
        .map(|e| AuditEntry {
            at: e.at,
            actor: views::person(users.get(&e.actor_user_id), e.actor_user_id).name,
            member: e
                .member_user_id
                .map(|m| views::person(users.get(&m), m).name)
                .unwrap_or_default(),
            action: e.action.into(),
            from: e.from_state.map(Into::into),
            to: e.to_state.map(Into::into),
            date: e.payment_date,
            amount: Money::from_cents(e.amount_cents),
        })
        .collect();
    Ok(AuditLog {
        template: views::summary(&loaded, &producer, 0),
        time_zone: caller.amap.time_zone.clone(),
        entries,
    })
}

/// Ticks cheques received (or back to promised); a remitted cheque comes back only with its
/// slip. All the template's cheques are read in one query under the write lock, and every
/// move is conditional on the state read.
pub async fn receive(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    received: Vec<ChequeId>,
    promised: Vec<ChequeId>,
) -> AppResult<Register> {
    let moves = received
        .iter()
        .map(|&c| (c, ChequeState::Received))
        .chain(promised.iter().map(|&c| (c, ChequeState::Promised)));
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, template, Action::HandleCheques).await?;
    let owners = cheques::owners(&txn, template).await?;
    let all: HashMap<i64, cheque::Model> = cheques::of_template(&txn, template)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    // One conditional statement per direction, whatever the number of cheques.
    let mut events = Vec::new();
    let mut by_move: HashMap<(ChequeState, ChequeState), Vec<ChequeId>> = HashMap::new();
    for (cheque_id, to) in moves {
        let cheque = all.get(&cheque_id.0).ok_or(AppError::NotFound)?;
        let from = cheques::state_of(&cheque.state);
        mark(from, to)
            .map_err(|code| AppError::field(Problem::new(&format!("got.{cheque_id}"), code)))?;
        if from == to {
            continue;
        }
        by_move.entry((from, to)).or_default().push(cheque_id);
        let action = if to == ChequeState::Received {
            ChequeEvent::Received
        } else {
            ChequeEvent::Unreceived
        };
        let moved = (Some(from), Some(to));
        events.push(cheques::Event::of_cheque(
            cheque,
            &owners,
            caller.user_id(),
            action,
            moved,
        ));
    }
    for ((from, to), ids) in &by_move {
        if cheques::mark_many(&txn, ids, *from, *to).await? != ids.len() as u64 {
            return Err(AppError::Conflict("cheque changed meanwhile".into()));
        }
    }
    cheques::record(&txn, events).await?;
    let ledger = Ledger::load(&txn, &loaded, &producer, caller.local_now().date()).await?;
    txn.commit().await?;
    Ok(build_register(&loaded, &producer, &ledger, caller.grants))
}

/// A référent corrects one cheque: details, comment, and the amount of a promised or
/// received one. A remitted cheque never changes.
pub async fn edit(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    cheque_id: ChequeId,
    input: ChequeInput,
) -> AppResult<ChequeView> {
    let txn = repo::write_txn(db).await?;
    template_for(&txn, caller, template, Action::HandleCheques).await?;
    let cheque = cheques::find(&txn, template, cheque_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = cheques::state_of(&cheque.state);
    may_edit(from, Editor::Referent)
        .map_err(|code| AppError::field(Problem::new("amount", code)))?;
    if let Some(amount) = input.amount.filter(|a| a.cents() != cheque.amount_cents) {
        let states = [ChequeState::Promised, ChequeState::Received];
        if !cheques::set_amount(&txn, cheque_id, amount, &states).await? {
            return Err(AppError::Conflict("cheque changed meanwhile".into()));
        }
        let owners = cheques::owners(&txn, template).await?;
        let moved = (Some(from), Some(from));
        let event = cheques::Event {
            amount,
            ..cheques::Event::of_cheque(
                &cheque,
                &owners,
                caller.user_id(),
                ChequeEvent::Changed,
                moved,
            )
        };
        cheques::record(&txn, vec![event]).await?;
    }
    let written = cheques::Written {
        bank: &input.details.bank,
        number: &input.details.number,
        drawer: &input.details.drawer,
        comment: Some(&input.comment),
    };
    cheques::set_details(&txn, cheque_id, written).await?;
    let stored = cheques::find(&txn, template, cheque_id)
        .await?
        .ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(views::cheque(&stored, &Default::default()))
}

/// Recomputes at once the still-promised cheques of every contract whose cheques no longer
/// cover its order; balanced contracts (member-edited ones included) are left alone. One
/// transaction: all or nothing.
pub async fn recompute_all(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
) -> AppResult<RecomputedAll> {
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, template, Action::ManageProducer).await?;
    let contracts = subscriptions::of_template_with_grids(&txn, &loaded).await?;
    let today = caller.local_now().date();
    let payments = TemplatePayments::load(&txn, &loaded, &producer, today).await?;
    let offer = views::offer(&loaded, &producer);
    // Every cheque of the template in one read, inside the transaction that rewrites them.
    let mut held: HashMap<i64, Vec<cheque::Model>> = HashMap::new();
    for c in cheques::of_template(&txn, template).await? {
        held.entry(c.subscription_id).or_default().push(c);
    }
    let mut recomputed = 0;
    for (sub, grid) in &contracts {
        let who = Who::of(sub, caller.user_id());
        let credit = Money::from_cents(sub.credit_cents);
        let stored = held.remove(&sub.id).unwrap_or_default();
        if rebalance(&txn, who, &payments, &offer, grid, credit, &stored).await? {
            recomputed += 1;
        }
    }
    txn.commit().await?;
    Ok(RecomputedAll {
        contracts: recomputed,
    })
}
