//! Creating a whole template in one call (demo season, tests, benchmarks): the same
//! repository writes the API uses, in one transaction.

use crate::repo::{self, stock, templates::NewTemplate};
use app::domain::contract::{
    Conversion, EntryRule, JokerPolicy, Nature, StockLimit, TemplateState,
};
use app::domain::{Money, TemplateId};
use chrono::NaiveDate;
use sea_orm::{DatabaseConnection, DbErr};

pub struct TemplateSpec<'a> {
    pub producer_id: i64,
    pub name: &'a str,
    pub description: &'a str,
    pub nature: Nature,
    pub deadline: NaiveDate,
    pub dates: Vec<NaiveDate>,
    /// Product id and unit price, in column order.
    pub products: Vec<(i64, Money)>,
    pub rules: Vec<EntryRule>,
    pub jokers: JokerPolicy,
    pub late_joiners: bool,
    pub prepaid_notice_days: u32,
    pub limits: Vec<StockLimit>,
    pub conversions: Vec<Conversion>,
    pub state: TemplateState,
}

impl TemplateSpec<'_> {
    pub fn simple<'a>(
        producer_id: i64,
        name: &'a str,
        nature: Nature,
        deadline: NaiveDate,
        dates: Vec<NaiveDate>,
        products: Vec<(i64, Money)>,
    ) -> TemplateSpec<'a> {
        TemplateSpec {
            producer_id,
            name,
            description: "",
            nature,
            deadline,
            dates,
            products,
            rules: Vec::new(),
            jokers: JokerPolicy::default(),
            late_joiners: false,
            prepaid_notice_days: 0,
            limits: Vec::new(),
            conversions: Vec::new(),
            state: TemplateState::Active,
        }
    }
}

/// Creates the template and returns its id.
pub async fn create_template(
    db: &DatabaseConnection,
    amap_id: i64,
    spec: TemplateSpec<'_>,
) -> Result<i64, DbErr> {
    let txn = repo::write_txn(db).await?;
    let template = repo::templates::insert(
        &txn,
        amap_id,
        &NewTemplate {
            producer_id: spec.producer_id,
            name: spec.name,
            description: spec.description,
            nature: spec.nature,
            deadline: spec.deadline,
            late_joiners: spec.late_joiners,
            prepaid_notice_days: spec.prepaid_notice_days,
            jokers: spec.jokers,
            stock_shared: false,
        },
    )
    .await?;
    repo::templates::add_dates(&txn, template.id, &spec.dates).await?;
    repo::rules::add(&txn, TemplateId(template.id), &spec.rules).await?;
    for (position, (product, price)) in spec.products.iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        repo::templates::add_product(&txn, template.id, *product, position, *price).await?;
    }
    for limit in spec.limits {
        stock::set_limit(&txn, &template, limit).await?;
    }
    for conversion in spec.conversions {
        stock::set_conversion(&txn, template.id, conversion).await?;
    }
    stock::recount(&txn, &template).await?;
    repo::templates::set_state(&txn, TemplateId(template.id), spec.state).await?;
    txn.commit().await?;
    Ok(template.id)
}
