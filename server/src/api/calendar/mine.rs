use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::calendar::CalendarLinks;

/// The addresses of my calendar feeds in this AMAP (made the first time they are asked
/// for): my deliveries and duties, and the AMAP's distributions.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/calendar", tag = "calendar", params(AmapPath),
    responses(
        (status = 200, description = "My feeds", body = CalendarLinks),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn show(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<CalendarLinks>> {
    Ok(Json(
        services::calendar::mine(&state.db, &state.mailer, &access.caller()).await?,
    ))
}

/// New addresses for my feeds: the old ones stop working (a feed shared by mistake).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/me/calendar/reset", tag = "calendar", params(AmapPath),
    responses(
        (status = 200, description = "My new feeds", body = CalendarLinks),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn reset(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Said<Json<CalendarLinks>>> {
    let links = services::calendar::reset(&state.db, &state.mailer, &access.caller()).await?;
    Ok(Said(Notice::CalendarReset, Json(links)))
}
