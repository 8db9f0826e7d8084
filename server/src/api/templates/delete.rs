use super::super::params::TemplatePath;
use super::super::prelude::*;

/// Delete a template nobody signed up to (archive it otherwise).
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/templates/{template_id}", tag = "templates", params(TemplatePath),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 409, description = "Members have signed up: archive it instead", body = ApiError),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Said<StatusCode>> {
    let caller = access.caller();
    services::templates::delete(&state.db, &caller, path.template_id).await?;
    Ok(Said(Notice::TemplateDeleted, StatusCode::NO_CONTENT))
}
