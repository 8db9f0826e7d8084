//! A sent file as rows of text cells: CSV (UTF-8, with or without a byte-order mark, or the
//! Windows-1252 a French Excel writes; `;`, `,` or tab between fields) or a spreadsheet
//! (XLSX, XLS, ODS: its first sheet). Anything else is one problem on the field `file`.

use app::domain::{Problem, ProblemCode};
use calamine::{Data, Reader, Sheets};
use std::io::Cursor;

/// The file's rows, numbered as its program shows them (the first row is line 1).
pub fn rows(file_name: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>, Problem> {
    let unreadable = || Problem::new("file", ProblemCode::UnreadableFile);
    if is_spreadsheet(file_name, bytes) {
        spreadsheet_rows(bytes)
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

/// Rows past this are refused before they are read (a list is checked whole, and a sheet
/// naming a far-away cell must not make the server allocate up to it).
const MAX_ROWS: u32 = app::domain::import::MAX_LINES + 1;
/// Columns past this are not read: a member list has eight.
const MAX_COLUMNS: u32 = 64;

fn too_long() -> Problem {
    Problem::with_limit("file", ProblemCode::TooLong, app::domain::import::MAX_LINES)
}

fn spreadsheet_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, Problem> {
    let unreadable = || Problem::new("file", ProblemCode::UnreadableFile);
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|_| unreadable())?;
    if let Sheets::Xlsx(xlsx) = &mut book {
        return xlsx_rows(xlsx).ok_or_else(unreadable)?;
    }
    let range = book
        .worksheet_range_at(0)
        .and_then(Result::ok)
        .ok_or_else(unreadable)?;
    if range.height() > MAX_ROWS as usize {
        return Err(too_long());
    }
    // A sheet whose data starts lower down keeps the line numbers the program shows.
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); first_row as usize];
    let first_col = first_col.min(MAX_COLUMNS) as usize;
    rows.extend(range.rows().map(|cells| {
        let mut row = vec![String::new(); first_col];
        row.extend(cells.iter().take(MAX_COLUMNS as usize).map(cell_text));
        row
    }));
    Ok(rows)
}

/// An XLSX sheet cell by cell, so that its declared size never decides what is allocated.
fn xlsx_rows<RS: std::io::Read + std::io::Seek>(
    xlsx: &mut calamine::Xlsx<RS>,
) -> Option<Result<Vec<Vec<String>>, Problem>> {
    let name = xlsx.sheet_names().first()?.clone();
    let mut reader = xlsx.worksheet_cells_reader(&name).ok()?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = reader.next_cell().ok()? {
        let (row, col) = cell.get_position();
        if row >= MAX_ROWS {
            return Some(Err(too_long()));
        }
        if col >= MAX_COLUMNS {
            continue;
        }
        let (row, col) = (row as usize, col as usize);
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        let cells = &mut rows[row];
        if cells.len() <= col {
            cells.resize(col + 1, String::new());
        }
        cells[col] = cell_text(&Data::from(cell.get_value().clone()));
    }
    Some(Ok(rows))
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
    fn a_sheet_naming_a_far_away_cell_is_refused_without_reading_up_to_it() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Nom").expect("cell");
        sheet.write_string(1_048_575, 16_383, "loin").expect("cell");
        let bytes = book.save_to_buffer().expect("xlsx");
        let problem = rows("bombe.xlsx", &bytes).expect_err("too long");
        assert_eq!(problem.code, ProblemCode::TooLong);
        // Far to the right only: read, the far column left out.
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Nom").expect("cell");
        sheet.write_string(0, 16_383, "loin").expect("cell");
        let read = rows("large.xlsx", &book.save_to_buffer().expect("xlsx")).expect("read");
        assert_eq!(read, vec![vec!["Nom".to_owned()]]);
    }

    #[test]
    fn a_broken_spreadsheet_is_unreadable_not_a_crash() {
        let problem = rows("membres.xlsx", b"PK\x03\x04 not really a zip").expect_err("broken");
        assert_eq!(problem.code, ProblemCode::UnreadableFile);
        let problem = rows("image.csv", b"\x89PNG\0\0\0").expect_err("binary");
        assert_eq!(problem.code, ProblemCode::UnreadableFile);
    }
}
