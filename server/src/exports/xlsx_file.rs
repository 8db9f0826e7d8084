//! A `Table` as an XLSX workbook of one sheet: bold header row frozen at the top, counts and
//! amounts as numbers (amounts shown in euros), dates as dates (dd/mm/yyyy), a bold total
//! row, and columns wide enough for their content.

use super::{Cell, Table};
use crate::error::{AppError, AppResult};
use chrono::Datelike;
use rust_xlsxwriter::{
    ColNum, ExcelDateTime, Format, FormatBorder, RowNum, Workbook, Worksheet, XlsxError,
};

/// Excel's width unit is about one character of the default font.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 40;

struct Styles {
    header: Format,
    date: Format,
    money: Format,
    total: Format,
    total_money: Format,
}

impl Styles {
    fn new() -> Self {
        let money = "#,##0.00 \"€\"";
        let total = Format::new().set_bold().set_border_top(FormatBorder::Thin);
        Styles {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            money: Format::new().set_num_format(money),
            total_money: total.clone().set_num_format(money),
            total,
        }
    }
}

fn width(cell: &Cell) -> usize {
    match cell {
        Cell::Empty => 0,
        Cell::Text(t) => t.chars().count(),
        Cell::Date(_) => 10,
        Cell::Count(n) => n.to_string().len(),
        // "1 234,50 €"
        Cell::Money(m) => m.cents().abs().to_string().len() + 5,
    }
}

fn put(
    sheet: &mut Worksheet,
    (row, col): (RowNum, ColNum),
    cell: &Cell,
    styles: &Styles,
    is_total: bool,
) -> Result<(), XlsxError> {
    let plain = is_total.then_some(&styles.total);
    match (cell, plain) {
        (Cell::Empty, None) => return Ok(()),
        (Cell::Empty, Some(format)) => sheet.write_blank(row, col, format)?,
        (Cell::Text(t), None) => sheet.write_string(row, col, t)?,
        (Cell::Text(t), Some(format)) => sheet.write_string_with_format(row, col, t, format)?,
        (Cell::Count(n), None) => sheet.write_number(row, col, *n)?,
        (Cell::Count(n), Some(format)) => sheet.write_number_with_format(row, col, *n, format)?,
        (Cell::Money(m), _) => {
            let format = if is_total {
                &styles.total_money
            } else {
                &styles.money
            };
            // Display value only: the exact amount is the JSON's; cents / 100 is the nearest double.
            sheet.write_number_with_format(row, col, m.cents() as f64 / 100.0, format)?
        }
        (Cell::Date(d), _) => {
            let day = u16::try_from(d.year())
                .ok()
                .and_then(|y| ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok());
            match day {
                Some(day) => sheet.write_date_with_format(row, col, day, &styles.date)?,
                None => sheet.write_string(row, col, d.format("%d/%m/%Y").to_string())?,
            }
        }
    };
    Ok(())
}

fn workbook(table: &Table) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(table.sheet)?;
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.chars().count()).collect();
    for (col, header) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, col_num(col), header, &styles.header)?;
    }
    let body = table.rows.iter().map(|r| (r, false));
    for (index, (cells, is_total)) in body.chain([(&table.total, true)]).enumerate() {
        let row = RowNum::try_from(index + 1).unwrap_or(RowNum::MAX);
        for (col, cell) in cells.iter().enumerate() {
            put(sheet, (row, col_num(col)), cell, &styles, is_total)?;
            if let Some(w) = widths.get_mut(col) {
                *w = (*w).max(width(cell));
            }
        }
    }
    for (col, w) in widths.iter().enumerate() {
        let w = (*w + 2).clamp(MIN_WIDTH, MAX_WIDTH);
        sheet.set_column_width(col_num(col), u32::try_from(w).unwrap_or(u32::MAX))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

fn col_num(col: usize) -> ColNum {
    ColNum::try_from(col).unwrap_or(ColNum::MAX)
}

pub fn write(table: &Table) -> AppResult<Vec<u8>> {
    workbook(table).map_err(|e| AppError::Internal(e.into()))
}
