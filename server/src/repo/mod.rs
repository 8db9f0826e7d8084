//! Repositories: every query the server runs. Anything owned by an AMAP is always
//! filtered by that AMAP's id, so one AMAP's rows cannot leak into another's answers.

pub mod account_tokens;
pub mod adhesions;
pub mod amaps;
pub mod calendar_feeds;
pub mod cheques;
pub mod memberships;
pub mod producers;
pub mod secrets;
pub mod users;

use sea_orm::{DbErr, SqlErr};
use std::sync::atomic::{AtomicU64, Ordering};

/// Counts the writes to accounts and memberships (every one goes through `users` and
/// `memberships`), so that a cached list of people can tell it may be out of date.
static PEOPLE_WRITES: AtomicU64 = AtomicU64::new(0);

/// Called by every write to `app_user` or `membership`, before it runs.
pub(crate) fn people_changed() {
    PEOPLE_WRITES.fetch_add(1, Ordering::SeqCst);
}

/// The count of writes to people so far (see [`people_changed`]).
pub fn people_version() -> u64 {
    PEOPLE_WRITES.load(Ordering::SeqCst)
}

/// True when the database was too busy to take the write in time: SQLite's "database is
/// locked" after its busy timeout, or no turn to write in this process (`write_txn`).
pub fn is_busy(err: &DbErr) -> bool {
    let text = err.to_string();
    text.contains("database is locked") || text.contains(write::NO_TURN)
}

/// True when the error is a unique-constraint violation (a duplicate e-mail, slug…).
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

pub mod products;
pub mod rota;
pub mod rules;
pub mod stock;
pub mod subscriptions;
pub mod template_changes;
pub mod templates;
pub mod throttle;
mod write;

pub use write::{WriteTxn, snapshot_txn, write_txn, writes_version};
