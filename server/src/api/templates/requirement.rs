use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::adhesions::RequirementForm;
use app::api::templates::TemplateView;

/// Require (or no longer require) a membership of one period before a member signs up. Paper
/// contracts a référent enters are not held to it.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/templates/{template_id}/adhesion", tag = "templates", request_body = RequirementForm, params(TemplatePath),
    responses(
        (status = 200, description = "The template", body = TemplateView),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 422, description = "No such period here (`unknown_value`)", body = ApiError),
    ))]
pub async fn set_requirement(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(form): Input<RequirementForm>,
) -> AppResult<Said<Json<TemplateView>>> {
    access.require(Action::ManageTemplates)?;
    let caller = access.caller();
    services::adhesions::set_requirement(&state.db, &caller, path.template_id, form.period_id)
        .await?;
    let view = services::templates::show(&state.db, &caller, path.template_id).await?;
    Ok(Said(Notice::RequirementSaved, Json(view)))
}
