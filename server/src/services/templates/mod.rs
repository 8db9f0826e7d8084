//! Contract templates as référents manage them.

mod changes;
mod create;
mod edit;
mod outputs;
mod rules;
mod stock;

pub use changes::change;
pub use create::{copy, create};
pub use edit::{delete, set_state, update};
pub use outputs::{candidates, delivered, delivery_sheet, sheet_of, subscriptions, synthesis};
pub use rules::{add_rule, delete_rule};
pub use stock::set_stock;

use super::{Caller, template_for};
use crate::db::entities::producer;
use crate::error::{AppError, AppResult};
use crate::repo::{self, stock as counters, templates::Loaded};
use crate::views;
use app::api::templates::{RuleView, StockStatus, TemplateSummary, TemplateView};
use app::domain::contract::lifecycle::may_delete;
use app::domain::{Action, ProducerId, ProductId, TemplateId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::HashMap;

/// The templates the caller manages (référents: their producers'; treasurers and admins: all)
/// or delivers (a producer's own accounts), in every state, by name.
pub async fn list(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<Vec<TemplateSummary>> {
    caller.require(Action::ListTemplates)?;
    let producers: HashMap<i64, _> = repo::producers::list(db, caller.amap.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let all: Vec<_> = repo::templates::list(db, caller.amap.id)
        .await?
        .into_iter()
        .filter(|t| {
            caller
                .grants
                .allows(Action::ReadDeliveries(ProducerId(t.producer_id)))
        })
        .collect();
    let ids: Vec<i64> = all.iter().map(|t| t.id).collect();
    let counts = repo::templates::subscriber_counts(db, ids.clone()).await?;
    let dates = repo::templates::dates_of(db, ids).await?;
    Ok(all
        .iter()
        .filter_map(|t| {
            let producer = producers.get(&t.producer_id)?;
            let count = counts.get(&t.id).copied().unwrap_or(0);
            let days = dates.get(&t.id).map(Vec::as_slice).unwrap_or_default();
            Some(views::summary_of(t, days, producer, count))
        })
        .collect())
}

/// One template with everything a référent edits.
pub async fn show(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
) -> AppResult<TemplateView> {
    let (loaded, producer) = template_for(db, caller, id, Action::ManageProducer).await?;
    view(db, &loaded, &producer).await
}

/// The view of a template just changed, read again in the same transaction.
async fn reloaded(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: TemplateId,
    producer: &producer::Model,
) -> AppResult<TemplateView> {
    let template = repo::templates::find(db, amap_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let loaded = repo::templates::load(db, template).await?;
    view(db, &loaded, producer).await
}

pub async fn view(
    db: &impl ConnectionTrait,
    loaded: &Loaded,
    producer: &producer::Model,
) -> AppResult<TemplateView> {
    let t = &loaded.template;
    let subscribers = repo::templates::subscriber_count(db, TemplateId(t.id)).await?;
    let stock = counters::counters(db, &loaded.pool())
        .await?
        .into_iter()
        .filter(|c| loaded.date_id(c.date).is_some())
        .map(|c| StockStatus {
            date: c.date,
            product: ProductId(c.product_id),
            capacity: u32::try_from(c.capacity).unwrap_or(0),
            used: u32::try_from(c.used).unwrap_or(0),
        })
        .collect();
    let other_products = repo::products::of_producer(db, t.amap_id, t.producer_id)
        .await?
        .iter()
        .filter(|p| !loaded.products.iter().any(|(_, q)| q.id == p.id))
        .map(views::product_view)
        .collect();
    let offer = views::offer(loaded, producer);
    Ok(TemplateView {
        summary: views::summary(loaded, producer, u32::try_from(subscribers).unwrap_or(0)),
        description: t.description.clone(),
        producer_notice_days: offer.producer_notice_days,
        late_joiners: t.late_joiners,
        prepaid_notice_days: offer.prepaid_notice_days,
        jokers: offer.jokers,
        rules: loaded
            .rules
            .iter()
            .map(|(id, rule)| RuleView {
                id: *id,
                rule: rule.clone(),
            })
            .collect(),
        dates: offer.dates,
        products: views::template_products(loaded),
        exclusions: offer.exclusions,
        stock_shared: t.stock_shared,
        stock_limits: loaded.limits.clone(),
        conversions: loaded.conversions.clone(),
        stock,
        other_products,
        may_delete: may_delete(subscribers),
        adhesion_period_id: t.adhesion_period_id.map(app::domain::PeriodId),
    })
}
