use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::rota::MyDutiesView;

/// *Mes permanences*: the caller's coming duties with the others on duty, and per period
/// they take part in what they still owe and how many places they could take now.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/duties", tag = "rota", params(AmapPath),
    responses(
        (status = 200, description = "My duties", body = MyDutiesView),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn mine(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<MyDutiesView>> {
    Ok(Json(
        services::rota::duties::mine(&state.db, &access.caller()).await?,
    ))
}
