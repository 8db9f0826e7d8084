//! A new draft: from scratch, or "créer à partir de…" another template.

use super::{Caller, template_for, view};
use crate::db::entities::{contract_template, payment_plan};
use crate::error::{AppError, AppResult};
use crate::repo::{self, templates::NewTemplate};
use app::api::templates::{CopyInput, TemplateInput, TemplateView};
use app::domain::{Action, Money, Problem, ProblemCode, ProducerId, TemplateId};
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// A draft for one of the caller's producers: header, calendar, jokers; every active product
/// of the producer is added at price 0, ready for its price.
pub async fn create(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    input: &TemplateInput,
) -> AppResult<TemplateView> {
    caller.require(Action::ManageTemplates)?;
    let producer_id = input.producer_id.unwrap_or(ProducerId(0));
    let txn = repo::write_txn(db).await?;
    let producer = repo::producers::find(&txn, caller.amap.id, producer_id)
        .await?
        .ok_or_else(|| AppError::field(Problem::new("producer_id", ProblemCode::UnknownValue)))?;
    caller.require(Action::ManageProducer(producer_id))?;
    input
        .jokers
        .check(notice_days(producer.notice_days))
        .map_err(AppError::field)?;
    let products: Vec<_> = repo::products::of_producer(&txn, caller.amap.id, producer.id)
        .await?
        .into_iter()
        .filter(|p| p.active)
        .collect();
    let template = insert_or_taken(&txn, caller.amap.id, &header(input, producer.id)).await?;
    repo::templates::add_dates(&txn, template.id, &input.dates).await?;
    for (position, p) in products.iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        repo::templates::add_product(&txn, template.id, p.id, position, Money::ZERO).await?;
    }
    let loaded = repo::templates::load(&txn, template).await?;
    let view = view(&txn, &loaded, &producer).await?;
    txn.commit().await?;
    Ok(view)
}

/// A new draft with the same products, prices, rules, jokers, stock limits (those for every
/// date), conversions and payment plan (see `PaymentPlan::copied`), on a new calendar.
pub async fn copy(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    source_id: TemplateId,
    input: &CopyInput,
) -> AppResult<TemplateView> {
    // The source is read under the write lock, so the copy is of one consistent state.
    let txn = repo::write_txn(db).await?;
    let (source, producer) = template_for(&txn, caller, source_id, Action::ManageProducer).await?;
    let s = &source.template;
    let new = NewTemplate {
        producer_id: s.producer_id,
        name: &input.name,
        description: &s.description,
        nature: repo::templates::nature_of(&s.nature),
        deadline: input.deadline,
        late_joiners: s.late_joiners,
        prepaid_notice_days: u32::try_from(s.prepaid_notice_days).unwrap_or(0),
        jokers: repo::templates::jokers_of(s),
        stock_shared: s.stock_shared,
    };
    let template = insert_or_taken(&txn, caller.amap.id, &new).await?;
    let copy_id = TemplateId(template.id);
    repo::templates::add_dates(&txn, template.id, &input.dates).await?;
    let rules: Vec<_> = source.rules.iter().map(|(_, rule)| rule.clone()).collect();
    repo::rules::add(&txn, copy_id, &rules).await?;
    for (tp, _) in &source.products {
        let price = Money::from_cents(tp.price_cents);
        repo::templates::add_product(&txn, template.id, tp.product_id, tp.position, price).await?;
    }
    if !s.stock_shared {
        for limit in source.limits.iter().filter(|l| l.date.is_none()) {
            repo::stock::set_limit(&txn, &template, *limit).await?;
        }
    }
    for conversion in &source.conversions {
        repo::stock::set_conversion(&txn, template.id, *conversion).await?;
    }
    repo::stock::recount(&txn, &template).await?;
    if let Some(plan) = repo::cheques::plan(&txn, source_id.0).await? {
        repo::cheques::save_plan(&txn, copied_plan(plan, copy_id)?).await?;
    }
    let loaded = repo::templates::load(&txn, template).await?;
    let view = view(&txn, &loaded, &producer).await?;
    txn.commit().await?;
    Ok(view)
}

/// The stored plan of a copy: what the domain keeps of it, no hand-in date.
fn copied_plan(plan: payment_plan::Model, template: TemplateId) -> AppResult<payment_plan::Model> {
    let kept = crate::payments::settings::plan_of(Some(&plan))?.copied();
    let strategy = serde_json::to_string(&kept.strategy).unwrap_or(plan.strategy.clone());
    Ok(payment_plan::Model {
        template_id: template.0,
        strategy,
        hand_in_by: None,
        ..plan
    })
}

/// The stored header of a parsed template form.
pub(super) fn header(input: &TemplateInput, producer_id: i64) -> NewTemplate<'_> {
    NewTemplate {
        producer_id,
        name: &input.name,
        description: &input.description,
        nature: input.nature,
        deadline: input.deadline,
        late_joiners: input.late_joiners,
        prepaid_notice_days: input.prepaid_notice_days,
        jokers: input.jokers,
        stock_shared: input.stock_shared,
    }
}

pub(super) fn notice_days(stored: i32) -> u32 {
    u32::try_from(stored).unwrap_or(0)
}

async fn insert_or_taken(
    db: &impl ConnectionTrait,
    amap_id: i64,
    new: &NewTemplate<'_>,
) -> AppResult<contract_template::Model> {
    repo::templates::insert(db, amap_id, new)
        .await
        .map_err(AppError::taken_on("name"))
}
