use super::show_producer::producer_detail;
use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo::{self, products::NewProduct};
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{ProducerDetail, ProductForm};
use app::domain::{Action, Problem, ProblemCode, ProducerId};
use axum::Json;
use axum::extract::{RawPathParams, State};

fn taken(e: sea_orm::DbErr) -> AppError {
    if repo::is_unique_violation(&e) {
        AppError::field(Problem::new("name", ProblemCode::Taken))
    } else {
        e.into()
    }
}

async fn managed_producer(
    state: &AppState,
    access: &AmapAccess,
    params: &RawPathParams,
) -> AppResult<crate::db::entities::producer::Model> {
    let id = path::id(params, "producer_id")?;
    access.require(Action::ViewOwnSpace)?;
    let producer = repo::producers::find(&state.db, access.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    access.require(Action::ManageProducer(ProducerId(id)))?;
    Ok(producer)
}

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
        .map_err(taken)?;
    Ok(Json(producer_detail(&state.db, producer).await?))
}

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
        .map_err(taken)?;
    Ok(Json(producer_detail(&state.db, producer).await?))
}
