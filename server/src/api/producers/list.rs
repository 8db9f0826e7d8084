use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::producers::ProducerView;

/// The AMAP's producers and their référents, in order (every member may see them).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/producers", tag = "producers", params(AmapPath),
    responses(
        (status = 200, description = "Producers by name", body = Vec<ProducerView>),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<ProducerView>>> {
    access.require(Action::ListProducers)?;
    Ok(Json(
        services::producers::list(&state.db, access.amap.id).await?,
    ))
}
