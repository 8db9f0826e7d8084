//! Members' calendar feeds: the secret each feed's address holds.

use crate::db::entities::calendar_feed;
use app::domain::UserId;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

/// 256 random bits, URL-safe (43 characters): guessing one is hopeless.
fn new_token() -> String {
    URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
}

pub async fn by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<calendar_feed::Model>, DbErr> {
    calendar_feed::Entity::find()
        .filter(calendar_feed::Column::Token.eq(token))
        .one(db)
        .await
}

async fn of_member(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user: UserId,
) -> Result<Option<calendar_feed::Model>, DbErr> {
    calendar_feed::Entity::find()
        .filter(calendar_feed::Column::AmapId.eq(amap_id))
        .filter(calendar_feed::Column::UserId.eq(user.0))
        .one(db)
        .await
}

/// The member's feed, made the first time it is asked for. Two tabs asking at once agree
/// on one: the insert does nothing when the row appeared meanwhile.
pub async fn get_or_create(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<calendar_feed::Model, DbErr> {
    if let Some(feed) = of_member(db, amap_id, user).await? {
        return Ok(feed);
    }
    calendar_feed::Entity::insert(calendar_feed::ActiveModel {
        amap_id: Set(amap_id),
        user_id: Set(user.0),
        token: Set(new_token()),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([calendar_feed::Column::AmapId, calendar_feed::Column::UserId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    of_member(db, amap_id, user)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("calendar_feed".to_owned()))
}

/// A new secret for the member's feed: the old address stops working at once.
pub async fn reset(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<calendar_feed::Model, DbErr> {
    let feed = get_or_create(db, amap_id, user, now).await?;
    calendar_feed::Entity::update_many()
        .col_expr(calendar_feed::Column::Token, Expr::value(new_token()))
        .col_expr(calendar_feed::Column::CreatedAt, Expr::value(now))
        .filter(calendar_feed::Column::Id.eq(feed.id))
        .exec(db)
        .await?;
    of_member(db, amap_id, user)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("calendar_feed".to_owned()))
}
