use crate::db::entities::app_user;
use app::domain::UserId;
use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

pub struct NewUserRow<'a> {
    pub email: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub password_hash: Option<String>,
    pub operator: bool,
}

pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<app_user::Model>, DbErr> {
    app_user::Entity::find()
        .filter(app_user::Column::Email.eq(email))
        .one(db)
        .await
}

pub async fn find(db: &impl ConnectionTrait, id: UserId) -> Result<Option<app_user::Model>, DbErr> {
    app_user::Entity::find_by_id(id.0).one(db).await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    row: NewUserRow<'_>,
) -> Result<app_user::Model, DbErr> {
    let now = Utc::now();
    app_user::Entity::insert(app_user::ActiveModel {
        email: Set(row.email.to_owned()),
        first_name: Set(row.first_name.to_owned()),
        last_name: Set(row.last_name.to_owned()),
        password_hash: Set(row.password_hash),
        operator: Set(row.operator),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(db)
    .await
}

pub async fn set_password_hash(
    db: &impl ConnectionTrait,
    id: i64,
    hash: String,
) -> Result<(), DbErr> {
    app_user::Entity::update_many()
        .col_expr(
            app_user::Column::PasswordHash,
            sea_orm::sea_query::Expr::value(hash),
        )
        .col_expr(
            app_user::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(app_user::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// The account with this e-mail, created from `row` when there is none. Two requests creating
/// the same account at once get the same one: the insert does nothing when the other landed
/// first, and the read that follows sees it.
pub async fn find_or_insert(
    db: &impl ConnectionTrait,
    row: NewUserRow<'_>,
) -> Result<app_user::Model, DbErr> {
    if let Some(found) = find_by_email(db, row.email).await? {
        return Ok(found);
    }
    let now = Utc::now();
    app_user::Entity::insert(app_user::ActiveModel {
        email: Set(row.email.to_owned()),
        first_name: Set(row.first_name.to_owned()),
        last_name: Set(row.last_name.to_owned()),
        password_hash: Set(row.password_hash),
        operator: Set(row.operator),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(app_user::Column::Email)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    find_by_email(db, row.email)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(row.email.to_owned()))
}

/// A new password, and every session and token issued before it ends (the epoch moves on).
pub async fn set_password_and_revoke(
    db: &impl ConnectionTrait,
    id: i64,
    hash: String,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::{Expr, ExprTrait};
    app_user::Entity::update_many()
        .col_expr(app_user::Column::PasswordHash, Expr::value(hash))
        .col_expr(
            app_user::Column::TokenEpoch,
            Expr::col(app_user::Column::TokenEpoch).add(1),
        )
        .col_expr(app_user::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(app_user::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// "Log out everywhere": every session and token issued so far ends.
pub async fn revoke_sessions(db: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    use sea_orm::sea_query::{Expr, ExprTrait};
    app_user::Entity::update_many()
        .col_expr(
            app_user::Column::TokenEpoch,
            Expr::col(app_user::Column::TokenEpoch).add(1),
        )
        .filter(app_user::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// A person's phones and address, as they keep them up to date.
pub struct ContactRow<'a> {
    pub phone1: &'a str,
    pub phone2: &'a str,
    pub address: &'a str,
    pub postcode: &'a str,
    pub town: &'a str,
}

pub async fn set_contact(
    db: &impl ConnectionTrait,
    id: i64,
    contact: ContactRow<'_>,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    app_user::Entity::update_many()
        .col_expr(app_user::Column::Phone1, Expr::value(contact.phone1))
        .col_expr(app_user::Column::Phone2, Expr::value(contact.phone2))
        .col_expr(app_user::Column::Address, Expr::value(contact.address))
        .col_expr(app_user::Column::Postcode, Expr::value(contact.postcode))
        .col_expr(app_user::Column::Town, Expr::value(contact.town))
        .col_expr(app_user::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(app_user::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}
