use crate::collation::sort_by_name;
use crate::db::entities::{app_user, membership};
use app::domain::UserId;
use chrono::Utc;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

pub async fn find(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user_id: UserId,
) -> Result<Option<membership::Model>, DbErr> {
    membership::Entity::find()
        .filter(membership::Column::AmapId.eq(amap_id))
        .filter(membership::Column::UserId.eq(user_id.0))
        .one(db)
        .await
}

/// Adds the person to the AMAP (active) unless already there; idempotent under concurrency.
/// Says whether this call added them (the database decides, so two concurrent calls never
/// both think they did).
pub async fn ensure(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user_id: UserId,
) -> Result<bool, DbErr> {
    super::people_changed();
    let now = Utc::now();
    membership::Entity::insert(membership::ActiveModel {
        amap_id: Set(amap_id),
        user_id: Set(user_id.0),
        active: Set(true),
        admin: Set(false),
        treasurer: Set(false),
        coordinator: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([membership::Column::AmapId, membership::Column::UserId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|rows| rows == 1)
}

/// Which membership flag to change.
#[derive(Clone, Copy, Debug)]
pub enum Flag {
    Active,
    Admin,
    Treasurer,
    Coordinator,
}

/// Sets one flag; returns false when the person is not a member of this AMAP.
pub async fn set_flag(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user_id: UserId,
    flag: Flag,
    value: bool,
) -> Result<bool, DbErr> {
    super::people_changed();
    let column = match flag {
        Flag::Active => membership::Column::Active,
        Flag::Admin => membership::Column::Admin,
        Flag::Treasurer => membership::Column::Treasurer,
        Flag::Coordinator => membership::Column::Coordinator,
    };
    let result = membership::Entity::update_many()
        .col_expr(column, Expr::value(value))
        .col_expr(membership::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(membership::Column::AmapId.eq(amap_id))
        .filter(membership::Column::UserId.eq(user_id.0))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn has_active(db: &impl ConnectionTrait, user_id: i64) -> Result<bool, DbErr> {
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .filter(membership::Column::Active.eq(true))
        .one(db)
        .await?
        .is_some())
}

/// Every member of the AMAP (active or not) with their account, by last then first name.
pub async fn list_with_users(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<Vec<(membership::Model, app_user::Model)>, DbErr> {
    let mut memberships: std::collections::HashMap<i64, membership::Model> =
        membership::Entity::find()
            .filter(membership::Column::AmapId.eq(amap_id))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.user_id, m))
            .collect();
    // The accounts through a subquery, not a list of a thousand bound ids.
    let members = sea_orm::sea_query::Query::select()
        .column(membership::Column::UserId)
        .from(membership::Entity)
        .and_where(membership::Column::AmapId.eq(amap_id))
        .to_owned();
    let users = app_user::Entity::find()
        .filter(app_user::Column::Id.in_subquery(members))
        .all(db)
        .await?;
    let mut listed: Vec<_> = users
        .into_iter()
        .filter_map(|u| memberships.remove(&u.id).map(|m| (m, u)))
        .collect();
    // In French order whatever the engine's collation (see `collation`).
    sort_by_name(&mut listed, |(_, u)| (&u.last_name, &u.first_name));
    Ok(listed)
}

/// How many AMAPs this person belongs to (an account shared by several is its owner's to
/// change).
pub async fn count_of_user(db: &impl ConnectionTrait, user_id: i64) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .count(db)
        .await
}

/// Takes the person out of the AMAP; false when they were not in it.
pub async fn delete(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user_id: UserId,
) -> Result<bool, DbErr> {
    super::people_changed();
    let result = membership::Entity::delete_many()
        .filter(membership::Column::AmapId.eq(amap_id))
        .filter(membership::Column::UserId.eq(user_id.0))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// How many of these people belong to the AMAP (a selection naming a stranger is refused).
pub async fn count_among(
    db: &impl ConnectionTrait,
    amap_id: i64,
    users: &[UserId],
) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    membership::Entity::find()
        .filter(membership::Column::AmapId.eq(amap_id))
        .filter(membership::Column::UserId.is_in(users.iter().map(|u| u.0)))
        .count(db)
        .await
}

/// Deactivates these members in one statement; how many were active.
pub async fn deactivate_all(
    db: &impl ConnectionTrait,
    amap_id: i64,
    users: &[UserId],
) -> Result<u64, DbErr> {
    super::people_changed();
    let done = membership::Entity::update_many()
        .col_expr(membership::Column::Active, Expr::value(false))
        .col_expr(membership::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(membership::Column::AmapId.eq(amap_id))
        .filter(membership::Column::UserId.is_in(users.iter().map(|u| u.0)))
        .filter(membership::Column::Active.eq(true))
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}

/// The mails this membership's person chose to receive.
pub fn mail_choices(row: &membership::Model) -> app::domain::mail::MailChoices {
    app::domain::mail::MailChoices {
        openings: row.mail_openings,
        confirmations: row.mail_confirmations,
        delivery_sheets: row.mail_delivery_sheets,
    }
}

/// Stores a member's mail choices; false when they are not a member here.
pub async fn set_mail_choices(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user_id: UserId,
    choices: app::domain::mail::MailChoices,
) -> Result<bool, DbErr> {
    super::people_changed();
    let done = membership::Entity::update_many()
        .col_expr(
            membership::Column::MailOpenings,
            Expr::value(choices.openings),
        )
        .col_expr(
            membership::Column::MailConfirmations,
            Expr::value(choices.confirmations),
        )
        .col_expr(
            membership::Column::MailDeliverySheets,
            Expr::value(choices.delivery_sheets),
        )
        .col_expr(membership::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(membership::Column::AmapId.eq(amap_id))
        .filter(membership::Column::UserId.eq(user_id.0))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Of these people, the ones whose membership here wants mails of `kind`.
pub async fn wanting(
    db: &impl ConnectionTrait,
    amap_id: i64,
    users: Vec<i64>,
    kind: app::domain::mail::MailKind,
) -> Result<std::collections::BTreeSet<i64>, DbErr> {
    Ok(membership::Entity::find()
        .filter(membership::Column::AmapId.eq(amap_id))
        .filter(membership::Column::UserId.is_in(users))
        .all(db)
        .await?
        .into_iter()
        .filter(|m| mail_choices(m).wants(kind))
        .map(|m| m.user_id)
        .collect())
}

/// How many active members the AMAP has.
pub async fn count_active(db: &impl ConnectionTrait, amap_id: i64) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    membership::Entity::find()
        .filter(membership::Column::AmapId.eq(amap_id))
        .filter(membership::Column::Active.eq(true))
        .count(db)
        .await
}

/// The AMAP's rota coordinators: active members given the role, else its active admins (who
/// coordinate when nobody has the role).
pub async fn coordinators(db: &impl ConnectionTrait, amap_id: i64) -> Result<Vec<i64>, DbErr> {
    let active = membership::Entity::find()
        .filter(membership::Column::AmapId.eq(amap_id))
        .filter(membership::Column::Active.eq(true))
        .all(db)
        .await?;
    let named: Vec<i64> = active
        .iter()
        .filter(|m| m.coordinator)
        .map(|m| m.user_id)
        .collect();
    Ok(if named.is_empty() {
        active
            .iter()
            .filter(|m| m.admin)
            .map(|m| m.user_id)
            .collect()
    } else {
        named
    })
}
