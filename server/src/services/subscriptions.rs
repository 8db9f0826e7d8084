//! A member's contract as the référent handles it: the contract form's data (shared with the
//! member's own page), entering or correcting it, deleting it, and its money (credit,
//! carry-over, recomputed cheques).

use super::{Caller, template_for};
use crate::contracts::save;
use crate::db::entities::producer;
use crate::error::{AppError, AppResult};
use crate::payments::schedule::{self, TemplatePayments, Who, reschedule, tally};
use crate::repo::{self, cheques, stock, subscriptions, templates::Loaded};
use crate::views;
use app::api::contracts::{ContractEntry, SignUpPage, StockUsed};
use app::api::payments::{ChequeView, Recomputed};
use app::domain::contract::deadline::{Window, member_window};
use app::domain::contract::signup::{Entrant, SignUp};
use app::domain::contract::stock::consumption;
use app::domain::payment::ChequeEvent;
use app::domain::payment::register::{carry_over, next_contract};
use app::domain::payment::{Editor, delivered_values};
use app::domain::{Action, Money, Problem, ProblemCode, SubscriptionId, TemplateId, UserId};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

/// The form's data for `member`'s contract, as a member sees it or as a référent edits it.
pub(super) async fn page(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    loaded: &Loaded,
    producer: &producer::Model,
    member: UserId,
    as_referent: bool,
) -> AppResult<SignUpPage> {
    let offer = views::offer(loaded, producer);
    let now = caller.local_now();
    let dates = loaded.dates_by_id();
    let template = TemplateId(loaded.template.id);
    let existing = subscriptions::find(db, template, member).await?;
    let mine = match &existing {
        Some(s) => Some(ContractEntry {
            grid: subscriptions::grid(db, s.id, &dates).await?,
            jokers: subscriptions::jokers(db, s.id, &dates).await?,
            late: s.late,
            edited_by_referent: s.edited_by_referent,
        }),
        None => None,
    };
    let stored = mine
        .as_ref()
        .map(|m| consumption(&m.grid, &offer.conversions))
        .unwrap_or_default();
    let others = stock::used_by_others(db, &loaded.pool(), &stored).await?;
    let window = if as_referent {
        Window::Open
    } else {
        member_window(&offer, existing.is_some(), now)
    };
    let person = repo::users::find(db, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let subscribers = repo::templates::subscriber_count(db, template).await?;
    let payments = TemplatePayments::load(db, loaded, producer, now.date()).await?;
    let (credit, cheques) = match &existing {
        Some(s) => (
            Money::from_cents(s.credit_cents),
            cheques::of_subscription(db, s.id).await?,
        ),
        None => (Money::ZERO, Vec::new()),
    };
    Ok(SignUpPage {
        template: views::summary(loaded, producer, u32::try_from(subscribers).unwrap_or(0)),
        description: loaded.template.description.clone(),
        member: views::person(Some(&person), person.id),
        products: views::template_products(loaded),
        limits: loaded.limits.clone(),
        others: others
            .into_iter()
            .map(|((date, product), units)| StockUsed {
                date,
                product,
                units,
            })
            .collect(),
        offer,
        window,
        now,
        mine,
        as_referent,
        schedule: payments.view(credit, &cheques),
    })
}

/// A member's contract as the référent edits it (or an empty one, for a paper contract).
pub async fn show(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
) -> AppResult<SignUpPage> {
    let (loaded, producer) = template_for(db, caller, template, Action::ManageProducer).await?;
    repo::memberships::find(db, caller.amap.id, member)
        .await?
        .ok_or(AppError::NotFound)?;
    page(db, caller, &loaded, &producer, member, true).await
}

/// Enters or corrects a member's contract. Rules marked "members only" and the sign-up
/// window do not bind the référent; stock does.
pub async fn save(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
    sign_up: SignUp,
) -> AppResult<ContractEntry> {
    let (loaded, producer) = template_for(db, caller, template, Action::ManageProducer).await?;
    repo::memberships::find(db, caller.amap.id, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let target = target(caller, &loaded, &producer, member);
    save::save(db, target, sign_up, Entrant::Referent).await
}

/// Deletes a member's contract (refused once a cheque is at the AMAP); its stock returns.
pub async fn delete(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
) -> AppResult<()> {
    let (loaded, producer) = template_for(db, caller, template, Action::ManageProducer).await?;
    save::withdraw(
        db,
        target(caller, &loaded, &producer, member),
        Entrant::Referent,
    )
    .await
}

pub(super) fn target<'a>(
    caller: &Caller<'a>,
    loaded: &'a Loaded,
    producer: &'a producer::Model,
    member: UserId,
) -> save::Target<'a> {
    save::Target {
        amap: caller.amap,
        loaded,
        producer,
        user_id: member,
        actor: caller.user_id(),
        now: caller.local_now(),
    }
}

/// Sets a contract's credit ("avoir initial"); the still-promised cheques get a new proposal
/// that counts it.
pub async fn set_credit(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
    credit: Money,
) -> AppResult<()> {
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, template, Action::ManageProducer).await?;
    let sub = subscriptions::find(&txn, template, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = caller.local_now().date();
    let payments = TemplatePayments::load(&txn, &loaded, &producer, today).await?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(&txn, sub.id, &loaded.dates_by_id()).await?;
    let who = Who::of(&sub, caller.user_id());
    cheques::set_credit(&txn, sub.id, credit).await?;
    let event = cheques::Event {
        amount: credit,
        ..who.event(ChequeEvent::Credit, None)
    };
    cheques::record(&txn, vec![event]).await?;
    reschedule(&txn, who, &payments, &offer, &grid, credit).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves a contract's positive balance to the member's next contract with the same producer
/// (the domain's `next_contract`), where it lowers the still-promised cheques.
pub async fn carry_over_credit(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
) -> AppResult<()> {
    // The balance carried over is read under the write lock: two clicks move it once.
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, template, Action::ManageProducer).await?;
    let sub = subscriptions::find(&txn, template, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(&txn, sub.id, &loaded.dates_by_id()).await?;
    let credit = Money::from_cents(sub.credit_cents);
    let stored = cheques::of_subscription(&txn, sub.id).await?;
    let amount = carry_over(&tally(&offer, &grid, credit, &stored)).map_err(AppError::field)?;
    // The member's other contracts with this producer, by first delivery.
    let others: Vec<_> = subscriptions::of_user(&txn, caller.amap.id, member)
        .await?
        .into_iter()
        .filter(|other| other.id != sub.id)
        .collect();
    let templates =
        repo::templates::by_ids(&txn, others.iter().map(|o| o.template_id).collect()).await?;
    let firsts = repo::templates::dates_of(&txn, templates.keys().copied().collect()).await?;
    let candidates: Vec<(usize, chrono::NaiveDate)> = others
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            templates
                .get(&o.template_id)
                .is_some_and(|t| t.producer_id == producer.id)
        })
        .filter_map(|(i, o)| Some((i, *firsts.get(&o.template_id)?.iter().min()?)))
        .collect();
    let after = loaded.dates.first().map(|d| d.date).unwrap_or_default();
    let Some(index) = next_contract(after, &candidates) else {
        return Err(AppError::field(Problem::new(
            "credit",
            ProblemCode::NoNextContract,
        )));
    };
    let next = &others[index];
    let next_template = templates
        .get(&next.template_id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let next_loaded = repo::templates::load(&txn, next_template).await?;
    let today = caller.local_now().date();
    let next_payments = TemplatePayments::load(&txn, &next_loaded, &producer, today).await?;
    let next_offer = views::offer(&next_loaded, &producer);
    let next_grid = subscriptions::grid(&txn, next.id, &next_loaded.dates_by_id()).await?;
    let next_credit = Money::from_cents(next.credit_cents) + amount;
    cheques::set_credit(&txn, sub.id, credit - amount).await?;
    cheques::set_credit(&txn, next.id, next_credit).await?;
    let actor = caller.user_id();
    let (from_who, to_who) = (Who::of(&sub, actor), Who::of(next, actor));
    let events = vec![
        cheques::Event {
            amount: Money::ZERO - amount,
            ..from_who.event(ChequeEvent::CreditOut, None)
        },
        cheques::Event {
            amount,
            ..to_who.event(ChequeEvent::CreditIn, None)
        },
    ];
    cheques::record(&txn, events).await?;
    reschedule(
        &txn,
        to_who,
        &next_payments,
        &next_offer,
        &next_grid,
        next_credit,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// What a new proposal makes of a contract's still-promised cheques; applied when `apply`.
/// A preview reads one snapshot without the write lock.
pub async fn recompute(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
    apply: bool,
) -> AppResult<Recomputed> {
    let txn = if apply {
        repo::write_txn(db).await?
    } else {
        db.begin().await?
    };
    let (loaded, producer) = template_for(&txn, caller, template, Action::ManageProducer).await?;
    let sub = subscriptions::find(&txn, template, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = caller.local_now().date();
    let payments = TemplatePayments::load(&txn, &loaded, &producer, today).await?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(&txn, sub.id, &loaded.dates_by_id()).await?;
    let credit = Money::from_cents(sub.credit_cents);
    let handed_on = payments.handed_on();
    let stored = cheques::of_subscription(&txn, sub.id).await?;
    let wanted = schedule::proposal(&payments, &offer, &grid, credit, &stored, sub.late);
    let before: Vec<ChequeView> = stored
        .iter()
        .map(|c| views::cheque(c, &handed_on))
        .collect();
    let after: Vec<ChequeView> = if apply {
        let who = Who::of(&sub, caller.user_id());
        let remitted = payments.remitted();
        schedule::apply(&txn, who, &stored, &wanted, &remitted, Editor::Referent).await?;
        let now = cheques::of_subscription(&txn, sub.id).await?;
        let after = now.iter().map(|c| views::cheque(c, &handed_on)).collect();
        txn.commit().await?;
        after
    } else {
        schedule::preview(&wanted, &stored, &handed_on)
    };
    Ok(Recomputed {
        subscription_id: SubscriptionId(sub.id),
        ordered: delivered_values(&offer, &grid)
            .iter()
            .map(|(_, v)| *v)
            .sum(),
        before,
        after,
    })
}
