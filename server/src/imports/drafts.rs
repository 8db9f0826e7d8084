//! Files read and waiting for the admin's "Importer": kept in memory for two hours, each
//! visible only to the admin who sent it, in its AMAP. A restart forgets them — the admin
//! sends the file again; nothing was written yet.

use app::domain::Problem;
use app::domain::import::RawLine;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

static SEQ: AtomicU64 = AtomicU64::new(0);

const KEPT: Duration = Duration::from_secs(2 * 3600);
/// Previews kept at most per AMAP: its oldest goes first.
const MAX_DRAFTS: usize = 64;

/// A file as read: its lines, or what made it unusable.
pub struct Draft {
    pub amap_id: i64,
    pub owner: i64,
    pub file_name: String,
    pub read: Result<(Vec<String>, Vec<RawLine>), Vec<Problem>>,
    sent: Instant,
    /// Order of arrival (instants can tie).
    seq: u64,
}

impl Draft {
    pub fn new(
        amap_id: i64,
        owner: i64,
        file_name: String,
        read: Result<(Vec<String>, Vec<RawLine>), Vec<Problem>>,
    ) -> Self {
        Self {
            amap_id,
            owner,
            file_name,
            read,
            sent: Instant::now(),
            seq: SEQ.fetch_add(1, Ordering::Relaxed),
        }
    }
}

#[derive(Default)]
pub struct Drafts(Mutex<HashMap<String, Arc<Draft>>>);

impl Drafts {
    /// Keeps `draft` under a new random name.
    pub fn keep(&self, draft: Draft) -> String {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let mut drafts = self.0.lock().unwrap_or_else(|p| p.into_inner());
        drafts.retain(|_, d| d.sent.elapsed() < KEPT);
        // Each AMAP has its own room: one AMAP's uploads never push another's previews out.
        let amap = draft.amap_id;
        while drafts.values().filter(|d| d.amap_id == amap).count() >= MAX_DRAFTS {
            let Some(oldest) = drafts
                .iter()
                .filter(|(_, d)| d.amap_id == amap)
                .min_by_key(|(_, d)| d.seq)
                .map(|(id, _)| id.clone())
            else {
                break;
            };
            drafts.remove(&oldest);
        }
        drafts.insert(id.clone(), Arc::new(draft));
        id
    }

    /// The draft `id` when `owner` sent it in this AMAP and it has not expired.
    pub fn get(&self, id: &str, amap_id: i64, owner: i64) -> Option<Arc<Draft>> {
        let drafts = self.0.lock().unwrap_or_else(|p| p.into_inner());
        drafts
            .get(id)
            .filter(|d| d.amap_id == amap_id && d.owner == owner && d.sent.elapsed() < KEPT)
            .cloned()
    }

    /// Forgets the draft once imported, so that a second click imports nothing twice.
    pub fn take(&self, id: &str, amap_id: i64, owner: i64) -> Option<Arc<Draft>> {
        let mut drafts = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let fits = drafts
            .get(id)
            .is_some_and(|d| d.amap_id == amap_id && d.owner == owner && d.sent.elapsed() < KEPT);
        if fits { drafts.remove(id) } else { None }
    }

    /// Puts back a draft whose import failed, under the same name.
    pub fn restore(&self, id: &str, draft: Arc<Draft>) {
        let mut drafts = self.0.lock().unwrap_or_else(|p| p.into_inner());
        drafts.insert(id.to_owned(), draft);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_seen_only_by_its_sender_in_its_amap_and_imported_once() {
        let drafts = Drafts::default();
        let id = drafts.keep(Draft::new(1, 7, "m.csv".into(), Ok((vec![], vec![]))));
        assert!(drafts.get(&id, 1, 7).is_some());
        assert!(drafts.get(&id, 2, 7).is_none(), "another AMAP");
        assert!(drafts.get(&id, 1, 8).is_none(), "another admin");
        assert!(drafts.take(&id, 1, 8).is_none());
        assert!(drafts.take(&id, 1, 7).is_some());
        assert!(drafts.take(&id, 1, 7).is_none(), "taken once");
    }

    #[test]
    fn the_oldest_drafts_go_first_beyond_the_limit() {
        let drafts = Drafts::default();
        let first = drafts.keep(Draft::new(1, 7, "0.csv".into(), Ok((vec![], vec![]))));
        for i in 0..MAX_DRAFTS {
            drafts.keep(Draft::new(1, 7, format!("{i}.csv"), Ok((vec![], vec![]))));
        }
        assert!(drafts.get(&first, 1, 7).is_none());
        assert_eq!(drafts.0.lock().expect("lock").len(), MAX_DRAFTS);
        // Another AMAP's upload pushes none of these out.
        drafts.keep(Draft::new(2, 9, "b.csv".into(), Ok((vec![], vec![]))));
        assert_eq!(drafts.0.lock().expect("lock").len(), MAX_DRAFTS + 1);
    }
}
