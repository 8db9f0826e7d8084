//! Deposit slips and the cheques they hold.

use super::*;

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
