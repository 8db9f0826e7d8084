use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::templates::{TemplateForm, TemplateView};

/// Replace a template's header: name, description, nature (only while nobody signed up),
/// deadline, late joiners, jokers, shared stock. Dates change through `/changes`.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/templates/{template_id}", tag = "templates", request_body = TemplateForm, params(TemplatePath),
    responses(
        (status = 200, description = "The template", body = TemplateView),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 409, description = "Nature changed after sign-ups, or shared stock already overbooked", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn update(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(form): Input<TemplateForm>,
) -> AppResult<Said<Json<TemplateView>>> {
    let input = form.parse(false).map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::templates::update(&state.db, &caller, path.template_id, &input);
    Ok(Said(Notice::Saved, Json(view.await?)))
}
