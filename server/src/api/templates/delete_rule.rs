use super::super::params::RulePath;
use super::super::prelude::*;
use app::api::templates::TemplateView;

/// Remove one entry rule, by its id.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/templates/{template_id}/rules/{rule_id}", tag = "templates", params(RulePath),
    responses(
        (status = 200, description = "The template without the rule", body = TemplateView),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or rule", body = ApiError),
    ))]
pub async fn delete_rule(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RulePath>,
) -> AppResult<Said<Json<TemplateView>>> {
    let caller = access.caller();
    let view = services::templates::delete_rule(&state.db, &caller, path.template_id, path.rule_id);
    Ok(Said(Notice::RuleDeleted, Json(view.await?)))
}
