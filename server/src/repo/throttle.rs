//! Counted attempts, by key.

use crate::db::entities::throttle;
use app::domain::throttle::Attempts;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};

pub async fn get(db: &impl ConnectionTrait, key: &str) -> Result<Option<Attempts>, DbErr> {
    Ok(throttle::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(|row| Attempts {
            count: u32::try_from(row.attempts).unwrap_or(0),
            since: row.since,
        }))
}

pub async fn put(db: &impl ConnectionTrait, key: &str, counted: Attempts) -> Result<(), DbErr> {
    throttle::Entity::insert(throttle::ActiveModel {
        key: Set(key.to_owned()),
        attempts: Set(i32::try_from(counted.count).unwrap_or(i32::MAX)),
        since: Set(counted.since),
    })
    .on_conflict(
        OnConflict::column(throttle::Column::Key)
            .update_columns([throttle::Column::Attempts, throttle::Column::Since])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Puts `counted` unless `key` already has a count.
pub async fn put_if_absent(
    db: &impl ConnectionTrait,
    key: &str,
    counted: Attempts,
) -> Result<(), DbErr> {
    throttle::Entity::insert(throttle::ActiveModel {
        key: Set(key.to_owned()),
        attempts: Set(i32::try_from(counted.count).unwrap_or(i32::MAX)),
        since: Set(counted.since),
    })
    .on_conflict(
        OnConflict::column(throttle::Column::Key)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

pub async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    throttle::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}
