use super::super::params::AmapPath;
use super::super::prelude::*;
use crate::exports::{self, FileBody, Format};
use app::api::directory::{DirectoryView, MemberStatus};
use app::domain::{Problem, ProblemCode};
use axum::extract::RawQuery;
use axum::response::Response;
use serde::Deserialize;

/// The list's query: which members, and as what.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DirectoryQuery {
    /// `active` (the default), `inactive` or `all`: the last two for admins and treasurers.
    #[param(inline)]
    pub status: Option<MemberStatus>,
    /// `csv` or `xlsx` to download the list (admins and treasurers); JSON when absent.
    #[param(inline)]
    pub format: Option<Format>,
}

/// *Liste des adhérents*: the AMAP's active members, with the contact fields the caller may
/// see. Which fields each role sees is the AMAP's setting (e-mail and phones for everyone,
/// the address for référents and up, by default); hidden fields are left out of the answer,
/// not blanked by the page. A member always sees their own line whole. Admins and
/// treasurers may also list inactive members and download the list as CSV or XLSX (in the
/// columns an import reads).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/directory", tag = "members", params(AmapPath, DirectoryQuery),
    responses(
        (status = 200, description = "Members in French alphabetical order; with `format=csv` or `format=xlsx`, a file (`adherents.csv`)", content(
            (DirectoryView = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 403, description = "Inactive members or a file asked by neither an admin nor a treasurer", body = ApiError),
        (status = 404, description = "Not a member of this AMAP", body = ApiError),
        (status = 422, description = "Unknown `status` or `format`", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let query: DirectoryQuery = serde_urlencoded::from_str(query.as_deref().unwrap_or_default())
        .map_err(|_| AppError::field(Problem::new("status", ProblemCode::UnknownValue)))?;
    let format = query.format.unwrap_or_default();
    if format != Format::Json {
        access.require(Action::ListMembers)?;
    }
    let caller = access.caller();
    let status = query.status.unwrap_or_default();
    let view = services::directory::list(&state.db, &state.directory, &caller, status).await?;
    exports::respond(format, view, "adherents", exports::directory_table)
}
