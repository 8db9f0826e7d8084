use super::super::params::AmapPath;
use super::super::prelude::*;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};

/// Largest member list accepted: a few thousand lines of spreadsheet.
pub const FILE_LIMIT: usize = 4 * 1024 * 1024;

/// The file to read, as a multipart form sends it.
// Deserialize only so that `deny_unknown_fields` tells the document the form has no other part.
#[derive(utoipa::ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ImportUpload {
    /// CSV (`;`, `,` or tab; UTF-8 or Windows-1252), XLSX, XLS or ODS; its first sheet, the
    /// first row naming the columns (Nom, Prénom, E-mail, Téléphone 1, Téléphone 2, Adresse,
    /// Code postal, Ville; in French or English, any case).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Send a member list to import: it is read and checked, nothing is written yet. The answer
/// is its preview (every line's problems with its line number); `POST` to the preview's
/// address imports it. A browser's form post (not asking for JSON) is sent to the preview page.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/members/imports", tag = "members", params(AmapPath),
    request_body(content = ImportUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Read; the preview (its `file_problems` say when the file is unusable)", body = app::api::imports::ImportPreview),
        (status = 303, description = "From a browser form: to the preview page"),
        (status = 400, description = "No `file` part", body = ApiError),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 413, description = "Over 4 MiB", body = ApiError),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    access: AmapAccess,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    access.require(Action::ManageMembers)?;
    let mut form = form.map_err(|e| AppError::BadRequest(e.body_text()))?;
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge
        } else {
            AppError::BadRequest(e.body_text())
        }
    };
    let mut file = None;
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("fichier").to_owned();
            file = Some((name, field.bytes().await.map_err(unreadable)?));
        }
    }
    let (name, bytes) = file.ok_or_else(|| AppError::BadRequest("no file part".into()))?;
    let caller = access.caller();
    let id = services::imports::receive(&state.imports, &caller, &name, bytes).await?;
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"));
    if !wants_json {
        let page = app::ui::paths::Amap::new(caller.amap.slug.clone()).members_import(&id);
        return Ok(Redirect::to(&page).into_response());
    }
    let preview = services::imports::preview(&state.db, &state.imports, &caller, &id).await?;
    Ok((StatusCode::CREATED, Json(preview)).into_response())
}
