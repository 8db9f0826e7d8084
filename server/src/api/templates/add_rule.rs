use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::templates::{RuleForm, TemplateView};

/// Add an entry rule (packaging multiple, minimum, maximum, exact quantity).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/rules", tag = "templates", request_body = RuleForm, params(TemplatePath),
    responses(
        (status = 200, description = "The template with the rule", body = TemplateView),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 422, description = "Invalid rule (unknown product or date, 50 rules already…)", body = ApiError),
    ))]
pub async fn add_rule(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(form): Input<RuleForm>,
) -> AppResult<Said<Json<TemplateView>>> {
    let rule = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::templates::add_rule(&state.db, &caller, path.template_id, rule);
    Ok(Said(Notice::RuleAdded, Json(view.await?)))
}
