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

/// A template and everything hanging from it, read in one go.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub template: contract_template::Model,
    /// Ascending by date.
    pub dates: Vec<delivery_date::Model>,
    /// Column order.
    pub products: Vec<(template_product::Model, product::Model)>,
    pub exclusions: Vec<Exclusion>,
    pub limits: Vec<StockLimit>,
    pub conversions: Vec<Conversion>,
    /// Entry rules in order, with their ids.
    pub rules: Vec<(RuleId, EntryRule)>,
}

impl Loaded {
    pub fn date_id(&self, date: NaiveDate) -> Option<i64> {
        self.dates.iter().find(|d| d.date == date).map(|d| d.id)
    }

    pub fn dates_by_id(&self) -> HashMap<i64, NaiveDate> {
        self.dates.iter().map(|d| (d.id, d.date)).collect()
    }

    pub fn price_of(&self, product: ProductId) -> Option<Money> {
        self.products
            .iter()
            .find(|(tp, _)| tp.product_id == product.0)
            .map(|(tp, _)| Money::from_cents(tp.price_cents))
    }

    /// The stock pool this template draws from.
    pub fn pool(&self) -> StockPool {
        pool_of(&self.template)
    }
}

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

pub async fn load(
    db: &impl ConnectionTrait,
    template: contract_template::Model,
) -> Result<Loaded, DbErr> {
    let mut all = load_many(db, vec![template]).await?;
    all.pop()
        .ok_or_else(|| DbErr::RecordNotFound("template".into()))
}

/// Many templates with everything hanging from them, in seven queries whatever their number
/// (a member's pages read every template they hold a contract on).
pub async fn load_many(
    db: &impl ConnectionTrait,
    templates: Vec<contract_template::Model>,
) -> Result<Vec<Loaded>, DbErr> {
    let ids: Vec<i64> = templates.iter().map(|t| t.id).collect();
    let mut dates: HashMap<i64, Vec<delivery_date::Model>> = HashMap::new();
    for d in delivery_date::Entity::find()
        .filter(delivery_date::Column::TemplateId.is_in(ids.clone()))
        .order_by_asc(delivery_date::Column::Date)
        .all(db)
        .await?
    {
        dates.entry(d.template_id).or_default().push(d);
    }
    let mut exclusions: HashMap<i64, Vec<exclusion::Model>> = HashMap::new();
    for e in exclusion::Entity::find()
        .filter(exclusion::Column::TemplateId.is_in(ids.clone()))
        .all(db)
        .await?
    {
        exclusions.entry(e.template_id).or_default().push(e);
    }
    let limits = stock_limits_of(db, &templates).await?;
    let mut conversions: HashMap<i64, Vec<Conversion>> = HashMap::new();
    for c in stock_conversion::Entity::find()
        .filter(stock_conversion::Column::TemplateId.is_in(ids.clone()))
        .all(db)
        .await?
    {
        conversions
            .entry(c.template_id)
            .or_default()
            .push(Conversion {
                product: ProductId(c.product_id),
                stock_product: ProductId(c.stock_product_id),
                coefficient: u32::try_from(c.coefficient).unwrap_or(0),
            });
    }
    let mut products = products_of_many(db, ids.clone()).await?;
    let mut rules = super::rules::of_templates(db, ids).await?;
    Ok(templates
        .into_iter()
        .map(|template| {
            let id = template.id;
            let dates = dates.remove(&id).unwrap_or_default();
            let by_date: HashMap<i64, NaiveDate> = dates.iter().map(|d| (d.id, d.date)).collect();
            let mut exclusions: Vec<Exclusion> = exclusions
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|e| {
                    Some(Exclusion {
                        date: *by_date.get(&e.delivery_date_id)?,
                        product: e.product_id.map(ProductId),
                    })
                })
                .collect();
            exclusions.sort();
            Loaded {
                limits: limits_for(&limits, &template),
                conversions: conversions.remove(&id).unwrap_or_default(),
                products: products.remove(&id).unwrap_or_default(),
                rules: rules.remove(&id).unwrap_or_default(),
                template,
                dates,
                exclusions,
            }
        })
        .collect())
}

/// Many templates by id (those of another AMAP are the caller's business to filter out).
pub async fn by_ids(
    db: &impl ConnectionTrait,
    ids: Vec<i64>,
) -> Result<HashMap<i64, contract_template::Model>, DbErr> {
    Ok(contract_template::Entity::find()
        .filter(contract_template::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect())
}

/// The template's products in column order, with their catalogue entries.
pub async fn products_of(
    db: &impl ConnectionTrait,
    template_id: i64,
) -> Result<Vec<(template_product::Model, product::Model)>, DbErr> {
    Ok(products_of_many(db, vec![template_id])
        .await?
        .remove(&template_id)
        .unwrap_or_default())
}

type TemplateProducts = Vec<(template_product::Model, product::Model)>;

async fn products_of_many(
    db: &impl ConnectionTrait,
    template_ids: Vec<i64>,
) -> Result<HashMap<i64, TemplateProducts>, DbErr> {
    let rows = template_product::Entity::find()
        .filter(template_product::Column::TemplateId.is_in(template_ids))
        .order_by_asc(template_product::Column::Position)
        .order_by_asc(template_product::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.product_id).collect();
    let catalogue: HashMap<i64, product::Model> = product::Entity::find()
        .filter(product::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut by_template: HashMap<i64, TemplateProducts> = HashMap::new();
    for r in rows {
        if let Some(p) = catalogue.get(&r.product_id) {
            by_template
                .entry(r.template_id)
                .or_default()
                .push((r, p.clone()));
        }
    }
    Ok(by_template)
}

/// The limits that apply to a template: its own, or the producer's shared ones.
pub async fn stock_limits(
    db: &impl ConnectionTrait,
    template: &contract_template::Model,
) -> Result<Vec<StockLimit>, DbErr> {
    let rows = stock_limits_of(db, std::slice::from_ref(template)).await?;
    Ok(limits_for(&rows, template))
}

/// Every limit row that may apply to one of `templates`, in one query.
async fn stock_limits_of(
    db: &impl ConnectionTrait,
    templates: &[contract_template::Model],
) -> Result<Vec<stock_limit::Model>, DbErr> {
    use sea_orm::Condition;
    let own: Vec<i64> = templates
        .iter()
        .filter(|t| !t.stock_shared)
        .map(|t| t.id)
        .collect();
    let shared: Vec<i64> = templates
        .iter()
        .filter(|t| t.stock_shared)
        .map(|t| t.producer_id)
        .collect();
    stock_limit::Entity::find()
        .filter(
            Condition::any()
                .add(stock_limit::Column::TemplateId.is_in(own))
                .add(
                    Condition::all()
                        .add(stock_limit::Column::ProducerId.is_in(shared))
                        .add(stock_limit::Column::TemplateId.is_null()),
                ),
        )
        .all(db)
        .await
}

fn limits_for(rows: &[stock_limit::Model], template: &contract_template::Model) -> Vec<StockLimit> {
    rows.iter()
        .filter(|l| {
            if template.stock_shared {
                l.producer_id == template.producer_id && l.template_id.is_none()
            } else {
                l.template_id == Some(template.id)
            }
        })
        .map(|l| StockLimit {
            product: ProductId(l.product_id),
            date: l.date,
            available: u32::try_from(l.available).unwrap_or(0),
        })
        .collect()
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

pub async fn delete(db: &impl ConnectionTrait, id: TemplateId) -> Result<(), DbErr> {
    contract_template::Entity::delete_by_id(id.0)
        .exec(db)
        .await
        .map(|_| ())
}
