//! Calendar feeds (iCal): a member's deliveries and duties, and the AMAP's distributions,
//! that a phone or desktop calendar subscribes to. A feed's address holds a secret instead of
//! a session (calendar applications cannot log in); the member may reset it, which ends the
//! old address.

use super::amaps::amap_path;
use super::client;
use super::error::ApiError;
use serde::{Deserialize, Serialize};

/// Where my two feeds are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CalendarLinks {
    /// My deliveries and duties (`https://…/member.ics`).
    pub member: String,
    /// Every distribution of the AMAP (`https://…/distributions.ics`).
    pub distributions: String,
}

impl CalendarLinks {
    /// The same address for a calendar application to subscribe to in one tap
    /// (`webcal://…`, which phones open in their calendar).
    pub fn subscribe(url: &str) -> String {
        match url.split_once("://") {
            Some((_, rest)) => format!("webcal://{rest}"),
            None => url.to_owned(),
        }
    }
}

pub fn my_calendar_path(slug: &str) -> String {
    format!("{}/me/calendar", amap_path(slug))
}

/// POST: a new secret; the old addresses stop working.
pub fn reset_calendar_path(slug: &str) -> String {
    format!("{}/reset", my_calendar_path(slug))
}

/// The feeds themselves, relative to the server.
pub fn member_feed_path(token: &str) -> String {
    format!("{}/calendar/{token}/member.ics", super::BASE)
}

pub fn distributions_feed_path(token: &str) -> String {
    format!("{}/calendar/{token}/distributions.ics", super::BASE)
}

pub async fn mine(slug: String) -> Result<CalendarLinks, ApiError> {
    client::get(my_calendar_path(&slug)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_is_subscribed_to_through_webcal() {
        assert_eq!(
            CalendarLinks::subscribe("https://amap.example.org/api/v1/calendar/x/member.ics"),
            "webcal://amap.example.org/api/v1/calendar/x/member.ics"
        );
    }
}
