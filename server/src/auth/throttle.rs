//! Failed-login throttling per e-mail address: after `max_failures` failures inside the
//! window, further attempts are refused (429 with Retry-After) until the window ends.
//! Successful logins clear the count. Kept in memory: a restart forgives, which is fine for
//! a limit whose purpose is to make guessing slow.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct LoginThrottle {
    max_failures: u32,
    window: Duration,
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl LoginThrottle {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self {
            max_failures,
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds to wait)` when this address is locked out.
    pub fn check(&self, key: &str, now: Instant) -> Result<(), u64> {
        let failures = self
            .failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match failures.get(key) {
            Some(&(count, since))
                if count >= self.max_failures && now.duration_since(since) < self.window =>
            {
                Err((self.window - now.duration_since(since)).as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    pub fn record_failure(&self, key: &str, now: Instant) {
        let mut failures = self
            .failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Bound memory under a spray of random addresses: forget expired entries first.
        if failures.len() > 10_000 {
            failures.retain(|_, (_, since)| now.duration_since(*since) < self.window);
        }
        let entry = failures.entry(key.to_owned()).or_insert((0, now));
        if now.duration_since(entry.1) >= self.window {
            *entry = (0, now);
        }
        entry.0 += 1;
    }

    pub fn clear(&self, key: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_the_limit_and_forgives_after_the_window() {
        let throttle = LoginThrottle::new(3, Duration::from_secs(60));
        let start = Instant::now();
        for _ in 0..3 {
            assert!(throttle.check("a@x.fr", start).is_ok());
            throttle.record_failure("a@x.fr", start);
        }
        let wait = throttle
            .check("a@x.fr", start + Duration::from_secs(10))
            .expect_err("locked");
        assert_eq!(wait, 50);
        assert!(
            throttle.check("b@x.fr", start).is_ok(),
            "other addresses are not affected"
        );
        assert!(
            throttle
                .check("a@x.fr", start + Duration::from_secs(61))
                .is_ok()
        );
        throttle.clear("a@x.fr");
        assert!(
            throttle
                .check("a@x.fr", start + Duration::from_secs(10))
                .is_ok()
        );
    }
}
