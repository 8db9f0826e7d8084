//! Importing a member list: the file is sent once, read and checked line by line (a
//! preview kept on the server for a while), then imported all at once or not at all.

use super::client;
use super::error::ApiError;
use super::members::members_path;
use crate::domain::Problem;
use serde::{Deserialize, Serialize};

/// `POST` a file here (multipart, field `file`): its preview.
pub fn imports_path(slug: &str) -> String {
    format!("{}/imports", members_path(slug))
}

/// The preview of one sent file (`GET`), and its import (`POST`).
pub fn import_path(slug: &str, import: &str) -> String {
    format!("{}/{import}", imports_path(slug))
}

/// A CSV file with the expected headings and two made-up lines.
pub fn example_path(slug: &str) -> String {
    format!("{}/import-example", members_path(slug))
}

/// One line of the file, as it will be imported, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportLine {
    /// The line number the spreadsheet shows.
    pub line: u32,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub phone1: String,
    pub phone2: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
    /// Empty when the line can be imported.
    pub problems: Vec<Problem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportPreview {
    /// Names this preview (`import_path`); kept two hours.
    pub id: String,
    pub file_name: String,
    /// Problems of the file as a whole (unreadable, a required column missing, no line).
    pub file_problems: Vec<Problem>,
    /// Headings that are not a known column, left out of the import.
    pub ignored_columns: Vec<String>,
    pub lines: Vec<ImportLine>,
    /// Lines without problems.
    pub ready: u32,
    /// Whether the whole file can be imported (no problem anywhere).
    pub importable: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportForm {
    /// Mail each new account an invitation to choose its password.
    #[serde(default, deserialize_with = "super::form::checkbox")]
    pub invite: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportDone {
    /// Members added (new accounts and existing ones joining).
    pub added: u32,
    /// Invitations queued.
    pub invited: u32,
}

pub async fn preview(slug: String, import: String) -> Result<ImportPreview, ApiError> {
    client::get(import_path(&slug, &import)).await
}
