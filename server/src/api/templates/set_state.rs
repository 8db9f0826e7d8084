use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::templates::{StateForm, TemplateView};

/// Publish (draft → active), archive, or bring back a template. Its first publication mails
/// every active member that a new contract is open.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/templates/{template_id}/state", tag = "templates", request_body = StateForm, params(TemplatePath),
    responses(
        (status = 200, description = "The template", body = TemplateView),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 422, description = "No dates or products yet, or contracts forbid going back to draft", body = ApiError),
    ))]
pub async fn set_state(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(form): Input<StateForm>,
) -> AppResult<Said<Json<TemplateView>>> {
    let to = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view =
        services::templates::set_state(&state.db, &state.mailer, &caller, path.template_id, to);
    let view = view.await?;
    let state = view.summary.state;
    Ok(Said(Notice::TemplateState { state }, Json(view)))
}
