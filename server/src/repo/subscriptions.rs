//! Members' contracts: the subscription row, its non-zero cells and its jokers.

use crate::db::entities::{subscription, subscription_cell, subscription_joker};
use app::domain::contract::{JokerChoice, Quantities};
use app::domain::{ProductId, TemplateId, UserId};
use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

pub async fn find(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
    user_id: UserId,
) -> Result<Option<subscription::Model>, DbErr> {
    subscription::Entity::find()
        .filter(subscription::Column::TemplateId.eq(template_id.0))
        .filter(subscription::Column::UserId.eq(user_id.0))
        .one(db)
        .await
}

pub async fn of_template(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
) -> Result<Vec<subscription::Model>, DbErr> {
    subscription::Entity::find()
        .filter(subscription::Column::TemplateId.eq(template_id.0))
        .order_by_asc(subscription::Column::Id)
        .all(db)
        .await
}

pub async fn of_user(
    db: &impl ConnectionTrait,
    amap_id: i64,
    user_id: UserId,
) -> Result<Vec<subscription::Model>, DbErr> {
    subscription::Entity::find()
        .filter(subscription::Column::AmapId.eq(amap_id))
        .filter(subscription::Column::UserId.eq(user_id.0))
        .all(db)
        .await
}

/// Grids of many subscriptions at once, dates resolved through `dates`.
pub async fn grids(
    db: &impl ConnectionTrait,
    subscription_ids: Vec<i64>,
    dates: &HashMap<i64, NaiveDate>,
) -> Result<HashMap<i64, Quantities>, DbErr> {
    let mut grids: HashMap<i64, Quantities> = HashMap::new();
    for chunk in subscription_ids.chunks(500) {
        for cell in subscription_cell::Entity::find()
            .filter(subscription_cell::Column::SubscriptionId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if let Some(date) = dates.get(&cell.delivery_date_id) {
                grids.entry(cell.subscription_id).or_default().set(
                    *date,
                    ProductId(cell.product_id),
                    u32::try_from(cell.qty).unwrap_or(0),
                );
            }
        }
    }
    Ok(grids)
}

pub async fn grid(
    db: &impl ConnectionTrait,
    subscription_id: i64,
    dates: &HashMap<i64, NaiveDate>,
) -> Result<Quantities, DbErr> {
    Ok(grids(db, vec![subscription_id], dates)
        .await?
        .remove(&subscription_id)
        .unwrap_or_default())
}

pub async fn jokers(
    db: &impl ConnectionTrait,
    subscription_id: i64,
    dates: &HashMap<i64, NaiveDate>,
) -> Result<Vec<JokerChoice>, DbErr> {
    let mut jokers: Vec<JokerChoice> = subscription_joker::Entity::find()
        .filter(subscription_joker::Column::SubscriptionId.eq(subscription_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|j| {
            Some(JokerChoice {
                date: *dates.get(&j.delivery_date_id)?,
                to: j.target_date_id.and_then(|t| dates.get(&t).copied()),
            })
        })
        .collect();
    jokers.sort();
    Ok(jokers)
}

/// Creates the subscription row; a concurrent duplicate fails on the unique index.
pub async fn insert(
    db: &impl ConnectionTrait,
    amap_id: i64,
    template_id: i64,
    user_id: i64,
    late: bool,
    by_referent: bool,
) -> Result<subscription::Model, DbErr> {
    let now = Utc::now();
    subscription::Entity::insert(subscription::ActiveModel {
        amap_id: Set(amap_id),
        template_id: Set(template_id),
        user_id: Set(user_id),
        late: Set(late),
        edited_by_referent: Set(by_referent),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(db)
    .await
}

/// Marks the row as changed. Run first in a save's transaction, it also takes the row's write
/// lock, so two saves of one contract cannot interleave.
pub async fn touch(
    db: &impl ConnectionTrait,
    subscription_id: i64,
    by_referent: bool,
) -> Result<(), DbErr> {
    let mut update = subscription::Entity::update_many()
        .col_expr(subscription::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(subscription::Column::Id.eq(subscription_id));
    if by_referent {
        update = update.col_expr(subscription::Column::EditedByReferent, Expr::value(true));
    }
    update.exec(db).await.map(|_| ())
}

/// Replaces the cells and jokers of a subscription.
pub async fn replace_content(
    db: &impl ConnectionTrait,
    subscription_id: i64,
    grid: &Quantities,
    jokers: &[JokerChoice],
    date_id: impl Fn(NaiveDate) -> Option<i64>,
) -> Result<(), DbErr> {
    subscription_cell::Entity::delete_many()
        .filter(subscription_cell::Column::SubscriptionId.eq(subscription_id))
        .exec(db)
        .await?;
    subscription_joker::Entity::delete_many()
        .filter(subscription_joker::Column::SubscriptionId.eq(subscription_id))
        .exec(db)
        .await?;
    insert_content(db, subscription_id, grid, jokers, date_id).await
}

/// Writes the cells and jokers of a contract that has none yet.
pub async fn insert_content(
    db: &impl ConnectionTrait,
    subscription_id: i64,
    grid: &Quantities,
    jokers: &[JokerChoice],
    date_id: impl Fn(NaiveDate) -> Option<i64>,
) -> Result<(), DbErr> {
    let cells: Vec<subscription_cell::ActiveModel> = grid
        .cells()
        .filter_map(|c| {
            Some(subscription_cell::ActiveModel {
                subscription_id: Set(subscription_id),
                delivery_date_id: Set(date_id(c.date)?),
                product_id: Set(c.product.0),
                qty: Set(i32::try_from(c.qty).ok()?),
                ..Default::default()
            })
        })
        .collect();
    if !cells.is_empty() {
        subscription_cell::Entity::insert_many(cells)
            .exec(db)
            .await?;
    }
    let jokers: Vec<subscription_joker::ActiveModel> = jokers
        .iter()
        .filter_map(|j| {
            Some(subscription_joker::ActiveModel {
                subscription_id: Set(subscription_id),
                delivery_date_id: Set(date_id(j.date)?),
                target_date_id: Set(j.to.and_then(&date_id)),
                ..Default::default()
            })
        })
        .collect();
    if !jokers.is_empty() {
        subscription_joker::Entity::insert_many(jokers)
            .exec(db)
            .await?;
    }
    Ok(())
}

pub async fn delete(db: &impl ConnectionTrait, subscription_id: i64) -> Result<(), DbErr> {
    subscription::Entity::delete_by_id(subscription_id)
        .exec(db)
        .await
        .map(|_| ())
}

/// Every contract of a template with its grid, in two queries (contracts with no cell get an
/// empty grid).
pub async fn of_template_with_grids(
    db: &impl ConnectionTrait,
    loaded: &super::templates::Loaded,
) -> Result<Vec<(subscription::Model, Quantities)>, DbErr> {
    let subs = of_template(db, TemplateId(loaded.template.id)).await?;
    let mut grids = grids(
        db,
        subs.iter().map(|s| s.id).collect(),
        &loaded.dates_by_id(),
    )
    .await?;
    Ok(subs
        .into_iter()
        .map(|s| {
            let grid = grids.remove(&s.id).unwrap_or_default();
            (s, grid)
        })
        .collect())
}
