//! "Mes livraisons": everything I collect, date by date, across all my contracts.

use super::super::Caller;
use super::held::Held;
use crate::error::AppResult;
use crate::views;
use app::api::contracts::{DeliveryLine, MyDeliveries};
use app::domain::{Action, TemplateId};
use sea_orm::DatabaseConnection;

pub async fn my_deliveries(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
) -> AppResult<MyDeliveries> {
    caller.require(Action::ViewOwnSpace)?;
    let held = Held::load(db, caller).await?;
    Ok(MyDeliveries {
        lines: delivery_lines(&held),
    })
}

/// One line per (date, product) I ordered, by date, then producer, then product.
pub fn delivery_lines(held: &Held) -> Vec<DeliveryLine> {
    let mut lines = Vec::new();
    for (loaded, producer) in held.pairs() {
        let Some(grid) = held
            .contract_of(loaded.template.id)
            .and_then(|s| held.grids.get(&s.id))
        else {
            continue;
        };
        let products = views::template_products(loaded);
        for cell in grid.cells() {
            let Some(product) = products.iter().find(|p| p.id == cell.product) else {
                continue;
            };
            lines.push(DeliveryLine {
                date: cell.date,
                template_id: TemplateId(loaded.template.id),
                template: loaded.template.name.clone(),
                producer: producer.name.clone(),
                product: product.name.clone(),
                packaging: product.packaging.clone(),
                qty: cell.qty,
                amount: product.price * cell.qty,
            });
        }
    }
    lines.sort_by(|a, b| (a.date, &a.producer, &a.product).cmp(&(b.date, &b.producer, &b.product)));
    lines
}
