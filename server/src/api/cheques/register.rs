use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::payments::Register;

/// The treasurer's register of one template: each contract's order, credit, cheques per
/// state, balance, schedule gap and cheques to return; each payment date with its cheques,
/// who is missing and its deposit slip.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques", tag = "cheques", params(TemplatePath),
    responses(
        (status = 200, description = "The register", body = Register),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
    ))]
pub async fn register(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Json<Register>> {
    let caller = access.caller();
    Ok(Json(
        services::cheques::register(&state.db, &caller, path.template_id).await?,
    ))
}
