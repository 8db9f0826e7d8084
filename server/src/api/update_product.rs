use super::product_access::managed_producer;
use super::show_producer::producer_detail;
use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo::{self, products::NewProduct};
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{ProducerDetail, ProductForm};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Edit a product (name, packaging, description, active).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/producers/{producer_id}/products/{product_id}", tag = "producers", request_body = ProductForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("producer_id" = i64, Path, description = "The producer"),
        ("product_id" = i64, Path, description = "The product")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The producer with its catalogue", body = ProducerDetail),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, producer or product", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn update_product(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<ProductForm>,
) -> AppResult<Json<ProducerDetail>> {
    let producer = managed_producer(&state, &access, &params).await?;
    let product = repo::products::find(&state.db, access.amap.id, path::id(&params, "product_id")?)
        .await?
        .filter(|p| p.producer_id == producer.id)
        .ok_or(AppError::NotFound)?;
    let input = form.parse().map_err(AppError::Validation)?;
    let new = NewProduct {
        name: &input.name,
        packaging: &input.packaging,
        description: &input.description,
        active: input.active,
    };
    repo::products::update(&state.db, product, new)
        .await
        .map_err(AppError::taken_on("name"))?;
    Ok(Json(producer_detail(&state.db, producer).await?))
}
