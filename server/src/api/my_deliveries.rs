use crate::auth::AmapAccess;
use crate::contracts::views;
use crate::error::AppResult;
use crate::repo::{self, subscriptions, templates};
use crate::state::AppState;
use app::api::ApiError;
use app::api::contracts::{DeliveryLine, MyDeliveries};
use app::domain::{Action, Money, TemplateId};
use axum::Json;
use axum::extract::State;
use std::collections::HashMap;

/// "Mes livraisons": everything I collect, date by date, across all my contracts.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/deliveries", tag = "contracts",
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "Deliveries by date", body = MyDeliveries),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
    ))]
pub async fn my_deliveries(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<MyDeliveries>> {
    access.require(Action::ViewOwnSpace)?;
    let db = &state.db;
    let producers: HashMap<i64, _> = repo::producers::list(db, access.amap.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut lines = Vec::new();
    for s in subscriptions::of_user(db, access.amap.id, access.user.user.id).await? {
        let Some(template) = templates::find(db, access.amap.id, s.template_id).await? else {
            continue;
        };
        let loaded = templates::load(db, template).await?;
        let producer = producers
            .get(&loaded.template.producer_id)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let products = views::template_products(&loaded);
        let grid = subscriptions::grid(db, s.id, &loaded.dates_by_id()).await?;
        for cell in grid.cells() {
            let Some(product) = products.iter().find(|p| p.id == cell.product) else {
                continue;
            };
            lines.push(DeliveryLine {
                date: cell.date,
                template_id: TemplateId(loaded.template.id),
                template: loaded.template.name.clone(),
                producer: producer.clone(),
                product: product.name.clone(),
                packaging: product.packaging.clone(),
                qty: cell.qty,
                amount: Money::from_cents(product.price.cents() * i64::from(cell.qty)),
            });
        }
    }
    lines.sort_by(|a, b| (a.date, &a.producer, &a.product).cmp(&(b.date, &b.producer, &b.product)));
    Ok(Json(MyDeliveries { lines }))
}
