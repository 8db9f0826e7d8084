//! The duty rota's tables, always within one AMAP.

use crate::db::entities::stored::{MoveKind, SignUpRule, WindowKind};
use crate::db::entities::{
    contract_template, delivery_date, duty_absence, duty_date, duty_move, duty_participant,
    duty_period, duty_place, duty_role, subscription, subscription_cell,
};
use app::api::rota::RotaRules;
use app::domain::rota::Window;
use app::domain::{DutyDateId, DutyPeriodId, DutyPlaceId, DutyRoleId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, UpdateMany,
};
use std::collections::{BTreeSet, HashMap};

// ---- roles ----

pub async fn roles(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<Vec<duty_role::Model>, DbErr> {
    duty_role::Entity::find()
        .filter(duty_role::Column::AmapId.eq(amap_id))
        .order_by_asc(duty_role::Column::Position)
        .order_by_asc(duty_role::Column::Id)
        .all(db)
        .await
}

pub async fn insert_role(
    db: &impl ConnectionTrait,
    amap_id: i64,
    name: &str,
    now: DateTime<Utc>,
) -> Result<duty_role::Model, DbErr> {
    let last = roles(db, amap_id)
        .await?
        .last()
        .map(|r| r.position)
        .unwrap_or(0);
    duty_role::ActiveModel {
        id: NotSet,
        amap_id: Set(amap_id),
        name: Set(name.to_owned()),
        position: Set(last + 1),
        created_at: Set(now),
    }
    .insert(db)
    .await
}

pub async fn delete_role(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: DutyRoleId,
) -> Result<bool, DbErr> {
    let done = duty_role::Entity::delete_many()
        .filter(duty_role::Column::Id.eq(id.0))
        .filter(duty_role::Column::AmapId.eq(amap_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Places per role, in every period of the AMAP.
pub async fn places_per_role(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<HashMap<i64, u32>, DbErr> {
    let rows: Vec<(i64, i64)> = duty_place::Entity::find()
        .select_only()
        .column(duty_place::Column::RoleId)
        .column_as(duty_place::Column::Id.count(), "places")
        .filter(duty_place::Column::AmapId.eq(amap_id))
        .group_by(duty_place::Column::RoleId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(role, n)| (role, n as u32)).collect())
}

// ---- periods ----

pub async fn periods(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<Vec<duty_period::Model>, DbErr> {
    duty_period::Entity::find()
        .filter(duty_period::Column::AmapId.eq(amap_id))
        .order_by_desc(duty_period::Column::CreatedAt)
        .order_by_desc(duty_period::Column::Id)
        .all(db)
        .await
}

pub async fn period(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: DutyPeriodId,
) -> Result<Option<duty_period::Model>, DbErr> {
    duty_period::Entity::find_by_id(id.0)
        .filter(duty_period::Column::AmapId.eq(amap_id))
        .one(db)
        .await
}

fn rules_fields(rules: &RotaRules) -> duty_period::ActiveModel {
    let (until, days) = match rules.terms.window {
        Window::Until(day) => (Some(day), None),
        Window::DaysBefore(days) => (None, Some(days as i32)),
        Window::Imposed => (None, None),
    };
    duty_period::ActiveModel {
        name: Set(rules.name.clone()),
        description: Set(rules.description.clone()),
        rule: Set(SignUpRule::from(rules.terms.rule)),
        window_kind: Set(WindowKind::from(rules.terms.window.kind())),
        window_until: Set(until),
        window_days: Set(days),
        over_quota: Set(rules.terms.over_quota),
        ..Default::default()
    }
}

pub async fn insert_period(
    db: &impl ConnectionTrait,
    amap_id: i64,
    rules: &RotaRules,
    now: DateTime<Utc>,
) -> Result<duty_period::Model, DbErr> {
    duty_period::ActiveModel {
        id: NotSet,
        amap_id: Set(amap_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..rules_fields(rules)
    }
    .insert(db)
    .await
}

pub async fn update_period(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: DutyPeriodId,
    rules: &RotaRules,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let done = duty_period::Entity::update_many()
        .set(duty_period::ActiveModel {
            updated_at: Set(now),
            ..rules_fields(rules)
        })
        .filter(duty_period::Column::Id.eq(id.0))
        .filter(duty_period::Column::AmapId.eq(amap_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn delete_period(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: DutyPeriodId,
) -> Result<bool, DbErr> {
    let done = duty_period::Entity::delete_many()
        .filter(duty_period::Column::Id.eq(id.0))
        .filter(duty_period::Column::AmapId.eq(amap_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

// ---- dates and places ----

/// Dates of some periods, in order.
pub async fn dates(
    db: &impl ConnectionTrait,
    period_ids: &[i64],
) -> Result<Vec<duty_date::Model>, DbErr> {
    duty_date::Entity::find()
        .filter(duty_date::Column::PeriodId.is_in(period_ids.iter().copied()))
        .order_by_asc(duty_date::Column::Day)
        .all(db)
        .await
}

pub async fn date(
    db: &impl ConnectionTrait,
    period_id: i64,
    id: DutyDateId,
) -> Result<Option<duty_date::Model>, DbErr> {
    duty_date::Entity::find_by_id(id.0)
        .filter(duty_date::Column::PeriodId.eq(period_id))
        .one(db)
        .await
}

/// A new date with `places` places of `role`; the day already in the period is a unique
/// violation.
pub async fn insert_date(
    db: &impl ConnectionTrait,
    amap_id: i64,
    period_id: i64,
    day: NaiveDate,
    places: u32,
    role_id: i64,
) -> Result<duty_date::Model, DbErr> {
    let date = duty_date::ActiveModel {
        id: NotSet,
        amap_id: Set(amap_id),
        period_id: Set(period_id),
        day: Set(day),
    }
    .insert(db)
    .await?;
    let rows = (0..places).map(|position| free_place(&date, role_id, position as i32));
    if places > 0 {
        duty_place::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(date)
}

/// A free place of `role` on `date`, at `position`.
fn free_place(date: &duty_date::Model, role_id: i64, position: i32) -> duty_place::ActiveModel {
    duty_place::ActiveModel {
        id: NotSet,
        amap_id: Set(date.amap_id),
        period_id: Set(date.period_id),
        date_id: Set(date.id),
        role_id: Set(role_id),
        position: Set(position),
        user_id: Set(None),
        exclusive_key: Set(None),
        proposed_user_id: Set(None),
        taken_at: Set(None),
        reminded_at: Set(None),
        offered_at: Set(None),
    }
}

/// One more free place of `role` on `date`, after the others.
pub async fn insert_place(
    db: &impl ConnectionTrait,
    date: &duty_date::Model,
    role_id: i64,
) -> Result<duty_place::Model, DbErr> {
    let last = places_of_date(db, date.id)
        .await?
        .iter()
        .map(|p| p.position)
        .max()
        .unwrap_or(-1);
    free_place(date, role_id, last + 1).insert(db).await
}

/// Removes a place nobody holds: false when it is held (or gone) meanwhile.
pub async fn delete_free_place(
    db: &impl ConnectionTrait,
    period_id: i64,
    place: DutyPlaceId,
) -> Result<bool, DbErr> {
    let done = duty_place::Entity::delete_many()
        .filter(duty_place::Column::Id.eq(place.0))
        .filter(duty_place::Column::PeriodId.eq(period_id))
        .filter(duty_place::Column::UserId.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn delete_date(
    db: &impl ConnectionTrait,
    period_id: i64,
    id: DutyDateId,
) -> Result<bool, DbErr> {
    let done = duty_date::Entity::delete_many()
        .filter(duty_date::Column::Id.eq(id.0))
        .filter(duty_date::Column::PeriodId.eq(period_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Every place of some periods, by date then position.
pub async fn places(
    db: &impl ConnectionTrait,
    period_ids: &[i64],
) -> Result<Vec<duty_place::Model>, DbErr> {
    duty_place::Entity::find()
        .filter(duty_place::Column::PeriodId.is_in(period_ids.iter().copied()))
        .order_by_asc(duty_place::Column::DateId)
        .order_by_asc(duty_place::Column::Position)
        .order_by_asc(duty_place::Column::Id)
        .all(db)
        .await
}

pub async fn places_of_date(
    db: &impl ConnectionTrait,
    date_id: i64,
) -> Result<Vec<duty_place::Model>, DbErr> {
    duty_place::Entity::find()
        .filter(duty_place::Column::DateId.eq(date_id))
        .order_by_asc(duty_place::Column::Position)
        .order_by_asc(duty_place::Column::Id)
        .all(db)
        .await
}

pub async fn place(
    db: &impl ConnectionTrait,
    period_id: i64,
    id: DutyPlaceId,
) -> Result<Option<duty_place::Model>, DbErr> {
    duty_place::Entity::find_by_id(id.0)
        .filter(duty_place::Column::PeriodId.eq(period_id))
        .one(db)
        .await
}

/// The places `user` holds, in every period of the AMAP.
pub async fn held_by(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user: UserId,
) -> Result<Vec<duty_place::Model>, DbErr> {
    duty_place::Entity::find()
        .filter(duty_place::Column::AmapId.eq(amap_id))
        .filter(duty_place::Column::UserId.eq(user.0))
        .all(db)
        .await
}

/// A place's holding starts afresh for `user`: the rule's key, when, and no reminder or
/// offer carried over from the previous holder.
fn held_by_now(
    update: UpdateMany<duty_place::Entity>,
    user: UserId,
    key: &str,
    now: DateTime<Utc>,
) -> UpdateMany<duty_place::Entity> {
    update
        .col_expr(duty_place::Column::UserId, Expr::value(user.0))
        .col_expr(duty_place::Column::ExclusiveKey, Expr::value(key))
        .col_expr(duty_place::Column::TakenAt, Expr::value(now))
        .col_expr(
            duty_place::Column::RemindedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            duty_place::Column::OfferedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
}

/// A place freed: no holder, and nothing of the holding left (key, when, reminder, offer).
fn freed(update: UpdateMany<duty_place::Entity>) -> UpdateMany<duty_place::Entity> {
    update
        .col_expr(duty_place::Column::UserId, Expr::value(Option::<i64>::None))
        .col_expr(
            duty_place::Column::ExclusiveKey,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            duty_place::Column::TakenAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            duty_place::Column::RemindedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            duty_place::Column::OfferedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
}

/// Gives a free place to `user`: a statement conditional on the place still being free, so
/// of two requests for the last place exactly one changes a row. The unique index on
/// (date, user, key) refuses a second duty the rule forbids (a unique violation).
pub async fn take(
    db: &impl ConnectionTrait,
    place: i64,
    user: UserId,
    key: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let done = held_by_now(duty_place::Entity::update_many(), user, key, now)
        .col_expr(
            duty_place::Column::ProposedUserId,
            Expr::value(Option::<i64>::None),
        )
        .filter(duty_place::Column::Id.eq(place))
        .filter(duty_place::Column::UserId.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Frees a place held by `user` (conditional on them still holding it).
pub async fn release(db: &impl ConnectionTrait, place: i64, user: i64) -> Result<bool, DbErr> {
    let done = freed(duty_place::Entity::update_many())
        .filter(duty_place::Column::Id.eq(place))
        .filter(duty_place::Column::UserId.eq(user))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn set_role(db: &impl ConnectionTrait, place: i64, role: i64) -> Result<(), DbErr> {
    duty_place::Entity::update_many()
        .col_expr(duty_place::Column::RoleId, Expr::value(role))
        .filter(duty_place::Column::Id.eq(place))
        .exec(db)
        .await?;
    Ok(())
}

/// Frees every place of a date; returns the places that were held.
pub async fn clear_date(
    db: &impl ConnectionTrait,
    date_id: i64,
) -> Result<Vec<duty_place::Model>, DbErr> {
    let held: Vec<_> = places_of_date(db, date_id)
        .await?
        .into_iter()
        .filter(|p| p.user_id.is_some())
        .collect();
    freed(duty_place::Entity::update_many())
        .col_expr(
            duty_place::Column::ProposedUserId,
            Expr::value(Option::<i64>::None),
        )
        .filter(duty_place::Column::DateId.eq(date_id))
        .exec(db)
        .await?;
    Ok(held)
}

pub async fn propose(
    db: &impl ConnectionTrait,
    place: i64,
    user: Option<i64>,
) -> Result<(), DbErr> {
    duty_place::Entity::update_many()
        .col_expr(duty_place::Column::ProposedUserId, Expr::value(user))
        .filter(duty_place::Column::Id.eq(place))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn clear_proposal(db: &impl ConnectionTrait, period_id: i64) -> Result<u64, DbErr> {
    let done = duty_place::Entity::update_many()
        .col_expr(
            duty_place::Column::ProposedUserId,
            Expr::value(Option::<i64>::None),
        )
        .filter(duty_place::Column::PeriodId.eq(period_id))
        .filter(duty_place::Column::ProposedUserId.is_not_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}

// ---- participants and absences ----

pub async fn participants(
    db: &impl ConnectionTrait,
    period_ids: &[i64],
) -> Result<Vec<duty_participant::Model>, DbErr> {
    duty_participant::Entity::find()
        .filter(duty_participant::Column::PeriodId.is_in(period_ids.iter().copied()))
        .all(db)
        .await
}

/// The member's quota in the period, with the row locked (PostgreSQL: `UPDATE` takes the
/// row lock) so that two sign-ups of one member are counted one after the other.
pub async fn lock_participant(
    db: &impl ConnectionTrait,
    period_id: i64,
    user: UserId,
) -> Result<Option<u32>, DbErr> {
    duty_participant::Entity::update_many()
        .col_expr(
            duty_participant::Column::Quota,
            Expr::col(duty_participant::Column::Quota),
        )
        .filter(duty_participant::Column::PeriodId.eq(period_id))
        .filter(duty_participant::Column::UserId.eq(user.0))
        .exec(db)
        .await?;
    Ok(duty_participant::Entity::find()
        .filter(duty_participant::Column::PeriodId.eq(period_id))
        .filter(duty_participant::Column::UserId.eq(user.0))
        .one(db)
        .await?
        .map(|p| p.quota.max(0) as u32))
}

/// Adds the members with `quota`, or sets the quota of those already in.
pub async fn upsert_participants(
    db: &impl ConnectionTrait,
    amap_id: i64,
    period_id: i64,
    users: &[i64],
    quota: u32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let existing: BTreeSet<i64> = participants(db, &[period_id])
        .await?
        .into_iter()
        .map(|p| p.user_id)
        .collect();
    let (known, new): (Vec<i64>, Vec<i64>) = users.iter().partition(|u| existing.contains(u));
    if !known.is_empty() {
        duty_participant::Entity::update_many()
            .col_expr(duty_participant::Column::Quota, Expr::value(quota as i32))
            .filter(duty_participant::Column::PeriodId.eq(period_id))
            .filter(duty_participant::Column::UserId.is_in(known))
            .exec(db)
            .await?;
    }
    for chunk in new.chunks(500) {
        duty_participant::Entity::insert_many(chunk.iter().map(|user| {
            duty_participant::ActiveModel {
                id: NotSet,
                amap_id: Set(amap_id),
                period_id: Set(period_id),
                user_id: Set(*user),
                quota: Set(quota as i32),
                created_at: Set(now),
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

pub async fn delete_participant(
    db: &impl ConnectionTrait,
    period_id: i64,
    user: UserId,
) -> Result<bool, DbErr> {
    let done = duty_participant::Entity::delete_many()
        .filter(duty_participant::Column::PeriodId.eq(period_id))
        .filter(duty_participant::Column::UserId.eq(user.0))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// The dates each of `users` cannot do between two days.
pub async fn absences(
    db: &impl ConnectionTrait,
    amap_id: i64,
    users: Option<&[i64]>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<duty_absence::Model>, DbErr> {
    let mut query = duty_absence::Entity::find()
        .filter(duty_absence::Column::AmapId.eq(amap_id))
        .filter(duty_absence::Column::Day.between(from, to));
    if let Some(users) = users {
        query = query.filter(duty_absence::Column::UserId.is_in(users.iter().copied()));
    }
    query.all(db).await
}

/// Replaces the member's absences among `days` by `absent`.
pub async fn set_absences(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user: UserId,
    days: &[NaiveDate],
    absent: &BTreeSet<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    duty_absence::Entity::delete_many()
        .filter(duty_absence::Column::AmapId.eq(amap_id))
        .filter(duty_absence::Column::UserId.eq(user.0))
        .filter(duty_absence::Column::Day.is_in(days.iter().copied()))
        .exec(db)
        .await?;
    if !absent.is_empty() {
        duty_absence::Entity::insert_many(absent.iter().map(|day| duty_absence::ActiveModel {
            id: NotSet,
            amap_id: Set(amap_id),
            user_id: Set(user.0),
            day: Set(*day),
            created_at: Set(now),
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Who collects a basket on which day between two days (a non-zero cell of a contract).
pub async fn collectors(
    db: &impl ConnectionTrait,
    amap_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BTreeSet<(i64, NaiveDate)>, DbErr> {
    let templates: Vec<i64> = contract_template::Entity::find()
        .select_only()
        .column(contract_template::Column::Id)
        .filter(contract_template::Column::AmapId.eq(amap_id))
        .into_tuple()
        .all(db)
        .await?;
    let days: HashMap<i64, NaiveDate> = delivery_date::Entity::find()
        .filter(delivery_date::Column::TemplateId.is_in(templates))
        .filter(delivery_date::Column::Date.between(from, to))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.date))
        .collect();
    if days.is_empty() {
        return Ok(BTreeSet::new());
    }
    let cells: Vec<(i64, i64)> = subscription_cell::Entity::find()
        .select_only()
        .column(subscription_cell::Column::SubscriptionId)
        .column(subscription_cell::Column::DeliveryDateId)
        .filter(subscription_cell::Column::DeliveryDateId.is_in(days.keys().copied()))
        .filter(subscription_cell::Column::Qty.gt(0))
        .into_tuple()
        .all(db)
        .await?;
    let owners: HashMap<i64, i64> = subscription::Entity::find()
        .filter(subscription::Column::AmapId.eq(amap_id))
        .filter(Condition::all().add(
            subscription::Column::Id.is_in(cells.iter().map(|(s, _)| *s).collect::<BTreeSet<_>>()),
        ))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.user_id))
        .collect();
    Ok(cells
        .into_iter()
        .filter_map(|(sub, date)| Some((*owners.get(&sub)?, *days.get(&date)?)))
        .collect())
}

/// A template's delivery dates between two days (the dates of a new period).
pub async fn delivery_days(
    db: &impl ConnectionTrait,
    template_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<NaiveDate>, DbErr> {
    Ok(delivery_date::Entity::find()
        .filter(delivery_date::Column::TemplateId.eq(template_id))
        .filter(delivery_date::Column::Date.between(from, to))
        .order_by_asc(delivery_date::Column::Date)
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.date)
        .collect())
}

// ---- history ----

pub struct Move<'a> {
    pub amap_id: i64,
    pub period_id: i64,
    pub place_id: Option<i64>,
    pub day: NaiveDate,
    pub role_name: &'a str,
    pub kind: app::domain::rota::MoveKind,
    pub actor: Option<i64>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub at: DateTime<Utc>,
}

pub async fn record(db: &impl ConnectionTrait, m: Move<'_>) -> Result<(), DbErr> {
    duty_move::ActiveModel {
        id: NotSet,
        amap_id: Set(m.amap_id),
        period_id: Set(m.period_id),
        place_id: Set(m.place_id),
        day: Set(m.day),
        role_name: Set(m.role_name.to_owned()),
        kind: Set(MoveKind::from(m.kind)),
        actor_id: Set(m.actor),
        from_user_id: Set(m.from),
        to_user_id: Set(m.to),
        at: Set(m.at),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A period's history, newest first.
pub async fn moves(
    db: &impl ConnectionTrait,
    amap_id: i64,
    period_id: i64,
) -> Result<Vec<duty_move::Model>, DbErr> {
    duty_move::Entity::find()
        .filter(duty_move::Column::AmapId.eq(amap_id))
        .filter(duty_move::Column::PeriodId.eq(period_id))
        .order_by_desc(duty_move::Column::At)
        .order_by_desc(duty_move::Column::Id)
        .all(db)
        .await
}

pub async fn count_moves(db: &impl ConnectionTrait, period_id: i64) -> Result<u64, DbErr> {
    duty_move::Entity::find()
        .filter(duty_move::Column::PeriodId.eq(period_id))
        .count(db)
        .await
}

/// Who holds a place on `day`, in any period of the AMAP.
pub async fn holders_on(
    db: &impl ConnectionTrait,
    amap_id: i64,
    day: NaiveDate,
) -> Result<Vec<i64>, DbErr> {
    let dates: Vec<i64> = dates_between(db, amap_id, day, day)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect();
    Ok(places_of_dates(db, &dates)
        .await?
        .into_iter()
        .filter_map(|p| p.user_id)
        .collect())
}

// ---- reminders ----

/// The dates of an AMAP between two days (inclusive), every period.
pub async fn dates_between(
    db: &impl ConnectionTrait,
    amap_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<duty_date::Model>, DbErr> {
    duty_date::Entity::find()
        .filter(duty_date::Column::AmapId.eq(amap_id))
        .filter(duty_date::Column::Day.between(from, to))
        .order_by_asc(duty_date::Column::Day)
        .order_by_asc(duty_date::Column::Id)
        .all(db)
        .await
}

/// Every place of some dates, by date then position.
pub async fn places_of_dates(
    db: &impl ConnectionTrait,
    date_ids: &[i64],
) -> Result<Vec<duty_place::Model>, DbErr> {
    duty_place::Entity::find()
        .filter(duty_place::Column::DateId.is_in(date_ids.iter().copied()))
        .order_by_asc(duty_place::Column::DateId)
        .order_by_asc(duty_place::Column::Position)
        .order_by_asc(duty_place::Column::Id)
        .all(db)
        .await
}

/// Claims a place's reminder for its holder: true for exactly one caller while `user` holds
/// the place and no reminder left for this holding (taking a place again resets it).
pub async fn claim_reminder(
    db: &impl ConnectionTrait,
    place: i64,
    user: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let done = duty_place::Entity::update_many()
        .col_expr(duty_place::Column::RemindedAt, Expr::value(now))
        .filter(duty_place::Column::Id.eq(place))
        .filter(duty_place::Column::UserId.eq(user))
        .filter(duty_place::Column::RemindedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

// ---- stand-ins ----

/// Offers (or, with `None`, withdraws the offer of) a place `user` holds; false when they no
/// longer hold it.
pub async fn set_offer(
    db: &impl ConnectionTrait,
    place: i64,
    user: i64,
    at: Option<DateTime<Utc>>,
) -> Result<bool, DbErr> {
    let done = duty_place::Entity::update_many()
        .col_expr(duty_place::Column::OfferedAt, Expr::value(at))
        .filter(duty_place::Column::Id.eq(place))
        .filter(duty_place::Column::UserId.eq(user))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Hands an offered place from `from` to `to`: conditional on `from` still holding it and
/// the offer still standing, so of two members accepting at once exactly one changes the row;
/// the unique index refuses a second duty the rule forbids (a unique violation).
pub async fn accept_offer(
    db: &impl ConnectionTrait,
    place: i64,
    from: i64,
    to: UserId,
    key: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let done = held_by_now(duty_place::Entity::update_many(), to, key, now)
        .filter(duty_place::Column::Id.eq(place))
        .filter(duty_place::Column::UserId.eq(from))
        .filter(duty_place::Column::OfferedAt.is_not_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// The places on offer in some periods.
pub async fn offered(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<Vec<duty_place::Model>, DbErr> {
    duty_place::Entity::find()
        .filter(duty_place::Column::AmapId.eq(amap_id))
        .filter(duty_place::Column::OfferedAt.is_not_null())
        .filter(duty_place::Column::UserId.is_not_null())
        .order_by_asc(duty_place::Column::DateId)
        .all(db)
        .await
}
