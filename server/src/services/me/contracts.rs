//! "Mes contrats", the sign-up form, signing up and withdrawing, and
//! the member's own cheque schedule.

use super::super::subscriptions::{page, target};
use super::super::{Caller, template_for};
use crate::contracts::save;
use crate::error::{AppError, AppResult};
use crate::mail::Mailer;
use crate::payments::schedule::{self, TemplatePayments, Who};
use crate::repo::{self, cheques, subscriptions, templates};
use crate::views;
use app::api::contracts::{MyContract, MyContracts, SignUpPage};
use app::api::payments::{ScheduleInput, ScheduleView};
use app::domain::contract::deadline::{Window, member_window, offered_to_members};
use app::domain::contract::editing::visible_to_member;
use app::domain::contract::history::is_finished;
use app::domain::contract::signup::{Entrant, SignUp};
use app::domain::payment::{ChequeState, Contract, Editor, delivered_values};
use app::domain::{Action, ChequeId, Money, TemplateId, UserId};
use sea_orm::DatabaseConnection;
use std::collections::HashMap;

/// The templates open to me, my contracts, and the finished ones.
pub async fn my_contracts(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<MyContracts> {
    caller.require(Action::ViewOwnSpace)?;
    let now = caller.local_now();
    let producers: HashMap<i64, _> = repo::producers::list(db, caller.amap.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mine: HashMap<i64, _> =
        subscriptions::of_user(db, caller.amap.id, UserId(caller.user_id()))
            .await?
            .into_iter()
            .map(|s| (s.template_id, s))
            .collect();
    let all = templates::list(db, caller.amap.id).await?;
    let counts = templates::subscriber_counts(db, all.iter().map(|t| t.id).collect()).await?;
    let visible: Vec<_> = all
        .into_iter()
        .filter(|t| producers.contains_key(&t.producer_id))
        .filter(|t| visible_to_member(templates::state_of(&t.state), mine.contains_key(&t.id)))
        .collect();
    let loaded = templates::load_many(db, visible).await?;
    let dates: HashMap<i64, chrono::NaiveDate> =
        loaded.iter().flat_map(|l| l.dates_by_id()).collect();
    let mut grids = subscriptions::grids(db, mine.values().map(|s| s.id).collect(), &dates).await?;
    let mut result = MyContracts {
        offered: Vec::new(),
        mine: Vec::new(),
        history: Vec::new(),
    };
    for loaded in &loaded {
        let Some(producer) = producers.get(&loaded.template.producer_id) else {
            continue;
        };
        let offer = views::offer(loaded, producer);
        let count = counts.get(&loaded.template.id).copied().unwrap_or(0);
        let summary = views::summary(loaded, producer, count);
        match mine.get(&loaded.template.id) {
            None if offered_to_members(&offer, now) => result.offered.push(summary),
            None => {}
            Some(s) => {
                let grid = grids.remove(&s.id).unwrap_or_default();
                let window = member_window(&offer, true, now);
                let contract = MyContract {
                    template: summary,
                    amount: views::amount(loaded, &grid),
                    units: views::units(&grid),
                    editable: window != Window::Closed,
                };
                if is_finished(&window, &grid, now) {
                    result.history.push(contract);
                } else {
                    result.mine.push(contract);
                }
            }
        }
    }
    Ok(result)
}

/// A template the caller may see as a member (drafts are invisible: 404).
async fn visible(
    db: &impl sea_orm::ConnectionTrait,
    caller: &Caller<'_>,
    template: TemplateId,
) -> AppResult<(templates::Loaded, crate::db::entities::producer::Model)> {
    let (loaded, producer) = template_for(db, caller, template, |_| Action::ViewOwnSpace).await?;
    let has_contract = subscriptions::find(db, template, UserId(caller.user_id()))
        .await?
        .is_some();
    if !visible_to_member(templates::state_of(&loaded.template.state), has_contract) {
        return Err(AppError::NotFound);
    }
    Ok((loaded, producer))
}

/// The sign-up form of one template for the caller.
pub async fn sign_up_page(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
) -> AppResult<SignUpPage> {
    caller.require(Action::ViewOwnSpace)?;
    let (loaded, producer) = visible(db, caller, template).await?;
    page(
        db,
        caller,
        &loaded,
        &producer,
        UserId(caller.user_id()),
        false,
    )
    .await
}

/// Signs up, or changes one's contract, while the template allows it.
pub async fn sign_up(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    template: TemplateId,
    sign_up: SignUp,
) -> AppResult<save::Saved> {
    caller.require(Action::SignUp)?;
    let (loaded, producer) = visible(db, caller, template).await?;
    let target = save::Target {
        confirm_with: Some(mailer),
        ..target(caller, &loaded, &producer, UserId(caller.user_id()))
    };
    save::save(db, target, sign_up, Entrant::Member).await
}

/// Withdraws one's contract while every ordered date is still changeable.
pub async fn withdraw(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
) -> AppResult<()> {
    caller.require(Action::SignUp)?;
    let (loaded, producer) = template_for(db, caller, template, |_| Action::ViewOwnSpace).await?;
    let target = target(caller, &loaded, &producer, UserId(caller.user_id()));
    save::withdraw(db, target, Entrant::Member).await
}

/// Saves my cheque schedule: the editable lines' amounts (the last is recomputed), and what
/// is written on each promised cheque.
pub async fn save_schedule(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    input: ScheduleInput,
) -> AppResult<ScheduleView> {
    caller.require(Action::SignUp)?;
    // Everything the new schedule is checked against is read under the write lock.
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, template, |_| Action::ViewOwnSpace).await?;
    let sub = subscriptions::find(&txn, template, UserId(caller.user_id()))
        .await?
        .ok_or(AppError::NotFound)?;
    let payments =
        TemplatePayments::load(&txn, &loaded, &producer, caller.local_now().date()).await?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(&txn, sub.id, &loaded.dates_by_id()).await?;
    let deliveries = delivered_values(&offer, &grid);
    let credit = Money::from_cents(sub.credit_cents);
    let remitted = payments.remitted();
    let stored = cheques::of_subscription(&txn, sub.id).await?;
    if payments.plan().managed() {
        let held: Vec<_> = stored.iter().map(cheques::held).collect();
        let contract = Contract {
            template_dates: &payments.template_dates,
            deliveries: &deliveries,
            credit,
            held: &held,
            remitted: &remitted,
            frozen_before: payments.frozen_before(sub.late),
        };
        let wanted = payments
            .plan()
            .edited(&contract, &input.amounts)
            .map_err(AppError::Validation)?;
        let who = Who::of(&sub, caller.user_id());
        schedule::apply(&txn, who, &stored, &wanted, &remitted, Editor::Member).await?;
    }
    for cheque in cheques::of_subscription(&txn, sub.id).await? {
        let Some(details) = input.details.get(&cheque.payment_date) else {
            continue;
        };
        if cheques::state_of(&cheque.state) == ChequeState::Promised {
            let written = cheques::Written {
                bank: &details.bank,
                number: &details.number,
                drawer: &details.drawer,
                comment: None,
            };
            cheques::set_details(&txn, ChequeId(cheque.id), written).await?;
        }
    }
    let stored = cheques::of_subscription(&txn, sub.id).await?;
    txn.commit().await?;
    Ok(payments.view(credit, &stored))
}
