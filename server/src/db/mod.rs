//! Database connection: SQLite by default, PostgreSQL when the URL says so.
//! Migrations run at start-up.

pub mod entities;
pub mod metrics;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::time::Duration;

/// Opens the database and brings its schema up to date.
///
/// SQLite runs in WAL mode with `synchronous = FULL`: a write is on disk before we
/// acknowledge it, so neither a crash nor a power cut loses an acknowledged write.
/// Foreign keys are enforced and writers wait (busy timeout) rather than fail.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(10))
        .map_sqlx_sqlite_opts(|opts| {
            opts.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // 512 KiB of page cache per connection (SQLite's default is 2 MiB): eight
                // connections would otherwise keep up to 16 MiB of the same pages the
                // kernel's file cache already holds; reading them there costs a system call.
                .pragma("cache_size", "-512")
        });
    if url.starts_with("sqlite:") {
        options.max_connections(8).min_connections(1);
    } else {
        options.max_connections(16);
    }
    let mut db = Database::connect(options).await?;
    db.set_metric_callback(|_| metrics::count_query());
    Migrator::up(&db, None).await?;
    Ok(db)
}
