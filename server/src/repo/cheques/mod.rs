//! Payment plans, cheques, deposit slips and the cheque audit trail.

use crate::db::entities::{cheque, cheque_event, payment_plan, remittance, stored};
use app::domain::payment::{ChequeEvent, ChequeState, Held};
use app::domain::{ChequeId, Money, RemittanceId, TemplateId};
use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

mod events;
pub use events::*;
mod plans;
pub use plans::*;
mod remittances;
pub use remittances::*;

pub fn state_of(stored: &stored::ChequeState) -> ChequeState {
    (*stored).into()
}

pub fn held(c: &cheque::Model) -> Held {
    Held {
        date: c.payment_date,
        amount: Money::from_cents(c.amount_cents),
        state: state_of(&c.state),
    }
}

pub async fn of_subscription(
    db: &impl ConnectionTrait,
    subscription_id: i64,
) -> Result<Vec<cheque::Model>, DbErr> {
    cheque::Entity::find()
        .filter(cheque::Column::SubscriptionId.eq(subscription_id))
        .order_by_asc(cheque::Column::PaymentDate)
        .all(db)
        .await
}

pub async fn of_subscriptions(
    db: &impl ConnectionTrait,
    subscription_ids: Vec<i64>,
) -> Result<Vec<cheque::Model>, DbErr> {
    let mut all = Vec::new();
    for chunk in subscription_ids.chunks(500) {
        all.extend(
            cheque::Entity::find()
                .filter(cheque::Column::SubscriptionId.is_in(chunk.to_vec()))
                .order_by_asc(cheque::Column::PaymentDate)
                .all(db)
                .await?,
        );
    }
    Ok(all)
}

pub async fn of_template(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
) -> Result<Vec<cheque::Model>, DbErr> {
    cheque::Entity::find()
        .filter(cheque::Column::TemplateId.eq(template_id.0))
        .order_by_asc(cheque::Column::PaymentDate)
        .order_by_asc(cheque::Column::Id)
        .all(db)
        .await
}

pub async fn find(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
    cheque_id: ChequeId,
) -> Result<Option<cheque::Model>, DbErr> {
    cheque::Entity::find_by_id(cheque_id.0)
        .filter(cheque::Column::TemplateId.eq(template_id.0))
        .one(db)
        .await
}

pub struct NewCheque {
    pub amap_id: i64,
    pub template_id: i64,
    pub subscription_id: i64,
    pub date: NaiveDate,
    pub amount: Money,
}

pub async fn insert(db: &impl ConnectionTrait, new: NewCheque) -> Result<cheque::Model, DbErr> {
    let active = cheque::ActiveModel {
        amap_id: Set(new.amap_id),
        template_id: Set(new.template_id),
        subscription_id: Set(new.subscription_id),
        payment_date: Set(new.date),
        amount_cents: Set(new.amount.cents()),
        state: Set(ChequeState::Promised.into()),
        bank: Set(String::new()),
        number: Set(String::new()),
        drawer: Set(String::new()),
        comment: Set(String::new()),
        remittance_id: Set(None),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    cheque::Entity::insert(active).exec_with_returning(db).await
}

/// Changes an amount only while the cheque is still in one of `states` (checked in the
/// statement itself, so a concurrent reception wins). Returns whether a row changed.
pub async fn set_amount(
    db: &impl ConnectionTrait,
    cheque_id: ChequeId,
    amount: Money,
    states: &[ChequeState],
) -> Result<bool, DbErr> {
    let result = cheque::Entity::update_many()
        .col_expr(cheque::Column::AmountCents, Expr::value(amount.cents()))
        .col_expr(cheque::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(cheque::Column::Id.eq(cheque_id.0))
        .filter(cheque::Column::State.is_in(states.iter().map(|s| s.as_str())))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub struct Written<'a> {
    pub bank: &'a str,
    pub number: &'a str,
    pub drawer: &'a str,
    pub comment: Option<&'a str>,
}

pub async fn set_details(
    db: &impl ConnectionTrait,
    cheque_id: ChequeId,
    written: Written<'_>,
) -> Result<(), DbErr> {
    let mut update = cheque::Entity::update_many()
        .col_expr(cheque::Column::Bank, Expr::value(written.bank))
        .col_expr(cheque::Column::Number, Expr::value(written.number))
        .col_expr(cheque::Column::Drawer, Expr::value(written.drawer))
        .col_expr(cheque::Column::UpdatedAt, Expr::value(Utc::now()));
    if let Some(comment) = written.comment {
        update = update.col_expr(cheque::Column::Comment, Expr::value(comment));
    }
    update
        .filter(cheque::Column::Id.eq(cheque_id.0))
        .filter(cheque::Column::State.ne(ChequeState::Remitted.as_str()))
        .exec(db)
        .await
        .map(|_| ())
}

/// Deletes a cheque that is still only promised; returns whether it did.
pub async fn delete_promised(
    db: &impl ConnectionTrait,
    cheque_id: ChequeId,
) -> Result<bool, DbErr> {
    let result = cheque::Entity::delete_many()
        .filter(cheque::Column::Id.eq(cheque_id.0))
        .filter(cheque::Column::State.eq(ChequeState::Promised.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Moves a cheque from `from` to `to` (promised ⇄ received); false if it was not in `from`.
pub async fn mark(
    db: &impl ConnectionTrait,
    cheque_id: ChequeId,
    from: ChequeState,
    to: ChequeState,
) -> Result<bool, DbErr> {
    let result = cheque::Entity::update_many()
        .col_expr(cheque::Column::State, Expr::value(to.as_str()))
        .col_expr(cheque::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(cheque::Column::Id.eq(cheque_id.0))
        .filter(cheque::Column::State.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Moves every cheque of `ids` from `from` to `to` in one statement, each only if it still is
/// in `from`; returns how many moved (fewer than asked: some changed meanwhile).
pub async fn mark_many(
    db: &impl ConnectionTrait,
    ids: &[ChequeId],
    from: ChequeState,
    to: ChequeState,
) -> Result<u64, DbErr> {
    if ids.is_empty() {
        return Ok(0);
    }
    let result = cheque::Entity::update_many()
        .col_expr(cheque::Column::State, Expr::value(to.as_str()))
        .col_expr(cheque::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(cheque::Column::Id.is_in(ids.iter().map(|id| id.0)))
        .filter(cheque::Column::State.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

pub async fn set_credit(
    db: &impl ConnectionTrait,
    subscription_id: i64,
    credit: Money,
) -> Result<(), DbErr> {
    use crate::db::entities::subscription;
    subscription::Entity::update_many()
        .col_expr(
            subscription::Column::CreditCents,
            Expr::value(credit.cents()),
        )
        .filter(subscription::Column::Id.eq(subscription_id))
        .exec(db)
        .await
        .map(|_| ())
}
