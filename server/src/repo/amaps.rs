use crate::db::entities::{amap, membership};
use app::api::amaps::AmapSettings;
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;

pub struct NewAmapRow<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub city: &'a str,
    pub time_zone: &'a str,
    pub membership_fee_cents: i64,
}

pub async fn find_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> Result<Option<amap::Model>, DbErr> {
    amap::Entity::find()
        .filter(amap::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn list_all(db: &impl ConnectionTrait) -> Result<Vec<amap::Model>, DbErr> {
    amap::Entity::find()
        .order_by_asc(amap::Column::Name)
        .all(db)
        .await
}

/// The AMAPs where this person has an active membership, with that membership.
pub async fn list_active_for_user(
    db: &impl ConnectionTrait,
    user_id: i64,
) -> Result<Vec<(membership::Model, amap::Model)>, DbErr> {
    let mut memberships: HashMap<i64, membership::Model> = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .filter(membership::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.amap_id, m))
        .collect();
    let amaps = amap::Entity::find()
        .filter(amap::Column::Id.is_in(memberships.keys().copied().collect::<Vec<_>>()))
        .order_by_asc(amap::Column::Name)
        .all(db)
        .await?;
    Ok(amaps
        .into_iter()
        .filter_map(|a| memberships.remove(&a.id).map(|m| (m, a)))
        .collect())
}

/// Writes an AMAP's settings; returns the row as stored.
pub async fn update_settings(
    db: &impl ConnectionTrait,
    amap_id: i64,
    settings: &AmapSettings,
) -> Result<amap::Model, DbErr> {
    amap::Entity::update(amap::ActiveModel {
        id: Set(amap_id),
        name: Set(settings.name.as_str().to_owned()),
        city: Set(settings.city.as_str().to_owned()),
        time_zone: Set(settings.time_zone.clone()),
        distribution_place: Set(settings.distribution_place.clone()),
        distribution_hours: Set(settings.distribution_hours.clone()),
        duty_reminder_days: match settings.duty_reminder_days {
            Some(days) => Set(days as i32),
            None => sea_orm::ActiveValue::NotSet,
        },
        swap_close_days: match settings.swap_close_days {
            Some(days) => Set(days as i32),
            None => sea_orm::ActiveValue::NotSet,
        },
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(db)
    .await
}

pub async fn insert(db: &impl ConnectionTrait, row: NewAmapRow<'_>) -> Result<amap::Model, DbErr> {
    let now = Utc::now();
    amap::Entity::insert(amap::ActiveModel {
        slug: Set(row.slug.to_owned()),
        name: Set(row.name.to_owned()),
        city: Set(row.city.to_owned()),
        time_zone: Set(row.time_zone.to_owned()),
        membership_fee_cents: Set(row.membership_fee_cents),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(db)
    .await
}
