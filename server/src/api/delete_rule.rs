use super::show_template::reloaded_view;
use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::TemplateView;
use app::domain::{Action, RuleId};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Remove one entry rule, by its id (as listed in the template).
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/templates/{template_id}/rules/{rule_id}", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("rule_id" = i64, Path, description = "The rule")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The template without the rule", body = TemplateView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or rule", body = ApiError),
    ))]
pub async fn delete_rule(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<TemplateView>> {
    let id = path::id(&params, "template_id")?;
    let rule = RuleId(path::id(&params, "rule_id")?);
    let txn = repo::write_txn(&state.db).await?;
    let (_, producer) = contracts::template_for(&txn, &access, id, Action::ManageProducer).await?;
    if !repo::rules::delete(&txn, id, rule).await? {
        return Err(AppError::NotFound);
    }
    let view = reloaded_view(&txn, access.amap.id, id, &producer).await?;
    txn.commit().await?;
    Ok(Json(view))
}
