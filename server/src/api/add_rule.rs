use super::show_template::reloaded_view;
use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{RuleForm, TemplateView};
use app::domain::contract::editing::check_rule;
use app::domain::{Action, Problem, ProblemCode};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Add an entry rule (packaging multiple, minimum, maximum, exact quantity).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/rules", tag = "templates", request_body = RuleForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The template with the rule", body = TemplateView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 422, description = "Invalid rule (unknown product or date…)", body = ApiError),
    ))]
pub async fn add_rule(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<RuleForm>,
) -> AppResult<Json<TemplateView>> {
    let id = path::id(&params, "template_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    let rule = form.parse().map_err(AppError::Validation)?;
    check_rule(&views::offer(&loaded, &producer), &rule).map_err(AppError::field)?;
    let mut rules = repo::templates::rules_of(&loaded.template);
    if rules.len() >= 50 {
        return Err(AppError::field(Problem::with_limit(
            "rules",
            ProblemCode::AtMost,
            50,
        )));
    }
    rules.push(rule);
    repo::templates::set_rules(&state.db, id, &rules).await?;
    Ok(Json(
        reloaded_view(&state.db, access.amap.id, id, &producer).await?,
    ))
}
