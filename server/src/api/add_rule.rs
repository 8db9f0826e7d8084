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
use app::domain::Action;
use app::domain::contract::editing::check_rule;
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
        (status = 422, description = "Invalid rule (unknown product or date, 50 rules already…)", body = ApiError),
    ))]
pub async fn add_rule(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<RuleForm>,
) -> AppResult<Json<TemplateView>> {
    let id = path::id(&params, "template_id")?;
    let rule = form.parse().map_err(AppError::Validation)?;
    // The rules counted against the cap are those under the lock: 50 concurrent additions
    // cannot make 51.
    let txn = repo::write_txn(&state.db).await?;
    repo::templates::lock(&txn, id).await?;
    let (loaded, producer) =
        contracts::template_for(&txn, &access, id, Action::ManageProducer).await?;
    check_rule(&views::offer(&loaded, &producer), &rule).map_err(AppError::field)?;
    repo::rules::add(&txn, id, &[rule]).await?;
    let view = reloaded_view(&txn, access.amap.id, id, &producer).await?;
    txn.commit().await?;
    Ok(Json(view))
}
