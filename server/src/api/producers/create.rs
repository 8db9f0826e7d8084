use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::templates::{ProducerDetail, ProducerForm};

/// Add a producer (treasurers and admins); give it référents through `/roles`.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/producers", tag = "producers", request_body = ProducerForm, params(AmapPath),
    responses(
        (status = 201, description = "The new producer", body = ProducerDetail),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 422, description = "Invalid fields (name taken…)", body = ApiError),
    ))]
pub async fn create(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<ProducerForm>,
) -> AppResult<Said<(StatusCode, Json<ProducerDetail>)>> {
    access.require(Action::CreateProducer)?;
    let input = form.parse().map_err(AppError::Validation)?;
    let view = services::producers::create(&state.db, &access.caller(), &input).await?;
    let name = view.name.clone();
    Ok(Said(
        Notice::ProducerCreated { name },
        (StatusCode::CREATED, Json(view)),
    ))
}
