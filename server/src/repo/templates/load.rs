//! A template and everything hanging from it (dates, exclusions, limits, conversions, products, rules), read for one template or many in a fixed number of queries.

use super::*;

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
    let mut rules = crate::repo::rules::of_templates(db, ids).await?;
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
