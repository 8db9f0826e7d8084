use super::super::params::ProducerPath;
use super::super::prelude::*;
use app::api::templates::{ProducerDetail, ProducerForm};

/// Replace a producer's settings: name, description, notice period ("délai de prévenance"),
/// active/archived, whether its own accounts handle its cheques.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/producers/{producer_id}", tag = "producers", request_body = ProducerForm, params(ProducerPath),
    responses(
        (status = 200, description = "The producer", body = ProducerDetail),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
    ))]
pub async fn update(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<ProducerPath>,
    Input(form): Input<ProducerForm>,
) -> AppResult<Said<Json<ProducerDetail>>> {
    let input = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::producers::update(&state.db, &caller, path.producer_id, &input);
    Ok(Said(Notice::ProducerSaved, Json(view.await?)))
}
