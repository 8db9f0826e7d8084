//! Templates' payment plans.

use super::*;

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
