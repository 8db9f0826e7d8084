//! Single-use account links. The secret goes into the mail; the table keeps its SHA-256, so
//! reading the database opens no account.

use crate::db::entities::{account_token, stored};
use app::domain::UserId;
use app::domain::mail::TokenPurpose;
use base64::Engine;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

/// The stored form of a link's secret.
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A new link for `user`: returns the secret to put in the mail (32 random bytes, URL-safe).
pub async fn issue(
    db: &impl ConnectionTrait,
    user: UserId,
    purpose: TokenPurpose,
    new_email: Option<String>,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let secret =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>());
    account_token::Entity::insert(account_token::ActiveModel {
        user_id: Set(user.0),
        purpose: Set(purpose.into()),
        token_hash: Set(digest(&secret)),
        new_email: Set(new_email),
        expires_at: Set(now + purpose.lifetime()),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(secret)
}

/// The link behind `secret`, if it exists, is unused and has not expired.
pub async fn find_usable(
    db: &impl ConnectionTrait,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<Option<account_token::Model>, DbErr> {
    account_token::Entity::find()
        .filter(account_token::Column::TokenHash.eq(digest(secret)))
        .filter(account_token::Column::UsedAt.is_null())
        .filter(account_token::Column::ExpiresAt.gt(now))
        .one(db)
        .await
}

/// Uses the link: `false` when another request used it first (the update decides).
pub async fn use_once(
    db: &impl ConnectionTrait,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let done = account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::Id.eq(id))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Ends every other unused link of `user` that would set a password (a new password makes
/// older reset and invitation mails worthless).
pub async fn retire_password_links(
    db: &impl ConnectionTrait,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::UserId.eq(user.0))
        .filter(account_token::Column::UsedAt.is_null())
        .filter(account_token::Column::Purpose.is_in([
            stored::TokenPurpose::Invitation,
            stored::TokenPurpose::PasswordReset,
        ]))
        .exec(db)
        .await?;
    Ok(())
}

/// Every link of the account still unused ends: after its e-mail address changed, a link
/// mailed to the old address must not open the account.
pub async fn retire_all_links(
    db: &impl ConnectionTrait,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::UserId.eq(user.0))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
