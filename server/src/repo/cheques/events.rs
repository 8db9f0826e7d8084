//! The cheque audit trail.

use super::*;

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
    Ok(crate::repo::subscriptions::of_template(db, template_id)
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
