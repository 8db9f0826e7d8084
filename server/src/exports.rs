//! Producer outputs as files: a `Synthesis` or a `DeliverySheet` becomes one neutral
//! `Table` (header, rows, total row), which is then written as CSV or XLSX.
//!
//! These files go to French producers, who open them in a spreadsheet: the column headers
//! are French whatever the caller's language (a file has no language cookie to follow, and
//! the UI's locale files are not shipped to the server's export code), CSV uses `;` (the
//! French Excel separator, since `,` is the decimal mark), dates read dd/mm/yyyy and amounts
//! "12,50". In XLSX, numbers, amounts and dates are real numbers and dates, not text.

pub mod cheques;
mod csv_file;
mod distribution;
pub mod ical;
mod xlsx_file;

use crate::error::{AppError, AppResult};
use app::api::contracts::{DeliverySheet, Synthesis};
use app::api::templates::TemplateProductView;
use app::domain::{Money, Problem, ProblemCode};
use axum::Json;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use distribution::{planning_table, sign_in_table};

pub const CSV_TYPE: &str = "text/csv; charset=utf-8";
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// How an output is sent: JSON (the default) or a file to download.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Json,
    Csv,
    Xlsx,
}

/// The `?format=` query parameter of the output endpoints.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `csv` or `xlsx` to download a file; JSON when absent.
    #[param(inline)]
    pub format: Option<Format>,
}

impl Format {
    /// Reads `format` from a raw query string; an unknown value is a field error (422),
    /// other parameters are ignored.
    pub fn from_query(raw: Option<&str>) -> AppResult<Format> {
        let query: FormatQuery = serde_urlencoded::from_str(raw.unwrap_or_default())
            .map_err(|_| AppError::field(Problem::new("format", ProblemCode::UnknownValue)))?;
        Ok(query.format.unwrap_or_default())
    }
}

/// A downloaded file, as the OpenAPI document describes it (a binary string).
pub struct FileBody;

impl utoipa::PartialSchema for FileBody {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .into()
    }
}

impl utoipa::ToSchema for FileBody {}

/// One cell of an exported table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    Date(NaiveDate),
    Count(u32),
    Money(Money),
}

impl Cell {
    /// Free text; an empty string is an empty cell.
    pub fn text(text: &str) -> Cell {
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text.to_owned())
        }
    }
}

/// A sheet: a header row, body rows and a total row, all of the same width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The XLSX worksheet's name (at most 31 characters).
    pub sheet: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub total: Vec<Cell>,
}

fn product_header(p: &TemplateProductView) -> String {
    if p.packaging.trim().is_empty() {
        p.name.clone()
    } else {
        format!("{} ({})", p.name, p.packaging)
    }
}

fn counts(quantities: &[u32]) -> impl Iterator<Item = Cell> + '_ {
    quantities.iter().map(|q| Cell::Count(*q))
}

/// Date | Annulée | one column per product | "Cumul" per product | Montant.
pub fn synthesis_table(s: &Synthesis) -> Table {
    let mut headers = vec!["Date".to_owned(), "Annulée".to_owned()];
    headers.extend(s.products.iter().map(product_header));
    headers.extend(s.products.iter().map(|p| format!("Cumul {}", p.name)));
    headers.push("Montant (€)".to_owned());
    let rows = s
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                Cell::Date(r.date),
                Cell::Text(if r.cancelled { "oui" } else { "" }.to_owned()),
            ];
            row.extend(counts(&r.quantities));
            row.extend(counts(&r.cumulative));
            row.push(Cell::Money(r.amount));
            row
        })
        .collect();
    let mut total = vec![Cell::Text("Total".to_owned()), Cell::Empty];
    total.extend(counts(&s.totals));
    total.extend(s.products.iter().map(|_| Cell::Empty));
    total.push(Cell::Money(s.amount));
    Table {
        sheet: "Synthèse",
        headers,
        rows,
        total,
    }
}

/// Amapien | one column per product | Montant.
pub fn sheet_table(s: &DeliverySheet) -> Table {
    let mut headers = vec!["Amapien".to_owned()];
    headers.extend(s.products.iter().map(product_header));
    headers.push("Montant (€)".to_owned());
    let rows = s
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![Cell::Text(r.member.name.clone())];
            row.extend(counts(&r.quantities));
            row.push(Cell::Money(r.amount));
            row
        })
        .collect();
    let mut total = vec![Cell::Text("Total".to_owned())];
    total.extend(counts(&s.totals));
    total.push(Cell::Money(s.amount));
    Table {
        sheet: "Livraison",
        headers,
        rows,
        total,
    }
}

/// Nom | Prénom | E-mail | Téléphone 1 | Téléphone 2 | Adresse | Code postal | Ville | Actif:
/// the member list as its reader sees it (a hidden field stays blank), in the columns an
/// import reads back.
pub fn directory_table(d: &app::api::directory::DirectoryView) -> Table {
    use app::domain::import::Column;
    let mut headers: Vec<String> = Column::ALL.iter().map(|c| c.heading().to_owned()).collect();
    headers.push("Actif".to_owned());
    let text = Cell::text;
    let rows = d
        .entries
        .iter()
        .map(|e| {
            let address = e.address.clone().unwrap_or_default();
            vec![
                text(&e.last_name),
                text(&e.first_name),
                text(e.email.as_deref().unwrap_or_default()),
                text(e.phones.first().map(String::as_str).unwrap_or_default()),
                text(e.phones.get(1).map(String::as_str).unwrap_or_default()),
                text(&address.street),
                text(&address.postcode),
                text(&address.town),
                text(if e.active { "oui" } else { "non" }),
            ]
        })
        .collect();
    Table {
        sheet: "Adhérents",
        headers,
        rows,
        total: Vec::new(),
    }
}

/// A table as an XLSX file's bytes (a mail's attachment).
pub fn xlsx(table: &Table) -> AppResult<Vec<u8>> {
    xlsx_file::write(table)
}

/// The answer in the asked format: `view` as JSON, or `table(view)` as a file named
/// `{stem}.csv` / `{stem}.xlsx` (`stem` must be ASCII, see `slugify`).
pub fn respond<T: Serialize>(
    format: Format,
    view: T,
    stem: &str,
    table: impl FnOnce(&T) -> Table,
) -> AppResult<Response> {
    let (bytes, content_type, extension) = match format {
        Format::Json => return Ok(Json(view).into_response()),
        Format::Csv => (csv_file::write(&table(&view))?, CSV_TYPE, "csv"),
        Format::Xlsx => (xlsx_file::write(&table(&view))?, XLSX_TYPE, "xlsx"),
    };
    let disposition =
        HeaderValue::from_str(&format!("attachment; filename=\"{stem}.{extension}\""))
            .map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

/// French letters without their accents, for file names and sort keys.
pub fn fold_accents(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => folded.push('a'),
            'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => folded.push('A'),
            'ç' => folded.push('c'),
            'Ç' => folded.push('C'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'É' | 'È' | 'Ê' | 'Ë' => folded.push('E'),
            'î' | 'ï' | 'í' | 'ì' => folded.push('i'),
            'Î' | 'Ï' | 'Í' | 'Ì' => folded.push('I'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => folded.push('o'),
            'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => folded.push('O'),
            'ù' | 'û' | 'ü' | 'ú' => folded.push('u'),
            'Ù' | 'Û' | 'Ü' | 'Ú' => folded.push('U'),
            'ÿ' => folded.push('y'),
            'Ÿ' => folded.push('Y'),
            'ñ' => folded.push('n'),
            'Ñ' => folded.push('N'),
            'œ' => folded.push_str("oe"),
            'Œ' => folded.push_str("OE"),
            'æ' => folded.push_str("ae"),
            'Æ' => folded.push_str("AE"),
            other => folded.push(other),
        }
    }
    folded
}

/// A name as a file-name part: lower-case ASCII letters and digits joined by single dashes
/// ("Légumes d'été" → "legumes-d-ete"); "contrat" when nothing is left.
pub fn slugify(name: &str) -> String {
    let folded = fold_accents(name).to_ascii_lowercase();
    let slug = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "contrat".to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_ascii_file_names() {
        assert_eq!(slugify("Légumes d'été 2026"), "legumes-d-ete-2026");
        assert_eq!(slugify("  Œufs & Pain  "), "oeufs-pain");
        assert_eq!(slugify("日本"), "contrat");
    }

    #[test]
    fn formats_are_read_from_the_query() {
        assert_eq!(Format::from_query(None).ok(), Some(Format::Json));
        assert_eq!(
            Format::from_query(Some("format=csv&x=1")).ok(),
            Some(Format::Csv)
        );
        assert_eq!(
            Format::from_query(Some("format=xlsx")).ok(),
            Some(Format::Xlsx)
        );
        assert!(Format::from_query(Some("format=pdf")).is_err());
    }
}
