use super::super::params::CalendarPath;
use super::super::prelude::*;
use crate::exports::FileBody;
use crate::exports::ical::CALENDAR_TYPE;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

fn calendar(body: String) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(CALENDAR_TYPE),
            ),
            // The address is a secret: no shared cache keeps what it answers.
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        body,
    )
        .into_response()
}

/// A member's calendar: each distribution where they collect something (what, from which
/// contract) and each duty they hold (role, who else is on duty), as whole-day events. No
/// session: the secret in the address says whose it is.
#[utoipa::path(get, path = "/api/v1/calendar/{token}/member.ics", tag = "calendar", params(CalendarPath),
    responses(
        (status = 200, description = "The calendar (iCalendar, RFC 5545)", content((FileBody = "text/calendar; charset=utf-8"))),
        (status = 404, description = "No such feed (never given, reset since, or its member left the AMAP)", body = ApiError),
    ))]
pub async fn member(
    State(state): State<AppState>,
    Route(path): Route<CalendarPath>,
) -> AppResult<Response> {
    let body = services::calendar::member_feed(&state, &path.token).await?;
    Ok(calendar(body))
}

/// The AMAP's distributions: every day one of its contracts delivers, with the contracts,
/// where and when (no names).
#[utoipa::path(get, path = "/api/v1/calendar/{token}/distributions.ics", tag = "calendar", params(CalendarPath),
    responses(
        (status = 200, description = "The calendar (iCalendar, RFC 5545)", content((FileBody = "text/calendar; charset=utf-8"))),
        (status = 404, description = "No such feed (never given, reset since, or its member left the AMAP)", body = ApiError),
    ))]
pub async fn distributions(
    State(state): State<AppState>,
    Route(path): Route<CalendarPath>,
) -> AppResult<Response> {
    let body = services::calendar::distributions_feed(&state, &path.token).await?;
    Ok(calendar(body))
}
