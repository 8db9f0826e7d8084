//! The archive as a file: a zip of `amapola.json`, `csv/<table>.csv` and `LISEZMOI.txt`,
//! written byte for byte the same for the same AMAP (fixed file times, fixed order).

use super::tables::TABLES;
use super::{Archive, ArchiveError, Row};
use serde_json::Value;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

pub const JSON_NAME: &str = "amapola.json";
pub const CONTENT_TYPE: &str = "application/zip";
/// An archive larger than this is refused when read (a season is a few megabytes).
const MAX_JSON_BYTES: u64 = 512 * 1024 * 1024;

const README: &str = "\
Archive d'une AMAP, écrite par Amapola.

amapola.json  toute l'AMAP : chaque table, ligne par ligne. C'est la référence, celle que
              « amapola import --from FICHIER » relit pour restaurer l'AMAP sur un autre
              serveur Amapola (SQLite ou PostgreSQL).
csv/          les mêmes lignes, un fichier par table, pour un tableur (UTF-8, virgules).

Les numéros (id, *_id) sont ceux de l'archive : chaque table est numérotée à partir de 1 et
une colonne qui nomme une autre ligne porte son numéro. Les montants sont en centimes, les
dates au format AAAA-MM-JJ, les instants en UTC. Ne sont pas dans l'archive : les mots de
passe, les liens de connexion et d'agenda, le serveur de mail de l'AMAP et les mails en
attente.
";

pub fn write(archive: &Archive) -> Result<Vec<u8>, ArchiveError> {
    let failed = |error: &dyn std::fmt::Display| ArchiveError::NotAnArchive(error.to_string());
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let mut put = |name: &str, bytes: &[u8]| -> Result<(), ArchiveError> {
        zip.start_file(name, options).map_err(|e| failed(&e))?;
        zip.write_all(bytes).map_err(|e| failed(&e))
    };
    put("LISEZMOI.txt", README.as_bytes())?;
    let json = serde_json::to_vec_pretty(archive).map_err(|e| failed(&e))?;
    put(JSON_NAME, &json)?;
    for table in TABLES {
        let csv = csv_of(archive.rows(table.name)).map_err(|e| failed(&e))?;
        put(&format!("csv/{}.csv", table.name), &csv)?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}

pub fn read(bytes: &[u8]) -> Result<Archive, ArchiveError> {
    let failed = |error: &dyn std::fmt::Display| ArchiveError::NotAnArchive(error.to_string());
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| failed(&e))?;
    let file = zip.by_name(JSON_NAME).map_err(|e| failed(&e))?;
    let mut json = Vec::new();
    file.take(MAX_JSON_BYTES)
        .read_to_end(&mut json)
        .map_err(|e| failed(&e))?;
    serde_json::from_slice(&json).map_err(|e| failed(&e))
}

/// One table as CSV: `id` first when the rows have one, then the other columns by name.
fn csv_of(rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let Some(first) = rows.first() else {
        return out.into_inner().map_err(|e| e.into_error().into());
    };
    let mut columns: Vec<&String> = first.keys().collect();
    columns.sort_by_key(|name| (name.as_str() != "id", name.as_str()));
    out.write_record(&columns)?;
    for row in rows {
        out.write_record(columns.iter().map(|column| match row.get(*column) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(text)) => text.clone(),
            Some(other) => other.to_string(),
        }))?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}
