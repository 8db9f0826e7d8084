//! An AMAP's archive: everything one AMAP holds, as open files, to keep, to read in a
//! spreadsheet, or to restore into another deployment (SQLite or PostgreSQL).
//!
//! The file is a zip of
//! - `amapola.json`: `{"format": "amapola-amap", "version": 1, "tables": {…}}`, every table's
//!   rows as objects, in the order they are restored — the reference, what `import` reads;
//! - `csv/<table>.csv`: the same rows, one file per table, for spreadsheets;
//! - `LISEZMOI.txt`: what the files are.
//!
//! Ids are the archive's own: each table's rows are numbered from 1 in the order the
//! database holds them, and every column naming another row carries that row's number. So an
//! archive does not depend on the deployment it came from, and export → import → export gives
//! the same bytes (no date inside, fixed file times). Left out on purpose: see
//! [`tables::TABLES`]. `version` changes whenever an archived table changes.

mod collect;
pub mod file;
mod restore;
pub mod tables;

pub use collect::collect;
pub use restore::restore;

use sea_orm::{AccessMode, DatabaseConnection, DbBackend, IsolationLevel, TransactionTrait};

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;

pub const FORMAT: &str = "amapola-amap";
pub const VERSION: u32 = 1;

/// One row: column → value, as the database holds it (dates ISO 8601, amounts in cents).
pub type Row = serde_json::Map<String, serde_json::Value>;

/// What `export` writes and `import` reads.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Archive {
    pub format: String,
    pub version: u32,
    pub tables: BTreeMap<String, Vec<Row>>,
}

impl Archive {
    pub fn rows(&self, table: &str) -> &[Row] {
        self.tables
            .get(table)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

/// Tables in restore order (a reader sees the accounts and the AMAP first), each present.
impl Serialize for Archive {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Tables<'a>(&'a Archive);
        impl Serialize for Tables<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(tables::TABLES.len()))?;
                for table in tables::TABLES {
                    map.serialize_entry(table.name, self.0.rows(table.name))?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("format", &self.format)?;
        map.serialize_entry("version", &self.version)?;
        map.serialize_entry("tables", &Tables(self))?;
        map.end()
    }
}

/// AMAP `amap_id`'s archive file, read from one consistent snapshot while others write.
pub async fn export(
    db: &DatabaseConnection,
    amap_id: i64,
    options: Options,
) -> Result<Vec<u8>, ArchiveError> {
    // SQLite's read transaction already is a snapshot (WAL); PostgreSQL's must be asked for.
    let snapshot = if db.get_database_backend() == DbBackend::Postgres {
        db.begin_with_config(
            Some(IsolationLevel::RepeatableRead),
            Some(AccessMode::ReadOnly),
        )
        .await?
    } else {
        db.begin().await?
    };
    let archive = collect(&snapshot, amap_id, options).await?;
    snapshot.rollback().await?;
    file::write(&archive)
}

/// What to put in an archive beyond the AMAP's data.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The accounts' password hashes (argon2id): only the operator's command line offers it,
    /// to move an AMAP without its members choosing a new password. Never in a download.
    pub with_passwords: bool,
}

/// Why an archive could not be written or restored.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("not an Amapola archive: {0}")]
    NotAnArchive(String),
    #[error(
        "archive format {format} version {version}; this Amapola reads {FORMAT} version {VERSION}"
    )]
    Version { format: String, version: u32 },
    #[error("table {0} is not one an archive holds")]
    UnknownTable(String),
    #[error("an archive holds exactly one AMAP; this one holds {0}")]
    AmapCount(usize),
    #[error("an AMAP with the address {0} already exists here (choose another with --slug)")]
    SlugTaken(String),
    #[error("{table}, row {row}: {reason}")]
    Row {
        table: String,
        row: usize,
        reason: String,
    },
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
}

impl ArchiveError {
    fn row(table: &str, row: usize, reason: impl Into<String>) -> Self {
        ArchiveError::Row {
            table: table.to_owned(),
            row,
            reason: reason.into(),
        }
    }
}

/// A duty place's `exclusive_key` names a role or the place itself (`role:<id>`,
/// `place:<id>`, the rota's sign-up rule, `app::domain::rota`): its id is translated like
/// any other column's. Other keys (`date`) have no id.
fn rekey(
    row: &mut Row,
    role: impl Fn(i64) -> Option<i64>,
    place: impl Fn(i64) -> Option<i64>,
) -> Result<(), String> {
    let Some(serde_json::Value::String(key)) = row.get("exclusive_key") else {
        return Ok(());
    };
    let translate = |id: &str, how: &dyn Fn(i64) -> Option<i64>| {
        id.parse::<i64>()
            .ok()
            .and_then(how)
            .ok_or_else(|| format!("exclusive_key {key} names an unknown row"))
    };
    let translated = match key.split_once(':') {
        Some(("role", id)) => format!("role:{}", translate(id, &role)?),
        Some(("place", id)) => format!("place:{}", translate(id, &place)?),
        _ => return Ok(()),
    };
    row.insert("exclusive_key".to_owned(), translated.into());
    Ok(())
}

/// For the download: the database's errors keep their meaning (busy → 503); anything else
/// while writing an AMAP's own rows is a fault of this server.
impl From<ArchiveError> for crate::error::AppError {
    fn from(error: ArchiveError) -> Self {
        match error {
            ArchiveError::Db(error) => error.into(),
            other => crate::error::AppError::Internal(other.into()),
        }
    }
}
