//! Payment plans, cheques, deposit slips and the cheque audit trail.

use crate::db::entities::{cheque, cheque_event, payment_plan, remittance, stored};
use app::domain::payment::{ChequeEvent, ChequeState, Held};
use app::domain::{ChequeId, Money, RemittanceId, TemplateId};
use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

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

pub async fn plan(
    db: &impl ConnectionTrait,
    template_id: i64,
) -> Result<Option<payment_plan::Model>, DbErr> {
    payment_plan::Entity::find_by_id(template_id).one(db).await
}

pub async fn plans(
    db: &impl ConnectionTrait,
    template_ids: Vec<i64>,
) -> Result<Vec<payment_plan::Model>, DbErr> {
    payment_plan::Entity::find()
        .filter(payment_plan::Column::TemplateId.is_in(template_ids))
        .all(db)
        .await
}

/// Every deposit slip of many templates.
pub async fn remittances_of(
    db: &impl ConnectionTrait,
    template_ids: Vec<i64>,
) -> Result<Vec<remittance::Model>, DbErr> {
    remittance::Entity::find()
        .filter(remittance::Column::TemplateId.is_in(template_ids))
        .order_by_asc(remittance::Column::PaymentDate)
        .all(db)
        .await
}

pub async fn save_plan(db: &impl ConnectionTrait, row: payment_plan::Model) -> Result<(), DbErr> {
    let active = payment_plan::ActiveModel {
        template_id: Set(row.template_id),
        amap_id: Set(row.amap_id),
        strategy: Set(row.strategy),
        payee: Set(row.payee),
        hand_in_by: Set(row.hand_in_by),
        minimum_cents: Set(row.minimum_cents),
        collector_user_id: Set(row.collector_user_id),
        message: Set(row.message),
    };
    payment_plan::Entity::insert(active)
        .on_conflict(
            OnConflict::column(payment_plan::Column::TemplateId)
                .update_columns([
                    payment_plan::Column::Strategy,
                    payment_plan::Column::Payee,
                    payment_plan::Column::HandInBy,
                    payment_plan::Column::MinimumCents,
                    payment_plan::Column::CollectorUserId,
                    payment_plan::Column::Message,
                ])
                .to_owned(),
        )
        .exec(db)
        .await
        .map(|_| ())
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

pub async fn remittances(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
) -> Result<Vec<remittance::Model>, DbErr> {
    remittance::Entity::find()
        .filter(remittance::Column::TemplateId.eq(template_id.0))
        .order_by_asc(remittance::Column::PaymentDate)
        .all(db)
        .await
}

pub async fn remittance(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
    remittance_id: RemittanceId,
) -> Result<Option<remittance::Model>, DbErr> {
    remittance::Entity::find_by_id(remittance_id.0)
        .filter(remittance::Column::TemplateId.eq(template_id.0))
        .one(db)
        .await
}

pub async fn in_remittance(
    db: &impl ConnectionTrait,
    remittance_id: RemittanceId,
) -> Result<Vec<cheque::Model>, DbErr> {
    cheque::Entity::find()
        .filter(cheque::Column::RemittanceId.eq(remittance_id.0))
        .order_by_asc(cheque::Column::Id)
        .all(db)
        .await
}

pub struct NewRemittance {
    pub amap_id: i64,
    pub template_id: i64,
    pub payment_date: NaiveDate,
    pub handed_on: NaiveDate,
    pub total: Money,
    pub count: i32,
    pub created_by: i64,
}

/// Inserts the slip; the unique index on (template, payment date) refuses a second one.
pub async fn insert_remittance(
    db: &impl ConnectionTrait,
    new: NewRemittance,
) -> Result<remittance::Model, DbErr> {
    remittance::Entity::insert(remittance::ActiveModel {
        amap_id: Set(new.amap_id),
        template_id: Set(new.template_id),
        payment_date: Set(new.payment_date),
        handed_on: Set(new.handed_on),
        total_cents: Set(new.total.cents()),
        cheque_count: Set(new.count),
        created_by: Set(new.created_by),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec_with_returning(db)
    .await
}

/// Puts every received cheque of the date into the slip; returns how many moved.
pub async fn remit_date(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
    date: NaiveDate,
    remittance_id: RemittanceId,
) -> Result<u64, DbErr> {
    let result = cheque::Entity::update_many()
        .col_expr(
            cheque::Column::State,
            Expr::value(ChequeState::Remitted.as_str()),
        )
        .col_expr(cheque::Column::RemittanceId, Expr::value(remittance_id.0))
        .col_expr(cheque::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(cheque::Column::TemplateId.eq(template_id.0))
        .filter(cheque::Column::PaymentDate.eq(date))
        .filter(cheque::Column::State.eq(ChequeState::Received.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Gives the slip's cheques back to the AMAP and deletes the slip.
pub async fn undo_remittance(
    db: &impl ConnectionTrait,
    remittance_id: RemittanceId,
) -> Result<(), DbErr> {
    cheque::Entity::update_many()
        .col_expr(
            cheque::Column::State,
            Expr::value(ChequeState::Received.as_str()),
        )
        .col_expr(
            cheque::Column::RemittanceId,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(cheque::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(cheque::Column::RemittanceId.eq(remittance_id.0))
        .exec(db)
        .await?;
    remittance::Entity::delete_by_id(remittance_id.0)
        .exec(db)
        .await
        .map(|_| ())
}

/// One line for the audit trail.
pub struct Event {
    pub amap_id: i64,
    pub template_id: i64,
    pub subscription_id: Option<i64>,
    pub member_user_id: Option<i64>,
    pub cheque_id: Option<i64>,
    pub actor: i64,
    pub action: ChequeEvent,
    pub from: Option<ChequeState>,
    pub to: Option<ChequeState>,
    pub date: Option<NaiveDate>,
    pub amount: Money,
}

impl Event {
    /// A cheque's line in the trail: `from` → `to` (the same state for a change of amount),
    /// with the cheque's date and amount. `owners` maps contracts to their members.
    pub fn of_cheque(
        c: &cheque::Model,
        owners: &HashMap<i64, i64>,
        actor: i64,
        action: ChequeEvent,
        (from, to): (Option<ChequeState>, Option<ChequeState>),
    ) -> Self {
        Event {
            amap_id: c.amap_id,
            template_id: c.template_id,
            subscription_id: Some(c.subscription_id),
            member_user_id: owners.get(&c.subscription_id).copied(),
            cheque_id: Some(c.id),
            actor,
            action,
            from,
            to,
            date: Some(c.payment_date),
            amount: Money::from_cents(c.amount_cents),
        }
    }
}

/// The member of each contract of a template, for the audit trail.
pub async fn owners(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
) -> Result<HashMap<i64, i64>, DbErr> {
    Ok(super::subscriptions::of_template(db, template_id)
        .await?
        .into_iter()
        .map(|s| (s.id, s.user_id))
        .collect())
}

pub async fn record(db: &impl ConnectionTrait, events: Vec<Event>) -> Result<(), DbErr> {
    if events.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let rows = events.into_iter().map(|e| cheque_event::ActiveModel {
        amap_id: Set(e.amap_id),
        template_id: Set(e.template_id),
        subscription_id: Set(e.subscription_id),
        cheque_id: Set(e.cheque_id),
        member_user_id: Set(e.member_user_id),
        actor_user_id: Set(e.actor),
        at: Set(now),
        action: Set(e.action.into()),
        from_state: Set(e.from.map(Into::into)),
        to_state: Set(e.to.map(Into::into)),
        payment_date: Set(e.date),
        amount_cents: Set(e.amount.cents()),
        ..Default::default()
    });
    cheque_event::Entity::insert_many(rows)
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn events(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
) -> Result<Vec<cheque_event::Model>, DbErr> {
    cheque_event::Entity::find()
        .filter(cheque_event::Column::TemplateId.eq(template_id.0))
        .order_by_desc(cheque_event::Column::Id)
        .all(db)
        .await
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
