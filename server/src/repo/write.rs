//! Write transactions. On SQLite, this process's writers queue for their turn in memory
//! (first come, first served) before `BEGIN IMMEDIATE`, instead of polling SQLite's busy
//! handler, which sleeps up to 100 ms between tries and made the slowest writes of a busy
//! moment wait for nothing. The turn is a connection of its own, the writer's: a writer that
//! has its turn never queues again behind the readers for one of the pool's connections (in
//! an opening rush, hundreds of requests read there at once). Every commit also counts as a
//! write ([`writes_version`]), which tells the read caches that what they keep may be out of
//! date.

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult,
    QueryResult, Statement,
};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::OwnedMutexGuard;

/// How long a writer waits for its turn, as SQLite's busy timeout did.
const TURN_TIMEOUT: Duration = Duration::from_secs(10);

static WRITES: AtomicU64 = AtomicU64::new(0);

/// What a writer that waited [`TURN_TIMEOUT`] in vain reports (the error is a 503).
pub(super) const NO_TURN: &str = "database is busy: no turn to write";

/// The number of write transactions committed by this process so far.
pub fn writes_version() -> u64 {
    WRITES.load(Ordering::SeqCst)
}

/// How long the writer's connection stays open once nobody writes (tests open hundreds of
/// databases in one process; each open connection is a thread and three files).
const WRITER_IDLE: Duration = Duration::from_secs(30);

/// The writer of one SQLite file: its connection, created at the first write.
type Writer = Arc<tokio::sync::Mutex<Option<DatabaseConnection>>>;

/// One writer per SQLite file (tests run many databases in one process); `None` on PostgreSQL,
/// whose writers each use a connection of the pool and lock rows, not the database.
fn writer_of(db: &DatabaseConnection) -> Option<Writer> {
    static WRITERS: Mutex<Option<HashMap<PathBuf, Writer>>> = Mutex::new(None);
    if db.get_database_backend() != DbBackend::Sqlite {
        return None;
    }
    let file = db
        .get_sqlite_connection_pool()
        .connect_options()
        .get_filename()
        .to_owned();
    let mut writers = WRITERS.lock().unwrap_or_else(PoisonError::into_inner);
    Some(
        writers
            .get_or_insert_with(HashMap::new)
            .entry(file)
            .or_default()
            .clone(),
    )
}

/// The writer's own connection to the file `db` reads: the same options (WAL, `synchronous =
/// FULL`, foreign keys, busy timeout), a pool of one.
fn writer_connection(db: &DatabaseConnection) -> DatabaseConnection {
    use sea_orm::SqlxSqliteConnector;
    use sea_orm::sqlx::sqlite::SqlitePoolOptions;
    let options = db.get_sqlite_connection_pool().connect_options();
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(0)
        .idle_timeout(WRITER_IDLE)
        .acquire_timeout(TURN_TIMEOUT)
        .connect_lazy_with((*options).clone());
    let mut writer = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
    writer.set_metric_callback(|_| crate::db::metrics::count_query());
    writer
}

/// A write transaction: commit it with [`WriteTxn::commit`]; dropped, it rolls back.
pub struct WriteTxn {
    txn: DatabaseTransaction,
    /// SQLite: this process's turn to write (the writer's connection), held until the
    /// transaction ends.
    _turn: Option<OwnedMutexGuard<Option<DatabaseConnection>>>,
}

/// A write transaction. On SQLite it waits for this process's turn, then takes the write
/// lock at `BEGIN` (IMMEDIATE), so a transaction that reads before it writes cannot fail
/// later with "database is locked"; PostgreSQL ignores the option.
pub async fn write_txn(db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    };
    let Some(writer) = writer_of(db) else {
        let txn = db.begin_with_options(options).await?;
        return Ok(WriteTxn { txn, _turn: None });
    };
    let mut turn = tokio::time::timeout(TURN_TIMEOUT, writer.lock_owned())
        .await
        .map_err(|_| DbErr::Custom(NO_TURN.to_owned()))?;
    let txn = turn
        .get_or_insert_with(|| writer_connection(db))
        .begin_with_options(options)
        .await?;
    Ok(WriteTxn {
        txn,
        _turn: Some(turn),
    })
}

/// A transaction that only reads one consistent snapshot (a preview of a write): no turn to
/// write, no write lock; it is never committed.
pub async fn snapshot_txn(db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
    use sea_orm::TransactionTrait;
    Ok(WriteTxn {
        txn: db.begin().await?,
        _turn: None,
    })
}

impl WriteTxn {
    /// Commits (durably: on SQLite `synchronous = FULL`), then counts the write.
    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await?;
        WRITES.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    pub async fn rollback(self) -> Result<(), DbErr> {
        self.txn.rollback().await
    }

    /// The transaction itself, for the few calls that need sea-orm's own type (savepoints).
    pub fn inner(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTxn {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.txn.support_returning()
    }
}
