//! Changes to a live template ("Modifier en masse"): previewed without the write lock, or
//! applied under it with the stock recounted.

use super::{Caller, template_for};
use crate::collation::sort_by_user;
use crate::db::entities::producer;
use crate::error::{AppError, AppResult};
use crate::repo::WriteTxn;
use crate::repo::{self, stock, subscriptions, templates::Loaded};
use crate::views;
use app::api::producers::PersonRef;
use app::api::templates::{ChangeOutcome, Impact};
use app::domain::contract::changes::{TemplateChange, amounts, touches};
use app::domain::contract::editing::check_change;
use app::domain::{Action, Problem, ProblemCode, TemplateId, UserId};
use sea_orm::DatabaseConnection;

/// Adds, moves or deletes dates, cancels or restores a date or one product on a date,
/// changes a price, adds or removes a product. Without `apply` nothing changes; either way
/// the answer lists the members whose contract the change touches.
pub async fn change(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
    change: TemplateChange,
    apply: bool,
) -> AppResult<ChangeOutcome> {
    // A preview only reads (one consistent snapshot, no write lock); applying reads what it
    // checks under the write lock.
    let txn = if apply {
        repo::write_txn(db).await?
    } else {
        repo::snapshot_txn(db).await?
    };
    let (loaded, producer) = template_for(&txn, caller, id, Action::ManageProducer).await?;
    check(&txn, &loaded, &producer, &change).await?;
    let impacted = impacted(&txn, &loaded, &change).await?;
    if apply {
        perform(&txn, &loaded, &change).await?;
        if !stock::recount(&txn, &loaded.template).await?.is_empty() {
            return Err(AppError::Conflict(
                "stock overbooked after the change".into(),
            ));
        }
        txn.commit().await?;
    }
    Ok(ChangeOutcome {
        applied: apply,
        impacted,
    })
}

fn unknown(field: &str) -> AppError {
    AppError::field(Problem::new(field, ProblemCode::UnknownValue))
}

/// The domain decides whether the change fits the template; only "is this product in the
/// producer's catalogue" needs the database.
async fn check(
    txn: &WriteTxn,
    loaded: &Loaded,
    producer: &producer::Model,
    change: &TemplateChange,
) -> AppResult<()> {
    check_change(&views::offer(loaded, producer), change).map_err(AppError::field)?;
    if let TemplateChange::AddProduct { product, .. } = change {
        repo::products::find(txn, loaded.template.amap_id, product.0)
            .await?
            .filter(|p| p.producer_id == loaded.template.producer_id)
            .ok_or_else(|| unknown("product_id"))?;
    }
    Ok(())
}

async fn impacted(
    txn: &WriteTxn,
    loaded: &Loaded,
    change: &TemplateChange,
) -> AppResult<Vec<Impact>> {
    let subs = subscriptions::of_template_with_grids(txn, loaded).await?;
    let people =
        repo::producers::users_by_id(txn, subs.iter().map(|(s, _)| s.user_id).collect()).await?;
    let price = |p| loaded.price_of(p);
    let mut impacted: Vec<Impact> = subs
        .iter()
        .filter_map(|(s, grid)| {
            if !touches(grid, change, price) {
                return None;
            }
            let (amount_before, amount_after) = amounts(grid, change, price);
            let person = people.get(&s.user_id)?;
            Some(Impact {
                member: PersonRef {
                    id: UserId(person.id),
                    name: format!("{} {}", person.first_name, person.last_name),
                },
                amount_before,
                amount_after,
            })
        })
        .collect();
    sort_by_user(&mut impacted, &people, |i| i.member.id.0);
    Ok(impacted)
}

async fn perform(txn: &WriteTxn, loaded: &Loaded, change: &TemplateChange) -> AppResult<()> {
    use repo::template_changes as ops;
    let template_id = loaded.template.id;
    let date_id = |d| loaded.date_id(d).ok_or_else(|| unknown("date"));
    match change {
        TemplateChange::AddDates(dates) => {
            repo::templates::add_dates(txn, template_id, dates).await?
        }
        TemplateChange::MoveDate { from, to } => ops::move_date(txn, date_id(*from)?, *to).await?,
        TemplateChange::DeleteDate(d) => ops::delete_date(txn, date_id(*d)?).await?,
        TemplateChange::Cancel(e) => {
            ops::cancel(txn, template_id, date_id(e.date)?, e.product).await?
        }
        TemplateChange::Restore(e) => {
            ops::restore(txn, template_id, date_id(e.date)?, e.product).await?
        }
        TemplateChange::SetPrice { product, price } => {
            ops::set_price(txn, template_id, *product, *price).await?
        }
        TemplateChange::AddProduct { product, price } => {
            let position = i32::try_from(loaded.products.len()).unwrap_or(i32::MAX);
            repo::templates::add_product(txn, template_id, product.0, position, *price).await?
        }
        TemplateChange::RemoveProduct(product) => {
            ops::remove_product(txn, template_id, *product).await?
        }
    }
    Ok(())
}
