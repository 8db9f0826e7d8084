use super::super::params::DistributionPath;
use super::super::prelude::*;
use crate::exports::{self, FileBody, Format};
use app::api::distributions::{SheetLayout, SignInSheet};
use axum::extract::RawQuery;
use axum::response::Response;
use serde::Deserialize;

/// The sign-in sheet's query: the file's format and layout. It describes the query in the
/// OpenAPI document; each part is read on its own (so a bad one is named).
#[allow(dead_code)]
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SheetQuery {
    /// `csv` or `xlsx` to download a file; JSON when absent.
    #[param(inline)]
    pub format: Option<Format>,
    /// `grid` (a column per product, the default) or `list` (each member's products in one
    /// column); files only.
    #[param(inline)]
    pub layout: Option<SheetLayout>,
}

impl SheetQuery {
    /// Reads `layout` from a raw query string (the format is read by `Format::from_query`);
    /// an unknown value is a field error (422).
    fn layout(raw: Option<&str>) -> AppResult<SheetLayout> {
        #[derive(Deserialize)]
        struct Layout {
            layout: Option<SheetLayout>,
        }
        let query: Layout = serde_urlencoded::from_str(raw.unwrap_or_default()).map_err(|_| {
            AppError::field(app::domain::Problem::new(
                "layout",
                app::domain::ProblemCode::UnknownValue,
            ))
        })?;
        Ok(query.layout.unwrap_or_default())
    }
}

/// The sign-in sheet (*feuille d'émargement*) of one distribution: the people on duty, then
/// every member collecting that day with what they collect, by name, and a column to tick.
/// For coordinators, référents, treasurers and admins, and for the members on duty that day.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/distributions/{day}/sign-in-sheet", tag = "rota", params(DistributionPath, SheetQuery),
    responses(
        (status = 200, description = "The sheet; with `format=csv` or `format=xlsx`, a file to download (`emargement-<YYYY-MM-DD>.csv`)", content(
            (SignInSheet = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 403, description = "Neither organising distributions nor on duty that day", body = ApiError),
        (status = 404, description = "No such AMAP, or no distribution that day", body = ApiError),
        (status = 422, description = "Unknown `format` or `layout`", body = ApiError),
    ))]
pub async fn sign_in_sheet(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<DistributionPath>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let format = Format::from_query(query.as_deref())?;
    let layout = SheetQuery::layout(query.as_deref())?;
    let view =
        services::distributions::sign_in_sheet(&state.db, &access.caller(), path.day).await?;
    let stem = format!("emargement-{}", path.day);
    exports::respond(format, view, &stem, |sheet| {
        exports::sign_in_table(sheet, layout)
    })
}
