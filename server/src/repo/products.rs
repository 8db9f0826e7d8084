//! A producer's catalogue.

use crate::db::entities::product;
use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

pub async fn of_producer(
    db: &impl ConnectionTrait,
    amap_id: i64,
    producer_id: i64,
) -> Result<Vec<product::Model>, DbErr> {
    product::Entity::find()
        .filter(product::Column::AmapId.eq(amap_id))
        .filter(product::Column::ProducerId.eq(producer_id))
        .order_by_asc(product::Column::Name)
        .all(db)
        .await
}

pub async fn find(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: i64,
) -> Result<Option<product::Model>, DbErr> {
    product::Entity::find_by_id(id)
        .filter(product::Column::AmapId.eq(amap_id))
        .one(db)
        .await
}

pub struct NewProduct<'a> {
    pub name: &'a str,
    pub packaging: &'a str,
    pub description: &'a str,
    pub active: bool,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    amap_id: i64,
    producer_id: i64,
    new: NewProduct<'_>,
) -> Result<product::Model, DbErr> {
    let now = Utc::now();
    product::Entity::insert(product::ActiveModel {
        amap_id: Set(amap_id),
        producer_id: Set(producer_id),
        name: Set(new.name.to_owned()),
        packaging: Set(new.packaging.to_owned()),
        description: Set(new.description.to_owned()),
        active: Set(new.active),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(db)
    .await
}

pub async fn update(
    db: &impl ConnectionTrait,
    existing: product::Model,
    new: NewProduct<'_>,
) -> Result<product::Model, DbErr> {
    product::Entity::update(product::ActiveModel {
        id: Set(existing.id),
        name: Set(new.name.to_owned()),
        packaging: Set(new.packaging.to_owned()),
        description: Set(new.description.to_owned()),
        active: Set(new.active),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(db)
    .await
}
