//! A rota period as stored — its row, dates, places and participants — with the AMAP's roles,
//! kept for a moment: in the days a season's rota opens, every member reads the same grid, and
//! with three hundred participants most of a request's cost was reading them again.
//!
//! An entry serves while no write transaction committed in this process since it was read
//! (`repo::writes_version`, counted after each commit, so a member's next page shows their
//! own change) and for [`FRESH`] at most, which bounds what a write by another server
//! process can leave unseen. Writes never read from here: they read in their transaction.

use super::Loaded;
use crate::db::entities::{duty_period, duty_role};
use crate::error::AppResult;
use crate::repo;
use app::domain::DutyPeriodId;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long an entry serves at most.
pub const FRESH: Duration = Duration::from_secs(2);

/// A period and what its grid is made of.
pub(crate) struct Snapshot {
    pub(crate) period: duty_period::Model,
    pub(crate) loaded: Loaded,
    /// The AMAP's roles, in their order.
    pub(crate) roles: Vec<duty_role::Model>,
}

struct Entry {
    version: u64,
    read_at: Instant,
    snapshot: Arc<Snapshot>,
}

/// Entries by (AMAP, period).
#[derive(Default)]
pub struct RotaCache {
    entries: Mutex<HashMap<(i64, i64), Entry>>,
}

impl RotaCache {
    /// The period of the AMAP as stored, from the cache while it is valid, else read again;
    /// `None` when the AMAP has no such period.
    pub(crate) async fn period(
        &self,
        db: &impl ConnectionTrait,
        amap_id: i64,
        id: DutyPeriodId,
    ) -> AppResult<Option<Arc<Snapshot>>> {
        // The version before reading: a write committing meanwhile leaves the entry stale.
        let version = repo::writes_version();
        let key = (amap_id, id.0);
        if let Some(snapshot) = self.valid(key, version) {
            return Ok(Some(snapshot));
        }
        let Some(period) = repo::rota::period(db, amap_id, id).await? else {
            return Ok(None);
        };
        let snapshot = Arc::new(Snapshot {
            loaded: Loaded::of(db, &[period.id]).await?,
            roles: repo::rota::roles(db, amap_id).await?,
            period,
        });
        let mut entries = self.lock();
        // Periods deleted since are forgotten with the others that went stale.
        entries.retain(|_, e| e.version == version && e.read_at.elapsed() < FRESH);
        entries.insert(
            key,
            Entry {
                version,
                read_at: Instant::now(),
                snapshot: snapshot.clone(),
            },
        );
        Ok(Some(snapshot))
    }

    fn valid(&self, key: (i64, i64), version: u64) -> Option<Arc<Snapshot>> {
        let entries = self.lock();
        let entry = entries.get(&key)?;
        (entry.version == version && entry.read_at.elapsed() < FRESH)
            .then(|| entry.snapshot.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(i64, i64), Entry>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
