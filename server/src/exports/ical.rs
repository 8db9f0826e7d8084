//! Calendar feeds as iCalendar text (RFC 5545). A distribution is a date, so every event is
//! a whole-day event: no time zone to get wrong, and the AMAP's hours are in its text.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

pub const CALENDAR_TYPE: &str = "text/calendar; charset=utf-8";

/// One whole-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayEvent {
    /// Stable across refreshes (a calendar updates the event rather than adding another).
    pub uid: String,
    pub day: NaiveDate,
    pub summary: String,
    pub description: String,
    pub location: String,
}

/// The feed: its name and events; `now` stamps every event (RFC 5545's DTSTAMP).
pub fn calendar(name: &str, events: &[DayEvent], now: DateTime<Utc>) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    // Calendar applications poll a feed; twice a day is plenty for distributions.
    calendar.append_property(
        Property::new("REFRESH-INTERVAL", "PT12H")
            .add_parameter("VALUE", "DURATION")
            .done(),
    );
    calendar.append_property(Property::new("X-PUBLISHED-TTL", "PT12H"));
    for event in events {
        let mut e = Event::new();
        e.uid(&event.uid)
            .timestamp(now)
            .all_day(event.day)
            .summary(&event.summary);
        if !event.description.is_empty() {
            e.description(&event.description);
        }
        if !event.location.is_empty() {
            e.location(&event.location);
        }
        calendar.push(e.done());
    }
    calendar.done().to_string()
}
