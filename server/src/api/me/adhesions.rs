//! "Mes adhésions": a member's own memberships.

use super::super::params::{AmapPath, PeriodPath};
use super::super::prelude::*;
use app::api::adhesions::{AdhesionView, BulletinView, MyPeriod, OwnAdhesionForm};

/// Every membership period with mine, and whether I may adhere or change it today.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/adhesions", tag = "adhesions", params(AmapPath),
    responses(
        (status = 200, description = "Periods and my memberships", body = Vec<MyPeriod>),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn mine(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<MyPeriod>>> {
    access.require(Action::ViewOwnSpace)?;
    Ok(Json(
        services::adhesions::mine(&state.db, &access.caller()).await?,
    ))
}

/// Adhere online (an amount at least the period's minimum), or change the amount while the
/// treasurer has not cashed it.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/me/adhesions/{period_id}", tag = "adhesions", request_body = OwnAdhesionForm, params(PeriodPath),
    responses(
        (status = 200, description = "My membership", body = AdhesionView),
        (status = 403, description = "Not a member (a platform operator)", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 409, description = "Cashed already (`adhesion_cashed`), or not taken online (`adhesion_closed`)", body = ApiError),
        (status = 422, description = "Below the minimum (`below_minimum`) or not an amount", body = ApiError),
    ))]
pub async fn adhere(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<PeriodPath>,
    Input(form): Input<OwnAdhesionForm>,
) -> AppResult<Said<Json<AdhesionView>>> {
    access.require(Action::SignUp)?;
    let view = services::adhesions::adhere(&state.db, &access.caller(), path.period_id, |terms| {
        form.parse(terms)
    })
    .await?;
    Ok(Said(
        Notice::Adhered {
            amount: view.amount,
        },
        Json(view),
    ))
}

/// Withdraw my membership while it is not cashed and no contract of mine requires it.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/me/adhesions/{period_id}", tag = "adhesions", params(PeriodPath),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 403, description = "Not a member (a platform operator)", body = ApiError),
        (status = 404, description = "No such AMAP, period or membership", body = ApiError),
        (status = 409, description = "Cashed, closed, or required by my contracts", body = ApiError),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<PeriodPath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::SignUp)?;
    services::adhesions::withdraw(&state.db, &access.caller(), path.period_id).await?;
    Ok(Said(Notice::AdhesionWithdrawn, StatusCode::NO_CONTENT))
}

/// The membership form (bulletin d'adhésion) to print, filled with what the AMAP knows of me.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/adhesions/{period_id}/bulletin", tag = "adhesions", params(PeriodPath),
    responses(
        (status = 200, description = "The form's content", body = BulletinView),
        (status = 404, description = "No such AMAP or period", body = ApiError),
    ))]
pub async fn bulletin(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<PeriodPath>,
) -> AppResult<Json<BulletinView>> {
    access.require(Action::ViewOwnSpace)?;
    Ok(Json(
        services::adhesions::bulletin(&state.db, &access.caller(), path.period_id).await?,
    ))
}
