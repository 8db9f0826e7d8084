//! Limits on repeated attempts (failed logins per address and per client, password-reset
//! requests): after `max` inside the window, the next ones wait until the window that began
//! with the first of them ends. Pure arithmetic; the server keeps the counts in its database,
//! so a restart forgives nothing.

use chrono::{DateTime, Duration, Utc};

/// What is counted for one key: how many since when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attempts {
    pub count: u32,
    pub since: DateTime<Utc>,
}

/// At most `max` attempts per `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub window: Duration,
}

impl Limit {
    /// Seconds to wait before the next attempt (at least 1), or `None` when it may go ahead.
    pub fn wait(&self, counted: Option<Attempts>, now: DateTime<Utc>) -> Option<u64> {
        let counted = counted?;
        let ends = counted.since + self.window;
        (counted.count >= self.max && now < ends).then(|| {
            u64::try_from((ends - now).num_seconds())
                .unwrap_or(0)
                .max(1)
        })
    }

    /// The count after one more attempt: a window that has ended starts again now.
    pub fn after_one_more(&self, counted: Option<Attempts>, now: DateTime<Utc>) -> Attempts {
        match counted {
            Some(c) if now < c.since + self.window => Attempts {
                count: c.count.saturating_add(1),
                since: c.since,
            },
            _ => Attempts {
                count: 1,
                since: now,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).expect("a time")
    }

    const LIMIT: Limit = Limit {
        max: 3,
        window: Duration::seconds(60),
    };

    #[test]
    fn locks_after_the_limit_and_forgives_after_the_window() {
        let mut counted = None;
        for _ in 0..3 {
            assert_eq!(LIMIT.wait(counted, at(0)), None);
            counted = Some(LIMIT.after_one_more(counted, at(0)));
        }
        assert_eq!(LIMIT.wait(counted, at(10)), Some(50));
        assert_eq!(LIMIT.wait(counted, at(61)), None);
        assert_eq!(
            LIMIT.after_one_more(counted, at(61)),
            Attempts {
                count: 1,
                since: at(61)
            }
        );
    }

    proptest! {
        /// Whatever the rhythm of attempts, a window never lets more than `max` through,
        /// and one that is full always says how long to wait.
        #[test]
        fn never_more_than_max_in_a_window(gaps in prop::collection::vec(0i64..40, 1..60)) {
            let mut counted: Option<Attempts> = None;
            let mut now = 0;
            for gap in gaps {
                now += gap;
                match LIMIT.wait(counted, at(now)) {
                    None => {
                        let next = LIMIT.after_one_more(counted, at(now));
                        prop_assert!(next.count <= LIMIT.max);
                        prop_assert!(at(now) < next.since + LIMIT.window);
                        counted = Some(next);
                    }
                    Some(wait) => {
                        let c = counted.expect("a full window");
                        prop_assert_eq!(c.count, LIMIT.max);
                        prop_assert!((1..=60).contains(&wait));
                    }
                }
            }
        }
    }
}
