use super::super::params::{DutyDatePath, DutyPlacePath};
use super::super::prelude::*;
use app::api::rota::{NewPlaceForm, PlaceForm, RotaView};

/// The coordinator sets who holds a place (empty: free) and its role. The holder must take
/// part in the period; the period's rule still holds, not the window or the quota.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}", tag = "rota", request_body = PlaceForm, params(DutyPlacePath),
    responses(
        (status = 200, description = "Place saved", body = RotaView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP, period or place", body = ApiError),
        (status = 409, description = "The member is already on duty that date (`already_on_duty`)", body = ApiError),
        (status = 422, description = "An unknown role, or a member not taking part (`not_participant`)", body = ApiError),
    ))]
pub async fn set(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyPlacePath>,
    Input(form): Input<PlaceForm>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::ManageRota)?;
    let view = services::rota::manage::set_place(
        &state.db,
        &access.caller(),
        path.period_id,
        path.place_id,
        form.member_id,
        form.role_id,
    )
    .await?;
    Ok(Said(Notice::Saved, Json(view)))
}

/// Take a free place (or, if it was just taken, another free place of the same role that
/// date), by the period's rules.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/take", tag = "rota", params(DutyPlacePath),
    responses(
        (status = 200, description = "On duty", body = RotaView),
        (status = 403, description = "Not a member of the AMAP", body = ApiError),
        (status = 404, description = "No such AMAP, period or place", body = ApiError),
        (status = 409, description = "Refused by the rules: `not_participant`, `duty_closed`, `already_on_duty`, `quota_reached`, `no_free_place`", body = ApiError),
    ))]
pub async fn take(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyPlacePath>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::TakeDuty)?;
    let caller = access.caller();
    let taken =
        services::rota::duties::take(&state.db, &caller, path.period_id, path.place_id).await?;
    let view = services::rota::show(&state.db, &caller, path.period_id).await?;
    Ok(Said(
        Notice::DutyTaken {
            day: taken.day,
            role: taken.role,
        },
        Json(view),
    ))
}

/// Give one's place back while the window is open.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/leave", tag = "rota", params(DutyPlacePath),
    responses(
        (status = 200, description = "Place given back", body = RotaView),
        (status = 403, description = "Not a member of the AMAP", body = ApiError),
        (status = 404, description = "No such AMAP, period or place", body = ApiError),
        (status = 409, description = "Not the caller's place (`unknown_value`), or the window closed (`duty_closed`)", body = ApiError),
    ))]
pub async fn leave(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyPlacePath>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::TakeDuty)?;
    let caller = access.caller();
    let left =
        services::rota::duties::leave(&state.db, &caller, path.period_id, path.place_id).await?;
    let view = services::rota::show(&state.db, &caller, path.period_id).await?;
    Ok(Said(Notice::DutyLeft { day: left.day }, Json(view)))
}

/// Offer one's duty to a stand-in ("je ne peux pas"): it stays the caller's until someone
/// takes it over; the participants who could are told by mail. Offering it again changes
/// nothing.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/offer", tag = "rota", params(DutyPlacePath),
    responses(
        (status = 200, description = "Offered", body = RotaView),
        (status = 403, description = "Not a member of the AMAP", body = ApiError),
        (status = 404, description = "No such AMAP, period or place", body = ApiError),
        (status = 409, description = "Not the caller's place (`unknown_value`), or too close to the duty (`swap_closed`)", body = ApiError),
    ))]
pub async fn offer(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyPlacePath>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::TakeDuty)?;
    let caller = access.caller();
    let offered = services::rota::swaps::offer(
        &state.db,
        &state.mailer,
        &caller,
        path.period_id,
        path.place_id,
    )
    .await?;
    let view = services::rota::show(&state.db, &caller, path.period_id).await?;
    Ok(Said(Notice::DutyOffered { day: offered.day }, Json(view)))
}

/// Keep one's duty after all (nothing changes if it was not offered).
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/offer", tag = "rota", params(DutyPlacePath),
    responses(
        (status = 200, description = "Kept", body = RotaView),
        (status = 403, description = "Not a member of the AMAP", body = ApiError),
        (status = 404, description = "No such AMAP, period or place", body = ApiError),
        (status = 409, description = "Not the caller's place (`unknown_value`)", body = ApiError),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyPlacePath>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::TakeDuty)?;
    let caller = access.caller();
    let kept =
        services::rota::swaps::withdraw(&state.db, &caller, path.period_id, path.place_id).await?;
    let view = services::rota::show(&state.db, &caller, path.period_id).await?;
    Ok(Said(Notice::OfferWithdrawn { day: kept.day }, Json(view)))
}

/// Take over a duty someone offers: of several members accepting at once exactly one gets
/// it. The one who offered it and the coordinators are told by mail.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/accept", tag = "rota", params(DutyPlacePath),
    responses(
        (status = 200, description = "Taken over", body = RotaView),
        (status = 403, description = "Not a member of the AMAP", body = ApiError),
        (status = 404, description = "No such AMAP, period or place", body = ApiError),
        (status = 409, description = "Refused: `offer_taken` (no longer offered), `not_participant`, `already_on_duty` (one's own offer, or a second duty the rule forbids), `swap_closed`", body = ApiError),
    ))]
pub async fn accept(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyPlacePath>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::TakeDuty)?;
    let caller = access.caller();
    let taken = services::rota::swaps::accept(
        &state.db,
        &state.mailer,
        &caller,
        path.period_id,
        path.place_id,
    )
    .await?;
    let view = services::rota::show(&state.db, &caller, path.period_id).await?;
    Ok(Said(
        Notice::DutyAccepted {
            day: taken.day,
            role: taken.role,
        },
        Json(view),
    ))
}

/// Add a place to a date, in a role of the AMAP's list (its first when none is given); 20 a
/// date at most.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/dates/{date_id}/places", tag = "rota", request_body = NewPlaceForm, params(DutyDatePath),
    responses(
        (status = 201, description = "Place added", body = RotaView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP, period or date", body = ApiError),
        (status = 422, description = "An unknown role, or the date already has 20 places", body = ApiError),
    ))]
pub async fn add(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyDatePath>,
    Input(form): Input<NewPlaceForm>,
) -> AppResult<Said<(StatusCode, Json<RotaView>)>> {
    access.require(Action::ManageRota)?;
    let view = services::rota::places::add_place(
        &state.db,
        &access.caller(),
        path.period_id,
        path.date_id,
        form.role_id,
    )
    .await?;
    Ok(Said(Notice::Saved, (StatusCode::CREATED, Json(view))))
}

/// Remove a place nobody holds.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}", tag = "rota", params(DutyPlacePath),
    responses(
        (status = 200, description = "Place removed", body = RotaView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP, period or place", body = ApiError),
        (status = 409, description = "Someone holds it (`has_duties`): free it first", body = ApiError),
    ))]
pub async fn remove(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DutyPlacePath>,
) -> AppResult<Said<Json<RotaView>>> {
    access.require(Action::ManageRota)?;
    let view = services::rota::places::remove_place(
        &state.db,
        &access.caller(),
        path.period_id,
        path.place_id,
    )
    .await?;
    Ok(Said(Notice::Saved, Json(view)))
}
