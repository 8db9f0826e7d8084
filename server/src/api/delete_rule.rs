use super::show_template::reloaded_view;
use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::TemplateView;
use app::domain::Action;
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Remove the entry rule at `index` (as listed in the template).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/rules/{index}/delete", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("index" = i64, Path, description = "Position of the rule, from 0")),
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
    let index = usize::try_from(path::id(&params, "index")?).map_err(|_| AppError::NotFound)?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    let mut rules = repo::templates::rules_of(&loaded.template);
    if index >= rules.len() {
        return Err(AppError::NotFound);
    }
    rules.remove(index);
    repo::templates::set_rules(&state.db, id, &rules).await?;
    Ok(Json(
        reloaded_view(&state.db, access.amap.id, id, &producer).await?,
    ))
}
