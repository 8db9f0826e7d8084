use super::show_template::template_view;
use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo::{self, stock};
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{StockChange, StockForm, TemplateView};
use app::domain::{Action, Problem, ProblemCode};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Set or remove a stock limit (all dates or one date), or a conversion coefficient. The
/// counters are recounted; a limit below what members already hold is refused.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/stock", tag = "templates", request_body = StockForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The template with its stock", body = TemplateView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 409, description = "Members already hold more than the new limit", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn set_stock(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<StockForm>,
) -> AppResult<Json<TemplateView>> {
    let id = path::id(&params, "template_id")?;
    let change = form.parse().map_err(AppError::Validation)?;
    let txn = repo::write_txn(&state.db).await?;
    let (loaded, producer) =
        contracts::template_for(&txn, &access, id, Action::ManageProducer).await?;
    let in_template =
        |p: app::domain::ProductId| loaded.products.iter().any(|(tp, _)| tp.product_id == p.0);
    let template = &loaded.template;
    match change {
        StockChange::SetLimit(limit) => {
            if !in_template(limit.product) {
                return Err(AppError::field(Problem::new(
                    "product_id",
                    ProblemCode::UnknownValue,
                )));
            }
            if limit.date.is_some_and(|d| loaded.date_id(d).is_none()) {
                return Err(AppError::field(Problem::new(
                    "date",
                    ProblemCode::UnknownValue,
                )));
            }
            stock::set_limit(&txn, template, limit).await?;
        }
        StockChange::RemoveLimit { product, date } => {
            stock::remove_limit(&txn, template, product, date).await?;
        }
        StockChange::SetConversion(conversion) => {
            if !in_template(conversion.product) || !in_template(conversion.stock_product) {
                return Err(AppError::field(Problem::new(
                    "stock_product_id",
                    ProblemCode::UnknownValue,
                )));
            }
            stock::set_conversion(&txn, template.id, conversion).await?;
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
    let view = template_view(&txn, &loaded, &producer).await?;
    txn.commit().await?;
    Ok(Json(view))
}
