//! Membership periods and memberships, always within one AMAP.

use crate::db::entities::stored::{AdhesionState, Enrolment, PaymentKind};
use crate::db::entities::{adhesion, adhesion_period, contract_template};
use app::api::adhesions::{AdhesionEntry, PeriodInput};
use app::domain::{AdhesionId, Money, PeriodId, UserId};
use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::collections::HashMap;

/// The AMAP's periods, the latest first.
pub async fn periods(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<Vec<adhesion_period::Model>, DbErr> {
    adhesion_period::Entity::find()
        .filter(adhesion_period::Column::AmapId.eq(amap_id))
        .order_by_desc(adhesion_period::Column::StartsOn)
        .order_by_asc(adhesion_period::Column::Id)
        .all(db)
        .await
}

pub async fn period(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: PeriodId,
) -> Result<Option<adhesion_period::Model>, DbErr> {
    adhesion_period::Entity::find_by_id(id.0)
        .filter(adhesion_period::Column::AmapId.eq(amap_id))
        .one(db)
        .await
}

fn period_fields(input: &PeriodInput) -> adhesion_period::ActiveModel {
    adhesion_period::ActiveModel {
        name: Set(input.name.clone()),
        starts_on: Set(input.terms.starts_on),
        ends_on: Set(input.terms.ends_on),
        minimum_cents: Set(input.terms.minimum.cents()),
        suggested_cents: Set(input.terms.suggested.cents()),
        enrolment: Set(Enrolment::from(input.terms.enrolment)),
        payment_text: Set(input.payment_text.clone()),
        ..Default::default()
    }
}

/// A new period; a name the AMAP already uses is a unique violation.
pub async fn insert_period(
    db: &impl ConnectionTrait,
    amap_id: i64,
    input: &PeriodInput,
    now: DateTime<Utc>,
) -> Result<adhesion_period::Model, DbErr> {
    adhesion_period::ActiveModel {
        id: NotSet,
        amap_id: Set(amap_id),
        created_at: Set(now),
        ..period_fields(input)
    }
    .insert(db)
    .await
}

/// Rewrites a period; false when it is not the AMAP's.
pub async fn update_period(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: PeriodId,
    input: &PeriodInput,
) -> Result<bool, DbErr> {
    let done = adhesion_period::Entity::update_many()
        .set(period_fields(input))
        .filter(adhesion_period::Column::Id.eq(id.0))
        .filter(adhesion_period::Column::AmapId.eq(amap_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn delete_period(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: PeriodId,
) -> Result<bool, DbErr> {
    let done = adhesion_period::Entity::delete_many()
        .filter(adhesion_period::Column::Id.eq(id.0))
        .filter(adhesion_period::Column::AmapId.eq(amap_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// How many templates of the AMAP require each period.
pub async fn requiring_templates(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<HashMap<i64, u32>, DbErr> {
    let mut counts = HashMap::new();
    for template in contract_template::Entity::find()
        .filter(contract_template::Column::AmapId.eq(amap_id))
        .filter(contract_template::Column::AdhesionPeriodId.is_not_null())
        .all(db)
        .await?
    {
        if let Some(period) = template.adhesion_period_id {
            *counts.entry(period).or_insert(0) += 1;
        }
    }
    Ok(counts)
}

/// Every membership of the AMAP, or of one period.
pub async fn of_amap(
    db: &impl ConnectionTrait,
    amap_id: i64,
    period: Option<PeriodId>,
) -> Result<Vec<adhesion::Model>, DbErr> {
    let mut query = adhesion::Entity::find().filter(adhesion::Column::AmapId.eq(amap_id));
    if let Some(period) = period {
        query = query.filter(adhesion::Column::PeriodId.eq(period.0));
    }
    query.order_by_asc(adhesion::Column::Id).all(db).await
}

/// One member's memberships in the AMAP.
pub async fn of_member(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user: UserId,
) -> Result<Vec<adhesion::Model>, DbErr> {
    adhesion::Entity::find()
        .filter(adhesion::Column::AmapId.eq(amap_id))
        .filter(adhesion::Column::UserId.eq(user.0))
        .all(db)
        .await
}

pub async fn find(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: AdhesionId,
) -> Result<Option<adhesion::Model>, DbErr> {
    adhesion::Entity::find_by_id(id.0)
        .filter(adhesion::Column::AmapId.eq(amap_id))
        .one(db)
        .await
}

pub async fn find_of(
    db: &impl ConnectionTrait,
    amap_id: i64,
    period: PeriodId,
    user: UserId,
) -> Result<Option<adhesion::Model>, DbErr> {
    adhesion::Entity::find()
        .filter(adhesion::Column::AmapId.eq(amap_id))
        .filter(adhesion::Column::PeriodId.eq(period.0))
        .filter(adhesion::Column::UserId.eq(user.0))
        .one(db)
        .await
}

/// A new membership; a second one for the same member and period is a unique violation.
pub async fn insert(
    db: &impl ConnectionTrait,
    amap_id: i64,
    period: PeriodId,
    user: UserId,
    entry: &AdhesionEntry,
    now: DateTime<Utc>,
) -> Result<adhesion::Model, DbErr> {
    adhesion::ActiveModel {
        id: NotSet,
        amap_id: Set(amap_id),
        period_id: Set(period.0),
        user_id: Set(user.0),
        amount_cents: Set(entry.amount.cents()),
        state: Set(AdhesionState::from(entry.state)),
        payment_kind: Set(entry.payment_kind.map(PaymentKind::from)),
        received_on: Set(entry.received_on),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

/// Rewrites a membership's payment; false when it is not the AMAP's.
pub async fn update(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: AdhesionId,
    entry: &AdhesionEntry,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let done = adhesion::Entity::update_many()
        .col_expr(
            adhesion::Column::AmountCents,
            Expr::value(entry.amount.cents()),
        )
        .col_expr(
            adhesion::Column::State,
            Expr::value(AdhesionState::from(entry.state)),
        )
        .col_expr(
            adhesion::Column::PaymentKind,
            Expr::value(entry.payment_kind.map(PaymentKind::from)),
        )
        .col_expr(adhesion::Column::ReceivedOn, Expr::value(entry.received_on))
        .col_expr(adhesion::Column::UpdatedAt, Expr::value(now))
        .filter(adhesion::Column::Id.eq(id.0))
        .filter(adhesion::Column::AmapId.eq(amap_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// A member's own amount, only while still to provide: the condition is in the statement, so
/// a treasurer cashing it meanwhile wins and the member is told (false).
pub async fn set_own_amount(
    db: &impl ConnectionTrait,
    id: i64,
    amount: Money,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let done = adhesion::Entity::update_many()
        .col_expr(adhesion::Column::AmountCents, Expr::value(amount.cents()))
        .col_expr(adhesion::Column::UpdatedAt, Expr::value(now))
        .filter(adhesion::Column::Id.eq(id))
        .filter(adhesion::Column::State.eq(AdhesionState::ToProvide))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Deletes a membership; `only_uncashed`: the member's own withdrawal, which a cashed one
/// refuses in the same statement.
pub async fn delete(
    db: &impl ConnectionTrait,
    id: i64,
    only_uncashed: bool,
) -> Result<bool, DbErr> {
    let mut query = adhesion::Entity::delete_many().filter(adhesion::Column::Id.eq(id));
    if only_uncashed {
        query = query.filter(adhesion::Column::State.eq(AdhesionState::ToProvide));
    }
    Ok(query.exec(db).await?.rows_affected == 1)
}

pub async fn count_of_period(db: &impl ConnectionTrait, period: PeriodId) -> Result<u64, DbErr> {
    adhesion::Entity::find()
        .filter(adhesion::Column::PeriodId.eq(period.0))
        .count(db)
        .await
}

/// How many memberships this person has in the AMAP (a member with some is not deleted).
pub async fn count_of_member(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user: UserId,
) -> Result<u64, DbErr> {
    adhesion::Entity::find()
        .filter(adhesion::Column::AmapId.eq(amap_id))
        .filter(adhesion::Column::UserId.eq(user.0))
        .count(db)
        .await
}

/// The period a template requires (within the AMAP), or none.
pub async fn set_requirement(
    db: &impl ConnectionTrait,
    template_id: i64,
    period: Option<PeriodId>,
) -> Result<(), DbErr> {
    contract_template::Entity::update_many()
        .col_expr(
            contract_template::Column::AdhesionPeriodId,
            Expr::value(period.map(|p| p.0)),
        )
        .filter(contract_template::Column::Id.eq(template_id))
        .exec(db)
        .await
        .map(|_| ())
}
