//! Backups: a consistent copy of the whole database while it serves, and the nightly pass
//! that takes one and keeps the last few.
//!
//! SQLite copies itself with `VACUUM INTO` (one read transaction: a consistent snapshot, not
//! blocking writers, compacted), written under a temporary name, flushed to disk, then renamed
//! into place — a crash mid-copy never leaves a half file that looks like a backup. On
//! PostgreSQL a backup is every AMAP's archive (`crate::archive`, passwords included), one
//! `<slug>.zip` each inside `amapola-YYYYMMDD-HHMMSS.zip`, which `amapola import` restores
//! on either engine; `pg_dump` remains the copy of everything (see the README).

use crate::state::AppState;
use anyhow::Context;
use chrono::{DateTime, Local, Timelike, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};
use std::path::{Path, PathBuf};

/// Backups are named `amapola-YYYYMMDD-HHMMSS.sqlite` (or `.zip`, PostgreSQL's archives):
/// sorting the names sorts them in time.
const PREFIX: &str = "amapola-";
const SUFFIXES: [&str; 2] = [".sqlite", ".zip"];

fn is_backup(name: &str) -> bool {
    name.starts_with(PREFIX) && SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
}

/// Writes a consistent copy of the database into `dir` (made if missing); its path.
pub async fn backup(
    db: &DatabaseConnection,
    dir: &Path,
    now: DateTime<Utc>,
) -> anyhow::Result<PathBuf> {
    tokio::fs::create_dir_all(dir)
        .await
        .with_context(|| format!("creating {}", dir.display()))?;
    let stem = format!("{PREFIX}{}", now.format("%Y%m%d-%H%M%S"));
    if db.get_database_backend() != DbBackend::Sqlite {
        return archives(db, &dir.join(format!("{stem}.zip"))).await;
    }
    let name = format!("{stem}.sqlite");
    let done = dir.join(&name);
    let partial = dir.join(format!(".{name}.partial"));
    let _ = tokio::fs::remove_file(&partial).await;
    let target = partial
        .to_str()
        .context("the backup folder's path is not UTF-8")?
        .replace('\'', "''");
    db.execute_unprepared(&format!("VACUUM INTO '{target}'"))
        .await
        .context("copying the database (VACUUM INTO)")?;
    let file = tokio::fs::File::open(&partial).await?;
    file.sync_all().await?;
    tokio::fs::rename(&partial, &done).await?;
    // The rename itself is on disk once the folder is.
    tokio::fs::File::open(dir).await?.sync_all().await?;
    Ok(done)
}

/// Every AMAP's archive, with the passwords (a restore must let members back in), in one zip.
async fn archives(db: &DatabaseConnection, path: &Path) -> anyhow::Result<PathBuf> {
    use std::io::Write;
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o600);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for amap in crate::repo::amaps::list_all(db).await? {
        let options_of_archive = crate::archive::Options {
            with_passwords: true,
        };
        let bytes = crate::archive::export(db, amap.id, options_of_archive)
            .await
            .with_context(|| format!("archiving {}", amap.slug))?;
        zip.start_file(format!("{}.zip", amap.slug), options)?;
        zip.write_all(&bytes)?;
    }
    let bytes = zip.finish()?.into_inner();
    let path_owned = path.to_owned();
    tokio::task::spawn_blocking(move || write_whole(&path_owned, &bytes)).await??;
    Ok(path.to_owned())
}

/// Writes `bytes` to `path` whole or not at all: a temporary name, flushed, then renamed.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("archive");
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let partial = folder.join(format!(".{name}.partial"));
    let mut file = std::fs::File::create(&partial)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&partial, path)?;
    std::fs::File::open(&folder)?.sync_all()
}

/// Removes all but the `keep` newest backups of `dir`; the removed ones.
pub fn prune(dir: &Path, keep: usize) -> anyhow::Result<Vec<PathBuf>> {
    let mut backups: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_backup)
        })
        .collect();
    backups.sort();
    let old = backups.len().saturating_sub(keep);
    let removed: Vec<PathBuf> = backups.drain(..old).collect();
    for path in &removed {
        std::fs::remove_file(path)?;
    }
    Ok(removed)
}

/// Whether the nightly backup is due: past `hour` (the machine's local time) and none taken
/// today yet.
fn due(now: DateTime<Local>, hour: u32, last: Option<DateTime<Local>>) -> bool {
    now.hour() >= hour && last.is_none_or(|last| last.date_naive() < now.date_naive())
}

/// The nightly pass, for as long as the server runs: a backup at
/// `AMAPOLA_BACKUP_HOUR`, the last `AMAPOLA_BACKUP_KEEP` kept.
pub fn spawn(state: AppState) -> Option<tokio::task::JoinHandle<()>> {
    if state.config.backup_keep == 0 {
        return None;
    }
    let dir = state.config.backup_dir.clone();
    Some(tokio::spawn(async move {
        let mut last = latest(&dir).ok().flatten();
        loop {
            let now = Local::now();
            if due(now, state.config.backup_hour, last) {
                match backup(&state.db, &dir, state.clock.now()).await {
                    Ok(path) => {
                        last = Some(now);
                        tracing::info!(path = %path.display(), "nightly backup written");
                        match prune(&dir, state.config.backup_keep) {
                            Ok(removed) if !removed.is_empty() => {
                                tracing::info!(removed = removed.len(), "old backups removed")
                            }
                            Ok(_) => {}
                            Err(error) => tracing::error!(%error, "old backups not removed"),
                        }
                    }
                    Err(error) => {
                        tracing::error!(error = %format!("{error:#}"), "nightly backup failed")
                    }
                }
            }
            tokio::time::sleep(std::time::Duration::from_secs(600)).await;
        }
    }))
}

/// When the newest backup of `dir` was written (its file's time), if any.
fn latest(dir: &Path) -> anyhow::Result<Option<DateTime<Local>>> {
    let mut newest = None;
    for entry in std::fs::read_dir(dir)?.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_backup(name) {
            let modified: DateTime<Local> = entry.metadata()?.modified()?.into();
            newest = newest.max(Some(modified));
        }
    }
    Ok(newest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Local> {
        Local
            .with_ymd_and_hms(2026, 12, day, hour, 0, 0)
            .single()
            .expect("a local time")
    }

    #[test]
    fn one_backup_a_day_once_its_hour_has_come() {
        assert!(!due(at(7, 2), 3, None));
        assert!(due(at(7, 3), 3, None));
        assert!(!due(at(7, 23), 3, Some(at(7, 3))));
        assert!(due(at(8, 4), 3, Some(at(7, 3))));
        // A server down at the hour takes it when it comes back, the same day.
        assert!(due(at(8, 15), 3, Some(at(6, 3))));
    }

    #[test]
    fn the_newest_backups_are_kept() {
        let dir = tempfile::tempdir().expect("dir");
        for name in [
            "amapola-20261201-030000.sqlite",
            "amapola-20261203-030000.sqlite",
            "amapola-20261202-030000.sqlite",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), b"x").expect("file");
        }
        let removed = prune(dir.path(), 2).expect("pruned");
        assert_eq!(removed, [dir.path().join("amapola-20261201-030000.sqlite")]);
        assert!(dir.path().join("notes.txt").exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 3);
    }
}
