//! The application's clock. Every decision that depends on the date (sign-up windows, frozen
//! cheque lines, a deposit slip's day) reads it from here, in the AMAP's time zone, so that a
//! test can set the instant and compute "today" exactly as the server does.

use chrono::{DateTime, NaiveDateTime, Utc};
use std::sync::{Arc, RwLock};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// `None`: the system's time; `Some`: a fixed instant (tests).
    fixed: Arc<RwLock<Option<DateTime<Utc>>>>,
}

impl Clock {
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock stopped at `at` (until `set` moves it).
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Self {
            fixed: Arc::new(RwLock::new(Some(at))),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        let fixed = *self
            .fixed
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        fixed.unwrap_or_else(Utc::now)
    }

    /// Moves a test's clock; every clone (the running server's included) sees the new time.
    pub fn set(&self, at: DateTime<Utc>) {
        *self
            .fixed
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(at);
    }
}

/// The wall-clock time in `time_zone` (an IANA name) at `now`: deadlines end at midnight
/// *there*, whatever the server's zone. An unknown zone (never stored: the AMAP's creation
/// checks it) reads as Europe/Paris.
pub fn local(time_zone: &str, now: DateTime<Utc>) -> NaiveDateTime {
    let zone: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
    now.with_timezone(&zone).naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_moves_only_when_set_and_reads_in_the_amaps_zone() {
        let at = DateTime::parse_from_rfc3339("2026-12-31T23:30:00Z")
            .expect("instant")
            .with_timezone(&Utc);
        let clock = Clock::fixed(at);
        let shared = clock.clone();
        assert_eq!(shared.now(), at);
        assert_eq!(local("Europe/Paris", at).to_string(), "2027-01-01 00:30:00");
        clock.set(at + chrono::Duration::hours(1));
        assert_eq!(shared.now(), at + chrono::Duration::hours(1));
    }
}
