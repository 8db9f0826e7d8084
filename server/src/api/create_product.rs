use super::product_access::managed_producer;
use super::show_producer::producer_detail;
use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::repo::{self, products::NewProduct};
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{ProducerDetail, ProductForm};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Add a product to a producer's catalogue.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/producers/{producer_id}/products", tag = "producers", request_body = ProductForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("producer_id" = i64, Path, description = "The producer")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The producer with its catalogue", body = ProducerDetail),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or producer", body = ApiError),
        (status = 422, description = "Invalid fields (name taken…)", body = ApiError),
    ))]
pub async fn create_product(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<ProductForm>,
) -> AppResult<Json<ProducerDetail>> {
    let producer = managed_producer(&state, &access, &params).await?;
    let input = form.parse().map_err(AppError::Validation)?;
    let new = NewProduct {
        name: &input.name,
        packaging: &input.packaging,
        description: &input.description,
        active: true,
    };
    repo::products::insert(&state.db, access.amap.id, producer.id, new)
        .await
        .map_err(AppError::taken_on("name"))?;
    Ok(Json(producer_detail(&state.db, producer).await?))
}
