//! Stock counters: one row per (pool, date, stock product) with `CHECK (used <= capacity)`.
//!
//! A sign-up moves `used` with a conditional `UPDATE … WHERE used + Δ <= capacity`: the
//! database decides, atomically, whether the units are still there, so no interleaving of
//! requests can oversell. Référent changes (limits, dates, products) recount a whole pool.

use crate::db::entities::{contract_template, stock_conversion, stock_counter, stock_limit};
use crate::repo::{subscriptions, templates};
use app::domain::ProductId;
use app::domain::contract::stock::{StockPool, StockUse, consumption};
use app::domain::contract::stock_recount;
use chrono::NaiveDate;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::collections::BTreeMap;

/// A (date, stock product) whose counter refused the units; `left` is what remains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortage {
    pub date: NaiveDate,
    pub product: ProductId,
    pub left: u32,
}

/// Applies `after − before` to the pool's counters. Pairs without a counter are unlimited.
/// Returns the pairs that did not fit (the caller rolls back).
pub async fn take(
    db: &impl ConnectionTrait,
    pool: &StockPool,
    before: &StockUse,
    after: &StockUse,
) -> Result<Vec<Shortage>, DbErr> {
    let mut shortages = Vec::new();
    for ((date, product), delta) in deltas(before, after) {
        let result = stock_counter::Entity::update_many()
            .col_expr(
                stock_counter::Column::Used,
                Expr::col(stock_counter::Column::Used).add(delta),
            )
            .filter(stock_counter::Column::Pool.eq(pool.to_string()))
            .filter(stock_counter::Column::ProductId.eq(product.0))
            .filter(stock_counter::Column::Date.eq(date))
            .filter(
                Expr::col(stock_counter::Column::Used)
                    .add(delta)
                    .lte(Expr::col(stock_counter::Column::Capacity)),
            )
            .exec(db)
            .await?;
        if result.rows_affected == 0
            && let Some(counter) = counter(db, pool, date, product).await?
        {
            shortages.push(Shortage {
                date,
                product,
                left: u32::try_from(counter.capacity - counter.used).unwrap_or(0),
            });
        }
    }
    Ok(shortages)
}

/// The pairs that would not fit, judged on the counters as they are now (no lock): a refusal
/// that needs no turn to write. Only [`take`], in the write, may say the units fit.
pub async fn shortages_now(
    db: &impl ConnectionTrait,
    pool: &StockPool,
    before: &StockUse,
    after: &StockUse,
) -> Result<Vec<Shortage>, DbErr> {
    let wanted: Vec<_> = deltas(before, after).filter(|(_, d)| *d > 0).collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let counters = counters(db, pool).await?;
    Ok(wanted
        .into_iter()
        .filter_map(|((date, product), delta)| {
            let c = counters
                .iter()
                .find(|c| c.date == date && c.product_id == product.0)?;
            (i64::from(c.used) + delta > i64::from(c.capacity)).then(|| Shortage {
                date,
                product,
                left: u32::try_from(c.capacity - c.used).unwrap_or(0),
            })
        })
        .collect())
}

/// What each (date, stock product) moves by from `before` to `after`, the unmoved left out.
fn deltas(
    before: &StockUse,
    after: &StockUse,
) -> impl Iterator<Item = ((NaiveDate, ProductId), i64)> {
    let mut deltas: BTreeMap<(NaiveDate, ProductId), i64> = BTreeMap::new();
    for (key, units) in after {
        *deltas.entry(*key).or_default() += i64::from(*units);
    }
    for (key, units) in before {
        *deltas.entry(*key).or_default() -= i64::from(*units);
    }
    deltas.into_iter().filter(|(_, d)| *d != 0)
}

async fn counter(
    db: &impl ConnectionTrait,
    pool: &StockPool,
    date: NaiveDate,
    product: ProductId,
) -> Result<Option<stock_counter::Model>, DbErr> {
    stock_counter::Entity::find()
        .filter(stock_counter::Column::Pool.eq(pool.to_string()))
        .filter(stock_counter::Column::ProductId.eq(product.0))
        .filter(stock_counter::Column::Date.eq(date))
        .one(db)
        .await
}

pub async fn counters(
    db: &impl ConnectionTrait,
    pool: &StockPool,
) -> Result<Vec<stock_counter::Model>, DbErr> {
    stock_counter::Entity::find()
        .filter(stock_counter::Column::Pool.eq(pool.to_string()))
        .all(db)
        .await
}

/// What every other contract of the pool consumes, given what mine (as stored) consumes.
pub async fn used_by_others(
    db: &impl ConnectionTrait,
    pool: &StockPool,
    mine: &StockUse,
) -> Result<StockUse, DbErr> {
    Ok(counters(db, pool)
        .await?
        .into_iter()
        .map(|c| {
            let key = (c.date, ProductId(c.product_id));
            let used = u32::try_from(c.used).unwrap_or(0);
            (
                key,
                used.saturating_sub(mine.get(&key).copied().unwrap_or(0)),
            )
        })
        .collect())
}

pub use app::domain::contract::stock_recount::Overbooked;

/// Rebuilds the counters of the pool `template` draws from (the domain's `recount`: capacities
/// from the limits, `used` from every contract in the pool). Refuses, returning the pairs,
/// when contracts already exceed a new capacity. Reads the pool's templates together.
pub async fn recount(
    db: &impl ConnectionTrait,
    template: &contract_template::Model,
) -> Result<Vec<Overbooked>, DbErr> {
    let pool = templates::pool_of(template);
    let members: Vec<contract_template::Model> = if template.stock_shared {
        templates::list(db, template.amap_id)
            .await?
            .into_iter()
            .filter(|t| t.producer_id == template.producer_id && t.stock_shared)
            .collect()
    } else {
        vec![template.clone()]
    };
    let limits = templates::stock_limits(db, template).await?;
    let mut dates = Vec::new();
    let mut used = StockUse::new();
    for loaded in templates::load_many(db, members).await? {
        dates.extend(loaded.dates.iter().map(|d| d.date));
        for (_, grid) in subscriptions::of_template_with_grids(db, &loaded).await? {
            for (key, units) in consumption(&grid, &loaded.conversions) {
                *used.entry(key).or_default() += units;
            }
        }
    }
    let counters = match stock_recount::recount(&limits, &dates, &used) {
        Ok(counters) => counters,
        Err(overbooked) => return Ok(overbooked),
    };
    stock_counter::Entity::delete_many()
        .filter(stock_counter::Column::Pool.eq(pool.to_string()))
        .exec(db)
        .await?;
    let rows: Vec<stock_counter::ActiveModel> = counters
        .into_iter()
        .map(|((date, product), counter)| stock_counter::ActiveModel {
            pool: Set(pool.to_string()),
            product_id: Set(product.0),
            date: Set(date),
            capacity: Set(i32::try_from(counter.capacity).unwrap_or(i32::MAX)),
            used: Set(i32::try_from(counter.used).unwrap_or(i32::MAX)),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(200) {
        stock_counter::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(Vec::new())
}

pub async fn drop_pool(db: &impl ConnectionTrait, pool: &StockPool) -> Result<(), DbErr> {
    stock_counter::Entity::delete_many()
        .filter(stock_counter::Column::Pool.eq(pool.to_string()))
        .exec(db)
        .await
        .map(|_| ())
}

/// Sets (replaces) the limit for (product, date) of a template, or of its producer when the
/// template shares its stock.
pub async fn set_limit(
    db: &impl ConnectionTrait,
    template: &contract_template::Model,
    limit: app::domain::contract::StockLimit,
) -> Result<(), DbErr> {
    remove_limit(db, template, limit.product, limit.date).await?;
    stock_limit::Entity::insert(stock_limit::ActiveModel {
        amap_id: Set(template.amap_id),
        producer_id: Set(template.producer_id),
        template_id: Set((!template.stock_shared).then_some(template.id)),
        product_id: Set(limit.product.0),
        date: Set(limit.date),
        available: Set(i32::try_from(limit.available).unwrap_or(i32::MAX)),
        ..Default::default()
    })
    .exec(db)
    .await
    .map(|_| ())
}

pub async fn remove_limit(
    db: &impl ConnectionTrait,
    template: &contract_template::Model,
    product: ProductId,
    date: Option<NaiveDate>,
) -> Result<(), DbErr> {
    let mut delete = stock_limit::Entity::delete_many()
        .filter(stock_limit::Column::ProductId.eq(product.0))
        .filter(stock_limit::Column::ProducerId.eq(template.producer_id));
    delete = if template.stock_shared {
        delete.filter(stock_limit::Column::TemplateId.is_null())
    } else {
        delete.filter(stock_limit::Column::TemplateId.eq(template.id))
    };
    delete = match date {
        Some(date) => delete.filter(stock_limit::Column::Date.eq(date)),
        None => delete.filter(stock_limit::Column::Date.is_null()),
    };
    delete.exec(db).await.map(|_| ())
}

/// Sets how one product consumes another's stock; a coefficient of 0 removes the rule.
pub async fn set_conversion(
    db: &impl ConnectionTrait,
    template_id: i64,
    conversion: app::domain::contract::Conversion,
) -> Result<(), DbErr> {
    stock_conversion::Entity::delete_many()
        .filter(stock_conversion::Column::TemplateId.eq(template_id))
        .filter(stock_conversion::Column::ProductId.eq(conversion.product.0))
        .exec(db)
        .await?;
    if conversion.coefficient == 0 {
        return Ok(());
    }
    stock_conversion::Entity::insert(stock_conversion::ActiveModel {
        template_id: Set(template_id),
        product_id: Set(conversion.product.0),
        stock_product_id: Set(conversion.stock_product.0),
        coefficient: Set(i32::try_from(conversion.coefficient).unwrap_or(i32::MAX)),
        ..Default::default()
    })
    .exec(db)
    .await
    .map(|_| ())
}
