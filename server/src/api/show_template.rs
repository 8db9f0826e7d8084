use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::db::entities::producer;
use crate::error::AppResult;
use crate::http::path;
use crate::repo::{self, stock, templates::Loaded};
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{RuleView, StockStatus, TemplateView};
use app::domain::{Action, ProductId};
use axum::Json;
use axum::extract::{RawPathParams, State};
use sea_orm::ConnectionTrait;

/// One template with everything a référent edits: calendar, products and prices, rules,
/// jokers, stock limits and what is already taken.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The template", body = TemplateView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
    ))]
pub async fn show_template(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<TemplateView>> {
    let id = path::id(&params, "template_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    Ok(Json(template_view(&state.db, &loaded, &producer).await?))
}

/// The view of a template just changed: read again from the database.
pub async fn reloaded_view(
    db: &impl ConnectionTrait,
    amap_id: i64,
    id: i64,
    producer: &producer::Model,
) -> AppResult<TemplateView> {
    let template = repo::templates::find(db, amap_id, id)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    let loaded = repo::templates::load(db, template).await?;
    template_view(db, &loaded, producer).await
}

pub async fn template_view(
    db: &impl ConnectionTrait,
    loaded: &Loaded,
    producer: &producer::Model,
) -> AppResult<TemplateView> {
    let t = &loaded.template;
    let subscribers = repo::templates::subscriber_count(db, t.id).await?;
    let stock = stock::counters(db, &loaded.pool())
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
    })
}
