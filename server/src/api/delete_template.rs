use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::domain::Action;
use app::domain::contract::lifecycle::may_delete;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;

/// Delete a template nobody signed up to (archive it otherwise).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/delete", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 409, description = "Members have signed up: archive it instead", body = ApiError),
    ))]
pub async fn delete_template(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<StatusCode> {
    let id = path::id(&params, "template_id")?;
    let txn = repo::write_txn(&state.db).await?;
    let (loaded, _) = contracts::template_for(&txn, &access, id, Action::ManageProducer).await?;
    if !may_delete(repo::templates::subscriber_count(&txn, id).await?) {
        return Err(AppError::Conflict("template has contracts".into()));
    }
    repo::templates::delete(&txn, id).await?;
    if !loaded.template.stock_shared {
        repo::stock::drop_pool(&txn, &loaded.pool()).await?;
    }
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
