use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::templates::{CopyForm, TemplateView};

/// "Créer à partir de…": a new draft with the same products, prices, rules, jokers, stock
/// limits (those for every date), conversions and payment plan, on a new calendar.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/copy", tag = "templates", request_body = CopyForm, params(TemplatePath),
    responses(
        (status = 201, description = "The new draft", body = TemplateView),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 422, description = "Invalid fields (name taken, no dates…)", body = ApiError),
    ))]
pub async fn copy(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(form): Input<CopyForm>,
) -> AppResult<Said<(StatusCode, Json<TemplateView>)>> {
    let input = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::templates::copy(&state.db, &caller, path.template_id, &input).await?;
    let name = view.summary.name.clone();
    Ok(Said(
        Notice::TemplateCopied { name },
        (StatusCode::CREATED, Json(view)),
    ))
}
