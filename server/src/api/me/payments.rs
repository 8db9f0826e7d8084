use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::payments::MyPayments;

/// "Mes paiements": for each of my contracts, the cheques still to give (identical amounts
/// grouped), those at the AMAP and those handed to the producer with the real date.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/payments", tag = "contracts", params(AmapPath),
    responses(
        (status = 200, description = "My cheques", body = MyPayments),
        (status = 403, description = "Not a member (a platform operator)", body = ApiError),
    ))]
pub async fn payments(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<MyPayments>> {
    access.require(Action::SignUp)?;
    Ok(Json(
        services::me::my_payments(&state.db, &access.caller()).await?,
    ))
}
