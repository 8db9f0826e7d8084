use super::super::params::AmapPath;
use super::super::prelude::*;
use crate::exports::{self, Cell, FileBody, Format, FormatQuery, Table};
use app::domain::import::example_rows;
use axum::extract::RawQuery;
use axum::response::Response;

// `exports::respond` takes `fn(&T) -> Table` of the view it sends as JSON.
#[allow(clippy::ptr_arg)]
fn table(rows: &Vec<Vec<String>>) -> Table {
    let mut rows = rows.clone();
    let headers = if rows.is_empty() {
        Vec::new()
    } else {
        rows.remove(0)
    };
    Table {
        sheet: "Adhérents",
        headers,
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| Cell::text(c)).collect())
            .collect(),
        total: Vec::new(),
    }
}

/// An example member list: the headings an import reads and two made-up lines, as CSV or
/// XLSX to fill in (JSON: the rows).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/members/import-example", tag = "members", params(AmapPath, FormatQuery),
    responses(
        (status = 200, description = "The example; `format=csv` or `format=xlsx` for a file (`exemple-adherents.csv`)", content(
            (Vec<Vec<String>> = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn example(access: AmapAccess, RawQuery(query): RawQuery) -> AppResult<Response> {
    access.require(Action::ManageMembers)?;
    let format = Format::from_query(query.as_deref())?;
    let rows: Vec<Vec<String>> = example_rows()
        .into_iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect();
    exports::respond(format, rows, "exemple-adherents", table)
}
