use super::super::params::ProducerPath;
use super::super::prelude::*;
use app::api::templates::{ProducerDetail, ProductForm};

/// Add a product to a producer's catalogue.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/producers/{producer_id}/products", tag = "producers", request_body = ProductForm, params(ProducerPath),
    responses(
        (status = 200, description = "The producer with its catalogue", body = ProducerDetail),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 422, description = "Invalid fields (name taken…)", body = ApiError),
    ))]
pub async fn create_product(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<ProducerPath>,
    Input(form): Input<ProductForm>,
) -> AppResult<Said<Json<ProducerDetail>>> {
    let input = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::producers::create_product(&state.db, &caller, path.producer_id, &input);
    let name = input.name.clone();
    Ok(Said(Notice::ProductSaved { name }, Json(view.await?)))
}
