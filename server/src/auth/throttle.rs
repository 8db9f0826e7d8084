//! Throttles on repeated attempts — failed logins per e-mail address and per client address,
//! password-reset requests — counted in the database (`throttle`), so a restart forgives
//! nothing and every server process counts the same. The arithmetic is the domain's
//! (`app::domain::throttle::Limit`); a success clears an address's count.

use crate::error::{AppError, AppResult};
use crate::repo;
use app::domain::throttle::Limit;
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use std::net::IpAddr;

/// One limit, over the keys of one kind (`login-address`, `reset-client`…).
pub struct Throttle {
    kind: &'static str,
    limit: Limit,
}

impl Throttle {
    pub fn new(kind: &'static str, max: u32, window: std::time::Duration) -> Self {
        Self {
            kind,
            limit: Limit {
                max,
                window: chrono::Duration::from_std(window).unwrap_or(chrono::Duration::hours(1)),
            },
        }
    }

    fn key(&self, key: &str) -> String {
        format!("{}:{key}", self.kind)
    }

    /// 429 (with the seconds to wait) when `key` is over its limit now.
    pub async fn check(
        &self,
        db: &DatabaseConnection,
        key: &str,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let counted = repo::throttle::get(db, &self.key(key)).await?;
        match self.limit.wait(counted, now) {
            Some(retry_after) => Err(AppError::TooManyRequests { retry_after }),
            None => Ok(()),
        }
    }

    /// Counts one more attempt for `key`, under a lock, so that attempts at once all count.
    pub async fn record(
        &self,
        db: &DatabaseConnection,
        key: &str,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let key = self.key(key);
        let txn = repo::write_txn(db).await?;
        let counted = repo::throttle::get_locked(&txn, &key, now).await?;
        repo::throttle::put(&txn, &key, self.limit.after_one_more(counted, now)).await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn clear(&self, db: &DatabaseConnection, key: &str) -> AppResult<()> {
        repo::throttle::clear(db, &self.key(key)).await?;
        Ok(())
    }
}

/// Failed logins (and wrong current passwords): per e-mail address, and per client address
/// with a higher limit (an AMAP's members may share one address behind a box or a proxy).
pub struct LoginThrottle {
    pub by_address: Throttle,
    pub by_client: Throttle,
}

impl LoginThrottle {
    pub fn new(max_failures: u32, max_client_failures: u32, window: std::time::Duration) -> Self {
        Self {
            by_address: Throttle::new("login-address", max_failures, window),
            by_client: Throttle::new("login-client", max_client_failures, window),
        }
    }

    /// 429 when the address or the client is over its limit.
    pub async fn check(
        &self,
        db: &DatabaseConnection,
        address: &str,
        client: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        self.by_address.check(db, address, now).await?;
        if let Some(ip) = client {
            self.by_client.check(db, &ip.to_string(), now).await?;
        }
        Ok(())
    }

    pub async fn record_failure(
        &self,
        db: &DatabaseConnection,
        address: &str,
        client: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        self.by_address.record(db, address, now).await?;
        if let Some(ip) = client {
            self.by_client.record(db, &ip.to_string(), now).await?;
        }
        Ok(())
    }

    /// A success forgives the address (not the client: guesses at other addresses still count).
    pub async fn clear(&self, db: &DatabaseConnection, address: &str) -> AppResult<()> {
        self.by_address.clear(db, address).await
    }
}
