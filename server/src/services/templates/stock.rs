//! Stock limits and conversions; the counters are recounted from the contracts.

use super::{Caller, template_for, view};
use crate::error::{AppError, AppResult};
use crate::repo::{self, stock};
use crate::views;
use app::api::templates::TemplateView;
use app::domain::contract::stock_change::{StockChange, check_stock_change};
use app::domain::{Action, Problem, ProblemCode, TemplateId};
use sea_orm::DatabaseConnection;

/// Sets or removes a limit (all dates or one date) or a conversion coefficient; a limit
/// below what members already hold is refused (409 naming what they hold).
pub async fn set_stock(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
    change: StockChange,
) -> AppResult<TemplateView> {
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, id, Action::ManageProducer).await?;
    check_stock_change(&views::offer(&loaded, &producer), &change).map_err(AppError::field)?;
    let template = &loaded.template;
    match change {
        StockChange::SetLimit(limit) => stock::set_limit(&txn, template, limit).await?,
        StockChange::RemoveLimit { product, date } => {
            stock::remove_limit(&txn, template, product, date).await?
        }
        StockChange::SetConversion(conversion) => {
            stock::set_conversion(&txn, template.id, conversion).await?
        }
    }
    let overbooked = stock::recount(&txn, template).await?;
    if !overbooked.is_empty() {
        return Err(AppError::ConflictOn(
            overbooked
                .iter()
                .map(|o| Problem::with_limit("available", ProblemCode::AtLeast, o.used))
                .collect(),
        ));
    }
    let loaded = repo::templates::load(&txn, template.clone()).await?;
    let view = view(&txn, &loaded, &producer).await?;
    txn.commit().await?;
    Ok(view)
}
