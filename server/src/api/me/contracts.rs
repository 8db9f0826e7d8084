use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::contracts::MyContracts;

/// "Mes contrats": the templates open to me, my contracts, and the finished ones.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/contracts", tag = "contracts", params(AmapPath),
    responses(
        (status = 200, description = "Offered, current and past contracts", body = MyContracts),
    ))]
pub async fn contracts(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<MyContracts>> {
    Ok(Json(
        services::me::my_contracts(&state.db, &access.caller()).await?,
    ))
}
