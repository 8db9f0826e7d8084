//! A sent file as rows of text cells: CSV (UTF-8, with or without a byte-order mark, or the
//! Windows-1252 a French Excel writes; `;`, `,` or tab between fields) or a spreadsheet
//! (XLSX, XLS, ODS: its first sheet). Anything else is one problem on the field `file`.

use app::domain::{Problem, ProblemCode};
use calamine::{Data, Reader};
use std::io::Cursor;

/// The file's rows, numbered as its program shows them (the first row is line 1).
pub fn rows(file_name: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>, Problem> {
    let unreadable = || Problem::new("file", ProblemCode::UnreadableFile);
    if is_spreadsheet(file_name, bytes) {
        spreadsheet_rows(bytes).ok_or_else(unreadable)
    } else {
        csv_rows(bytes).ok_or_else(unreadable)
    }
}

/// By extension, else by content: XLSX and ODS are ZIP archives, XLS an OLE file.
fn is_spreadsheet(file_name: &str, bytes: &[u8]) -> bool {
    let lower = file_name.to_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|ext| lower.ends_with(ext))
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

fn spreadsheet_rows(bytes: &[u8]) -> Option<Vec<Vec<String>>> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).ok()?;
    let range = book.worksheet_range_at(0)?.ok()?;
    // A sheet whose data starts lower down keeps the line numbers the program shows.
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); first_row as usize];
    rows.extend(range.rows().map(|cells| {
        let mut row = vec![String::new(); first_col as usize];
        row.extend(cells.iter().map(cell_text));
        row
    }));
    Some(rows)
}

/// A cell as the program displays it: whole numbers without a decimal part (a phone
/// typed as digits is a number there).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

fn csv_rows(bytes: &[u8]) -> Option<Vec<Vec<String>>> {
    let text = decode(bytes);
    if text.contains('\0') {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| record.ok().map(|r| r.iter().map(str::to_owned).collect()))
        .collect()
}

/// UTF-8 (its byte-order mark dropped), else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The separator used most on the first line: `;` (French Excel), `,` or tab.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_separators_and_encodings_are_recognised() {
        let semicolon = rows(
            "a.csv",
            "\u{feff}Nom;Prénom\r\nDurand;Émilie\r\n".as_bytes(),
        );
        assert_eq!(semicolon.expect("read")[1], vec!["Durand", "Émilie"]);
        let comma = rows("a.csv", b"Nom,Prenom\n\"Le Gall, dit\",Yann\n");
        assert_eq!(comma.expect("read")[1], vec!["Le Gall, dit", "Yann"]);
        // "Prénom" in Windows-1252: é is the single byte 0xE9.
        let latin = rows("a.csv", b"Nom;Pr\xe9nom\nA;B\n");
        assert_eq!(latin.expect("read")[0], vec!["Nom", "Prénom"]);
    }

    #[test]
    fn a_spreadsheet_cell_holding_a_number_reads_as_the_program_shows_it() {
        assert_eq!(cell_text(&Data::Float(612345678.0)), "612345678");
        assert_eq!(cell_text(&Data::Float(1.5)), "1.5");
        assert_eq!(cell_text(&Data::Int(69007)), "69007");
    }

    #[test]
    fn a_broken_spreadsheet_is_unreadable_not_a_crash() {
        let problem = rows("membres.xlsx", b"PK\x03\x04 not really a zip").expect_err("broken");
        assert_eq!(problem.code, ProblemCode::UnreadableFile);
        let problem = rows("image.csv", b"\x89PNG\0\0\0").expect_err("binary");
        assert_eq!(problem.code, ProblemCode::UnreadableFile);
    }
}
