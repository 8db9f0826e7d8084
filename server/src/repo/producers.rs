use crate::db::entities::{app_user, producer, producer_referent, producer_user};
use app::domain::ProducerId;
use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

pub async fn list(db: &impl ConnectionTrait, amap_id: i64) -> Result<Vec<producer::Model>, DbErr> {
    producer::Entity::find()
        .filter(producer::Column::AmapId.eq(amap_id))
        .order_by_asc(producer::Column::Name)
        .all(db)
        .await
}

pub async fn find(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: ProducerId,
) -> Result<Option<producer::Model>, DbErr> {
    producer::Entity::find()
        .filter(producer::Column::AmapId.eq(amap_id))
        .filter(producer::Column::Id.eq(id.0))
        .one(db)
        .await
}

pub async fn find_by_name(
    db: &impl ConnectionTrait,
    amap_id: i64,
    name: &str,
) -> Result<Option<producer::Model>, DbErr> {
    producer::Entity::find()
        .filter(producer::Column::AmapId.eq(amap_id))
        .filter(producer::Column::Name.eq(name))
        .one(db)
        .await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    amap_id: i64,
    name: &str,
    description: &str,
    notice_days: i32,
) -> Result<producer::Model, DbErr> {
    let now = Utc::now();
    producer::Entity::insert(producer::ActiveModel {
        amap_id: Set(amap_id),
        name: Set(name.to_owned()),
        description: Set(description.to_owned()),
        notice_days: Set(notice_days),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(db)
    .await
}

/// All référent links of the AMAP, in référent order.
pub async fn referent_links(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<Vec<producer_referent::Model>, DbErr> {
    producer_referent::Entity::find()
        .filter(producer_referent::Column::AmapId.eq(amap_id))
        .order_by_asc(producer_referent::Column::Position)
        .order_by_asc(producer_referent::Column::Id)
        .all(db)
        .await
}

pub async fn producer_user_links(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<Vec<producer_user::Model>, DbErr> {
    producer_user::Entity::find()
        .filter(producer_user::Column::AmapId.eq(amap_id))
        .all(db)
        .await
}

pub async fn referent_of(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user_id: i64,
) -> Result<Vec<i64>, DbErr> {
    Ok(producer_referent::Entity::find()
        .filter(producer_referent::Column::AmapId.eq(amap_id))
        .filter(producer_referent::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.producer_id)
        .collect())
}

pub async fn producer_of(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user_id: i64,
) -> Result<Vec<i64>, DbErr> {
    Ok(producer_user::Entity::find()
        .filter(producer_user::Column::AmapId.eq(amap_id))
        .filter(producer_user::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.producer_id)
        .collect())
}

/// Every référent link of one person, in every AMAP.
pub async fn referent_links_of_user(
    db: &impl ConnectionTrait,
    user_id: i64,
) -> Result<Vec<producer_referent::Model>, DbErr> {
    producer_referent::Entity::find()
        .filter(producer_referent::Column::UserId.eq(user_id))
        .all(db)
        .await
}

/// Every producer-account link of one person, in every AMAP.
pub async fn producer_links_of_user(
    db: &impl ConnectionTrait,
    user_id: i64,
) -> Result<Vec<producer_user::Model>, DbErr> {
    producer_user::Entity::find()
        .filter(producer_user::Column::UserId.eq(user_id))
        .all(db)
        .await
}

/// Of these producers (of any AMAP), those that let their accounts handle their cheques.
pub async fn handling_cheques_anywhere(
    db: &impl ConnectionTrait,
    ids: Vec<i64>,
) -> Result<Vec<i64>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    producer::Entity::find()
        .select_only()
        .column(producer::Column::Id)
        .filter(producer::Column::Id.is_in(ids))
        .filter(producer::Column::HandlesCheques.eq(true))
        .into_tuple()
        .all(db)
        .await
}

/// Of these producers, those that let their producer accounts handle their cheques.
pub async fn handling_cheques(
    db: &impl ConnectionTrait,
    amap_id: i64,
    ids: &[i64],
) -> Result<Vec<i64>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    producer::Entity::find()
        .select_only()
        .column(producer::Column::Id)
        .filter(producer::Column::AmapId.eq(amap_id))
        .filter(producer::Column::Id.is_in(ids.iter().copied()))
        .filter(producer::Column::HandlesCheques.eq(true))
        .into_tuple()
        .all(db)
        .await
}

/// Makes the person a référent of the producer (last in order); idempotent. The producer's
/// row is locked first, so référents added at once get distinct places (PostgreSQL; SQLite's
/// write transaction already serialises).
pub async fn add_referent(
    db: &impl ConnectionTrait,
    amap_id: i64,
    producer_id: i64,
    user_id: i64,
) -> Result<(), DbErr> {
    producer::Entity::update_many()
        .col_expr(
            producer::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(producer::Column::Id.eq(producer_id))
        .exec(db)
        .await?;
    let position = referent_links(db, amap_id)
        .await?
        .iter()
        .filter(|l| l.producer_id == producer_id)
        .count();
    let now = Utc::now();
    producer_referent::Entity::insert(producer_referent::ActiveModel {
        amap_id: Set(amap_id),
        producer_id: Set(producer_id),
        user_id: Set(user_id),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            producer_referent::Column::ProducerId,
            producer_referent::Column::UserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

pub async fn remove_referent(
    db: &impl ConnectionTrait,
    amap_id: i64,
    producer_id: i64,
    user_id: i64,
) -> Result<(), DbErr> {
    producer_referent::Entity::delete_many()
        .filter(producer_referent::Column::AmapId.eq(amap_id))
        .filter(producer_referent::Column::ProducerId.eq(producer_id))
        .filter(producer_referent::Column::UserId.eq(user_id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn add_producer_user(
    db: &impl ConnectionTrait,
    amap_id: i64,
    producer_id: i64,
    user_id: i64,
) -> Result<(), DbErr> {
    let now = Utc::now();
    producer_user::Entity::insert(producer_user::ActiveModel {
        amap_id: Set(amap_id),
        producer_id: Set(producer_id),
        user_id: Set(user_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            producer_user::Column::ProducerId,
            producer_user::Column::UserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

pub async fn remove_producer_user(
    db: &impl ConnectionTrait,
    amap_id: i64,
    producer_id: i64,
    user_id: i64,
) -> Result<(), DbErr> {
    producer_user::Entity::delete_many()
        .filter(producer_user::Column::AmapId.eq(amap_id))
        .filter(producer_user::Column::ProducerId.eq(producer_id))
        .filter(producer_user::Column::UserId.eq(user_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// The people who refer each producer, keyed by user id, for building views.
pub async fn users_by_id(
    db: &impl ConnectionTrait,
    ids: Vec<i64>,
) -> Result<std::collections::HashMap<i64, app_user::Model>, DbErr> {
    Ok(app_user::Entity::find()
        .filter(app_user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

pub async fn update(
    db: &impl ConnectionTrait,
    id: i64,
    name: &str,
    description: &str,
    notice_days: i32,
    active: bool,
    handles_cheques: bool,
) -> Result<(), DbErr> {
    producer::Entity::update(producer::ActiveModel {
        id: Set(id),
        name: Set(name.to_owned()),
        description: Set(description.to_owned()),
        notice_days: Set(notice_days),
        active: Set(active),
        handles_cheques: Set(handles_cheques),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(db)
    .await
    .map(|_| ())
}
