use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::contracts::MyDeliveries;

/// "Mes livraisons": everything I collect, date by date, across all my contracts.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/deliveries", tag = "contracts", params(AmapPath),
    responses(
        (status = 200, description = "Deliveries by date", body = MyDeliveries),
    ))]
pub async fn deliveries(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<MyDeliveries>> {
    Ok(Json(
        services::me::my_deliveries(&state.db, &access.caller()).await?,
    ))
}
