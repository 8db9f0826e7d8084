//! Contract templates with their dates, products, exclusions and stock settings.

use crate::db::entities::{
    contract_template, delivery_date, exclusion, product, stock_conversion, stock_limit, stored,
    subscription, template_product,
};
use app::domain::contract::stock::StockPool;
use app::domain::contract::template::Exclusion;
use app::domain::contract::{
    Conversion, EntryRule, JokerMode, JokerPolicy, Nature, StockLimit, TemplateState,
};
use app::domain::{Money, ProducerId, ProductId, RuleId, TemplateId};
use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;

mod load;
pub use load::*;

pub fn pool_of(template: &contract_template::Model) -> StockPool {
    if template.stock_shared {
        StockPool::Producer(ProducerId(template.producer_id))
    } else {
        StockPool::Template(TemplateId(template.id))
    }
}

pub fn nature_of(stored: &stored::Nature) -> Nature {
    (*stored).into()
}

pub fn state_of(stored: &stored::TemplateState) -> TemplateState {
    (*stored).into()
}

pub fn jokers_of(template: &contract_template::Model) -> JokerPolicy {
    JokerPolicy {
        kind: template.joker_kind.into(),
        min: u32::try_from(template.joker_min).unwrap_or(0),
        max: u32::try_from(template.joker_max).unwrap_or(0),
        mode: match template.joker_days {
            None => JokerMode::AtSignUp,
            Some(days) => JokerMode::UntilDaysBefore(u32::try_from(days).unwrap_or(0)),
        },
    }
}

pub async fn find(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: TemplateId,
) -> Result<Option<contract_template::Model>, DbErr> {
    contract_template::Entity::find_by_id(id.0)
        .filter(contract_template::Column::AmapId.eq(amap_id))
        .one(db)
        .await
}

pub async fn list(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> Result<Vec<contract_template::Model>, DbErr> {
    contract_template::Entity::find()
        .filter(contract_template::Column::AmapId.eq(amap_id))
        .order_by_asc(contract_template::Column::Name)
        .all(db)
        .await
}

pub async fn subscriber_counts(
    db: &impl ConnectionTrait,
    template_ids: Vec<i64>,
) -> Result<HashMap<i64, u32>, DbErr> {
    let mut counts = HashMap::new();
    for s in subscription::Entity::find()
        .filter(subscription::Column::TemplateId.is_in(template_ids))
        .all(db)
        .await?
    {
        *counts.entry(s.template_id).or_insert(0) += 1;
    }
    Ok(counts)
}

pub async fn subscriber_count(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
) -> Result<u64, DbErr> {
    subscription::Entity::find()
        .filter(subscription::Column::TemplateId.eq(template_id.0))
        .count(db)
        .await
}

/// All dates of many templates (for summaries), ascending.
pub async fn dates_of(
    db: &impl ConnectionTrait,
    template_ids: Vec<i64>,
) -> Result<HashMap<i64, Vec<NaiveDate>>, DbErr> {
    let mut by_template: HashMap<i64, Vec<NaiveDate>> = HashMap::new();
    for d in delivery_date::Entity::find()
        .filter(delivery_date::Column::TemplateId.is_in(template_ids))
        .order_by_asc(delivery_date::Column::Date)
        .all(db)
        .await?
    {
        by_template.entry(d.template_id).or_default().push(d.date);
    }
    Ok(by_template)
}

/// What a new template is made of.
pub struct NewTemplate<'a> {
    pub producer_id: i64,
    pub name: &'a str,
    pub description: &'a str,
    pub nature: Nature,
    pub deadline: NaiveDate,
    pub late_joiners: bool,
    pub prepaid_notice_days: u32,
    pub jokers: JokerPolicy,
    pub stock_shared: bool,
}

fn as_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The columns shared by insert and header update.
fn header(t: &NewTemplate<'_>) -> contract_template::ActiveModel {
    use sea_orm::ActiveValue::Set;
    contract_template::ActiveModel {
        name: Set(t.name.to_owned()),
        description: Set(t.description.to_owned()),
        nature: Set(t.nature.into()),
        deadline: Set(t.deadline),
        late_joiners: Set(t.late_joiners),
        prepaid_notice_days: Set(as_i32(t.prepaid_notice_days)),
        joker_kind: Set(t.jokers.kind.into()),
        joker_min: Set(as_i32(t.jokers.min)),
        joker_max: Set(as_i32(t.jokers.max)),
        joker_days: Set(match t.jokers.mode {
            JokerMode::AtSignUp => None,
            JokerMode::UntilDaysBefore(days) => Some(as_i32(days)),
        }),
        stock_shared: Set(t.stock_shared),
        updated_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
}

pub async fn insert(
    db: &impl ConnectionTrait,
    amap_id: i64,
    new: &NewTemplate<'_>,
) -> Result<contract_template::Model, DbErr> {
    use sea_orm::ActiveValue::Set;
    let mut row = header(new);
    row.amap_id = Set(amap_id);
    row.producer_id = Set(new.producer_id);
    row.state = Set(TemplateState::Draft.into());
    row.created_at = Set(chrono::Utc::now());
    contract_template::Entity::insert(row)
        .exec_with_returning(db)
        .await
}

pub async fn update_header(
    db: &impl ConnectionTrait,
    id: TemplateId,
    new: &NewTemplate<'_>,
) -> Result<(), DbErr> {
    use sea_orm::ActiveValue::Set;
    let mut row = header(new);
    row.id = Set(id.0);
    contract_template::Entity::update(row)
        .exec(db)
        .await
        .map(|_| ())
}

/// Takes the template row's write lock (PostgreSQL) before anything is read, so that two
/// edits of one template run one after the other; SQLite's `write_txn` already serialises.
pub async fn lock(db: &impl ConnectionTrait, id: TemplateId) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    contract_template::Entity::update_many()
        .col_expr(
            contract_template::Column::UpdatedAt,
            Expr::value(chrono::Utc::now()),
        )
        .filter(contract_template::Column::Id.eq(id.0))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn set_state(
    db: &impl ConnectionTrait,
    id: TemplateId,
    state: TemplateState,
) -> Result<(), DbErr> {
    use sea_orm::ActiveValue::Set;
    contract_template::Entity::update(contract_template::ActiveModel {
        id: Set(id.0),
        state: Set(state.into()),
        updated_at: Set(chrono::Utc::now()),
        ..Default::default()
    })
    .exec(db)
    .await
    .map(|_| ())
}

pub async fn add_dates(
    db: &impl ConnectionTrait,
    template_id: i64,
    dates: &[NaiveDate],
) -> Result<(), DbErr> {
    use sea_orm::ActiveValue::Set;
    let rows: Vec<delivery_date::ActiveModel> = dates
        .iter()
        .map(|d| delivery_date::ActiveModel {
            template_id: Set(template_id),
            date: Set(*d),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(200) {
        delivery_date::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(())
}

pub async fn add_product(
    db: &impl ConnectionTrait,
    template_id: i64,
    product_id: i64,
    position: i32,
    price: Money,
) -> Result<(), DbErr> {
    use sea_orm::ActiveValue::Set;
    template_product::Entity::insert(template_product::ActiveModel {
        template_id: Set(template_id),
        product_id: Set(product_id),
        position: Set(position),
        price_cents: Set(price.cents()),
        ..Default::default()
    })
    .exec(db)
    .await
    .map(|_| ())
}

/// Members were told the template opened; says whether this call was the first to do it.
pub async fn mark_announced(
    db: &impl ConnectionTrait,
    id: TemplateId,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<bool, DbErr> {
    let done = contract_template::Entity::update_many()
        .col_expr(
            contract_template::Column::AnnouncedAt,
            sea_orm::sea_query::Expr::value(at),
        )
        .filter(contract_template::Column::Id.eq(id.0))
        .filter(contract_template::Column::AnnouncedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn delete(db: &impl ConnectionTrait, id: TemplateId) -> Result<(), DbErr> {
    contract_template::Entity::delete_by_id(id.0)
        .exec(db)
        .await
        .map(|_| ())
}
