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
    super::people_changed();
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
    super::people_changed();
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
    super::people_changed();
    if let Some(found) = find_by_email(db, row.email).await? {
        return Ok(found);
    }
    let email = row.email;
    match insert_with_contact(db, row, ContactRow::default()).await? {
        Some(inserted) => Ok(inserted),
        None => find_by_email(db, email)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound(email.to_owned())),
    }
}

/// A new password, and every session and token issued before it ends (the epoch moves on).
pub async fn set_password_and_revoke(
    db: &impl ConnectionTrait,
    id: i64,
    hash: String,
) -> Result<(), DbErr> {
    super::people_changed();
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

/// A person's phones and address, as they keep them up to date (all empty by default).
#[derive(Default)]
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
    super::people_changed();
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

/// The accounts among these e-mail addresses (an import's lines), in batches small enough
/// for any engine's parameter limit.
pub async fn by_emails(
    db: &impl ConnectionTrait,
    emails: &[String],
) -> Result<Vec<app_user::Model>, DbErr> {
    let mut found = Vec::new();
    for batch in emails.chunks(500) {
        found.extend(
            app_user::Entity::find()
                .filter(app_user::Column::Email.is_in(batch.iter().cloned()))
                .all(db)
                .await?,
        );
    }
    Ok(found)
}

/// A new account with its contact details, in one statement (an import writes hundreds);
/// `None` when the address got an account meanwhile.
pub async fn insert_with_contact(
    db: &impl ConnectionTrait,
    row: NewUserRow<'_>,
    contact: ContactRow<'_>,
) -> Result<Option<app_user::Model>, DbErr> {
    super::people_changed();
    let now = Utc::now();
    let inserted = app_user::Entity::insert(app_user::ActiveModel {
        email: Set(row.email.to_owned()),
        first_name: Set(row.first_name.to_owned()),
        last_name: Set(row.last_name.to_owned()),
        password_hash: Set(row.password_hash),
        operator: Set(row.operator),
        phone1: Set(contact.phone1.to_owned()),
        phone2: Set(contact.phone2.to_owned()),
        address: Set(contact.address.to_owned()),
        postcode: Set(contact.postcode.to_owned()),
        town: Set(contact.town.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(app_user::Column::Email)
            .do_nothing()
            .to_owned(),
    )
    // Not `exec_with_returning`: engines disagree on what a skipped insert returns.
    .exec_without_returning(db)
    .await?;
    if inserted == 0 {
        return Ok(None);
    }
    find_by_email(db, row.email).await
}

/// An admin's correction of a person's e-mail and names.
pub async fn set_identity(
    db: &impl ConnectionTrait,
    id: i64,
    email: &str,
    first_name: &str,
    last_name: &str,
) -> Result<(), DbErr> {
    super::people_changed();
    use sea_orm::sea_query::Expr;
    app_user::Entity::update_many()
        .col_expr(app_user::Column::Email, Expr::value(email))
        .col_expr(app_user::Column::FirstName, Expr::value(first_name))
        .col_expr(app_user::Column::LastName, Expr::value(last_name))
        .col_expr(app_user::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(app_user::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Deletes the account when nothing refers to it any more: no AMAP, no contract, no cheque
/// history, no deposit slip, not an operator. Says whether it went.
pub async fn delete_if_unused(db: &impl ConnectionTrait, id: i64) -> Result<bool, DbErr> {
    super::people_changed();
    use crate::db::entities::{cheque_event, membership, payment_plan, remittance, subscription};
    use sea_orm::{Condition, PaginatorTrait};
    let used = membership::Entity::find()
        .filter(membership::Column::UserId.eq(id))
        .count(db)
        .await?
        + subscription::Entity::find()
            .filter(subscription::Column::UserId.eq(id))
            .count(db)
            .await?
        + cheque_event::Entity::find()
            .filter(
                Condition::any()
                    .add(cheque_event::Column::ActorUserId.eq(id))
                    .add(cheque_event::Column::MemberUserId.eq(id)),
            )
            .count(db)
            .await?
        + remittance::Entity::find()
            .filter(remittance::Column::CreatedBy.eq(id))
            .count(db)
            .await?
        + payment_plan::Entity::find()
            .filter(payment_plan::Column::CollectorUserId.eq(id))
            .count(db)
            .await?
        + crate::db::entities::adhesion::Entity::find()
            .filter(crate::db::entities::adhesion::Column::UserId.eq(id))
            .count(db)
            .await?;
    if used > 0 {
        return Ok(false);
    }
    let result = app_user::Entity::delete_many()
        .filter(app_user::Column::Id.eq(id))
        .filter(app_user::Column::Operator.eq(false))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
