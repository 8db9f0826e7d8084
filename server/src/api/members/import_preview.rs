use super::super::params::ImportPath;
use super::super::prelude::*;
use app::api::imports::ImportPreview;

/// The preview of a sent member list, checked against the AMAP as it is now. Kept two hours,
/// for the admin who sent it.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/members/imports/{import_id}", tag = "members", params(ImportPath),
    responses(
        (status = 200, description = "Every line with its problems", body = ImportPreview),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such preview (expired, imported, or someone else's)", body = ApiError),
    ))]
pub async fn preview(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<ImportPath>,
) -> AppResult<Json<ImportPreview>> {
    let caller = access.caller();
    services::imports::preview(&state.db, &state.imports, &caller, &path.import_id)
        .await
        .map(Json)
}
