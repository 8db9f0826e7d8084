use super::super::params::AmapPath;
use super::super::prelude::*;
use crate::exports::FileBody;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// The AMAP's archive (admins): everything it holds as a zip of open files — `amapola.json`
/// (every table, the file `amapola import` restores on another deployment) and one CSV per
/// table for spreadsheets. No passwords, sign-in or calendar links, mail server or queued
/// mails.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/archive", tag = "amaps", params(AmapPath),
    responses(
        (status = 200, description = "The archive", content((FileBody = "application/zip"))),
        (status = 403, description = "Not an admin of this AMAP", body = ApiError),
    ))]
pub async fn archive(State(state): State<AppState>, access: AmapAccess) -> AppResult<Response> {
    let (name, bytes) = services::amaps::archive(&state.db, &access.caller()).await?;
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(crate::archive::file::CONTENT_TYPE),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}
