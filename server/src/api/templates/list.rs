use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::templates::TemplateSummary;

/// The templates the caller manages (référents: their producers'; treasurers and admins: all)
/// or delivers (a producer's own accounts), in every state.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates", tag = "templates", params(AmapPath),
    responses(
        (status = 200, description = "Templates by name", body = Vec<TemplateSummary>),
        (status = 403, description = "Neither a référent, a producer, a treasurer nor an admin", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<TemplateSummary>>> {
    access.require(Action::ListTemplates)?;
    Ok(Json(
        services::templates::list(&state.db, &access.caller()).await?,
    ))
}
