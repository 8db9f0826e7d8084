//! Entry rules, added and deleted one at a time by id.

use super::{Caller, reloaded, template_for};
use crate::error::{AppError, AppResult};
use crate::repo;
use crate::views;
use app::api::templates::TemplateView;
use app::domain::contract::EntryRule;
use app::domain::contract::editing::check_rule;
use app::domain::{Action, RuleId, TemplateId};
use sea_orm::DatabaseConnection;

pub async fn add_rule(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
    rule: EntryRule,
) -> AppResult<TemplateView> {
    // The rules counted against the cap are those under the lock: 50 concurrent additions
    // cannot make 51.
    let txn = repo::write_txn(db).await?;
    repo::templates::lock(&txn, id).await?;
    let (loaded, producer) = template_for(&txn, caller, id, Action::ManageProducer).await?;
    check_rule(&views::offer(&loaded, &producer), &rule).map_err(AppError::field)?;
    repo::rules::add(&txn, id, &[rule]).await?;
    let view = reloaded(&txn, caller.amap.id, id, &producer).await?;
    txn.commit().await?;
    Ok(view)
}

pub async fn delete_rule(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
    rule: RuleId,
) -> AppResult<TemplateView> {
    let txn = repo::write_txn(db).await?;
    let (_, producer) = template_for(&txn, caller, id, Action::ManageProducer).await?;
    if !repo::rules::delete(&txn, id, rule).await? {
        return Err(AppError::NotFound);
    }
    let view = reloaded(&txn, caller.amap.id, id, &producer).await?;
    txn.commit().await?;
    Ok(view)
}
