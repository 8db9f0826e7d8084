use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::producers::PersonRef;

/// Active members without a contract on this template, for "Saisir un contrat papier": names
/// only, so a référent (who may not read the member list) can pick someone.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/candidates", tag = "templates", params(TemplatePath),
    responses(
        (status = 200, description = "Members by last name", body = Vec<PersonRef>),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
    ))]
pub async fn candidates(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Json<Vec<PersonRef>>> {
    let caller = access.caller();
    let people = services::templates::candidates(&state.db, &caller, path.template_id);
    Ok(Json(people.await?))
}
