//! The member list's people, kept for a moment: *Liste des adhérents* of a thousand members
//! reads two thousand rows, and with SQLite each row crosses from sqlx's worker thread on its
//! own — most of the page's cost when many members open it at once (the opening of a season).
//!
//! An entry serves while no account or membership was written since it was read
//! (`repo::people_version`) and for [`FRESH`] at most: a write that commits just after a
//! read began shows within that time, and so does a write by another server process.

use crate::db::entities::{app_user, membership};
use crate::repo;
use sea_orm::{ConnectionTrait, DbErr};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long an entry serves at most.
pub const FRESH: Duration = Duration::from_secs(2);

/// Every member of an AMAP with their account, in French order.
pub type People = Arc<Vec<(membership::Model, app_user::Model)>>;

struct Entry {
    version: u64,
    read_at: Instant,
    people: People,
}

#[derive(Default)]
pub struct DirectoryCache {
    entries: Mutex<HashMap<i64, Entry>>,
}

impl DirectoryCache {
    /// The AMAP's people, from the cache while it is valid, else read again.
    pub async fn people(&self, db: &impl ConnectionTrait, amap_id: i64) -> Result<People, DbErr> {
        let version = repo::people_version();
        if let Some(people) = self.valid(amap_id, version) {
            return Ok(people);
        }
        let people: People = Arc::new(repo::memberships::list_with_users(db, amap_id).await?);
        self.lock().insert(
            amap_id,
            Entry {
                version,
                read_at: Instant::now(),
                people: people.clone(),
            },
        );
        Ok(people)
    }

    fn valid(&self, amap_id: i64, version: u64) -> Option<People> {
        let entries = self.lock();
        let entry = entries.get(&amap_id)?;
        (entry.version == version && entry.read_at.elapsed() < FRESH).then(|| entry.people.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, Entry>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
