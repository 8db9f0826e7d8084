use super::show_template::reloaded_view;
use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{StateForm, TemplateView};
use app::domain::Action;
use app::domain::contract::lifecycle::{Readiness, check_transition};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Publish (draft → active), archive, or bring back a template.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/state", tag = "templates", request_body = StateForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The template", body = TemplateView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 422, description = "No dates or products yet, or contracts forbid going back to draft", body = ApiError),
    ))]
pub async fn set_template_state(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<StateForm>,
) -> AppResult<Json<TemplateView>> {
    let id = path::id(&params, "template_id")?;
    let to = form.parse().map_err(AppError::Validation)?;
    // Read under the write lock: a contract signed meanwhile forbids going back to draft.
    let txn = repo::write_txn(&state.db).await?;
    let (loaded, producer) =
        contracts::template_for(&txn, &access, id, Action::ManageProducer).await?;
    let ready = Readiness {
        dates: loaded.dates.len(),
        products: loaded.products.len(),
        subscribers: repo::templates::subscriber_count(&txn, id).await?,
    };
    check_transition(repo::templates::state_of(&loaded.template.state), to, ready)
        .map_err(AppError::field)?;
    repo::templates::set_state(&txn, id, to).await?;
    let view = reloaded_view(&txn, access.amap.id, id, &producer).await?;
    txn.commit().await?;
    Ok(Json(view))
}
