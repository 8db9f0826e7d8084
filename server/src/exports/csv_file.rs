//! A `Table` as CSV for a French spreadsheet: UTF-8 with a byte-order mark (without it Excel
//! reads the file as Windows-1252 and garbles accents), `;` between fields, dates
//! dd/mm/yyyy, amounts with a decimal comma and no currency sign ("1234,50"), CRLF line ends.

use super::{Cell, Table};
use crate::error::{AppError, AppResult};
use app::domain::Money;

const BOM: &[u8] = "\u{feff}".as_bytes();

fn amount(money: Money) -> String {
    let cents = money.cents();
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", cents.abs() / 100, cents.abs() % 100)
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
        Cell::Count(n) => n.to_string(),
        Cell::Money(m) => amount(*m),
    }
}

pub fn write(table: &Table) -> AppResult<Vec<u8>> {
    let internal = |e: csv::Error| AppError::Internal(e.into());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    writer.write_record(&table.headers).map_err(internal)?;
    // A table without totals (the import example) has no total row.
    let total = (!table.total.is_empty()).then_some(&table.total);
    for row in table.rows.iter().chain(total) {
        writer
            .write_record(row.iter().map(text))
            .map_err(internal)?;
    }
    writer
        .into_inner()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("csv flush: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn french_spreadsheets_read_it_right() {
        let table = Table {
            sheet: "Livraison",
            headers: vec!["Amapien".into(), "Œufs; bio".into(), "Montant (€)".into()],
            rows: vec![vec![
                Cell::Date(NaiveDate::from_ymd_opt(2026, 3, 5).expect("date")),
                Cell::Count(3),
                Cell::Money(Money::from_cents(123_450)),
            ]],
            total: vec![
                Cell::Text("Total".into()),
                Cell::Empty,
                Cell::Money(Money::from_cents(-5)),
            ],
        };
        let bytes = write(&table).expect("csv");
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[BOM.len()..].to_vec()).expect("utf-8");
        assert_eq!(
            text,
            "Amapien;\"Œufs; bio\";Montant (€)\r\n05/03/2026;3;1234,50\r\nTotal;;-0,05\r\n"
        );
    }
}
