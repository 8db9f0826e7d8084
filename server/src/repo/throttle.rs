//! Counted attempts, by key.

use crate::db::entities::throttle;
use app::domain::throttle::Attempts;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbBackend, DbErr, EntityTrait, QuerySelect};

fn attempts_of(row: throttle::Model) -> Attempts {
    Attempts {
        count: u32::try_from(row.attempts).unwrap_or(0),
        since: row.since,
    }
}

fn row_of(key: &str, counted: Attempts) -> throttle::ActiveModel {
    throttle::ActiveModel {
        key: Set(key.to_owned()),
        attempts: Set(i32::try_from(counted.count).unwrap_or(i32::MAX)),
        since: Set(counted.since),
    }
}

pub async fn get(db: &impl ConnectionTrait, key: &str) -> Result<Option<Attempts>, DbErr> {
    Ok(throttle::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(attempts_of))
}

/// The count of `key`, its row locked until the transaction ends (PostgreSQL; SQLite's one
/// writer already is the lock). A first attempt has no row to lock, so an empty count is put
/// first (two first attempts at once then queue on it instead of both counting one).
pub async fn get_locked(
    db: &impl ConnectionTrait,
    key: &str,
    now: DateTime<Utc>,
) -> Result<Option<Attempts>, DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return get(db, key).await;
    }
    let empty = Attempts {
        count: 0,
        since: now,
    };
    throttle::Entity::insert(row_of(key, empty))
        .on_conflict(
            OnConflict::column(throttle::Column::Key)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(throttle::Entity::find_by_id(key.to_owned())
        .lock_exclusive()
        .one(db)
        .await?
        .map(attempts_of))
}

pub async fn put(db: &impl ConnectionTrait, key: &str, counted: Attempts) -> Result<(), DbErr> {
    throttle::Entity::insert(row_of(key, counted))
        .on_conflict(
            OnConflict::column(throttle::Column::Key)
                .update_columns([throttle::Column::Attempts, throttle::Column::Since])
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
