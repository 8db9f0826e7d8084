use super::super::params::ProducerPath;
use super::super::prelude::*;
use app::api::templates::ProducerDetail;

/// A producer with its notice period, référents, producer accounts and catalogue.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/producers/{producer_id}", tag = "producers", params(ProducerPath),
    responses(
        (status = 200, description = "The producer", body = ProducerDetail),
        (status = 403, description = "Neither its référent, its producer, a treasurer nor an admin", body = ApiError),
    ))]
pub async fn show(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<ProducerPath>,
) -> AppResult<Json<ProducerDetail>> {
    let caller = access.caller();
    Ok(Json(
        services::producers::show(&state.db, &caller, path.producer_id).await?,
    ))
}
