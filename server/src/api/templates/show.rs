use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::templates::TemplateView;

/// One template with everything a référent edits: calendar, products and prices, rules,
/// jokers, stock limits and what is already taken.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}", tag = "templates", params(TemplatePath),
    responses(
        (status = 200, description = "The template", body = TemplateView),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
    ))]
pub async fn show(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Json<TemplateView>> {
    let caller = access.caller();
    Ok(Json(
        services::templates::show(&state.db, &caller, path.template_id).await?,
    ))
}
