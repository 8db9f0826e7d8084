use super::super::params::ProductPath;
use super::super::prelude::*;
use app::api::templates::{ProducerDetail, ProductForm};

/// Replace a product (name, packaging, description, active).
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/producers/{producer_id}/products/{product_id}", tag = "producers", request_body = ProductForm, params(ProductPath),
    responses(
        (status = 200, description = "The producer with its catalogue", body = ProducerDetail),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, producer or product", body = ApiError),
    ))]
pub async fn update_product(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<ProductPath>,
    Input(form): Input<ProductForm>,
) -> AppResult<Said<Json<ProducerDetail>>> {
    let input = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::producers::update_product(
        &state.db,
        &caller,
        path.producer_id,
        path.product_id,
        &input,
    );
    let name = input.name.clone();
    Ok(Said(Notice::ProductSaved { name }, Json(view.await?)))
}
