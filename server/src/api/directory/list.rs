use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::directory::DirectoryView;

/// *Liste des adhérents*: every active member of the AMAP, with the contact fields the
/// caller may see. Which fields each role sees is the AMAP's setting (e-mail and phones for
/// everyone, the address for référents and up, by default); hidden fields are left out of
/// the answer, not blanked by the page. A member always sees their own line whole.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/directory", tag = "members", params(AmapPath),
    responses(
        (status = 200, description = "Active members, French alphabetical order", body = DirectoryView),
        (status = 404, description = "Not a member of this AMAP", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<DirectoryView>> {
    Ok(Json(
        services::directory::list(&state.db, &access.caller()).await?,
    ))
}
