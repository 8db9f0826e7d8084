use super::show_producer::producer_detail;
use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{ProducerDetail, ProducerForm};
use app::domain::{Action, ProducerId};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Edit a producer: name, description, notice period ("délai de prévenance"), active/archived,
/// whether its own accounts handle its cheques.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/producers/{producer_id}", tag = "producers", request_body = ProducerForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("producer_id" = i64, Path, description = "The producer")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The producer", body = ProducerDetail),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or producer", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn update_producer(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<ProducerForm>,
) -> AppResult<Json<ProducerDetail>> {
    let id = path::id(&params, "producer_id")?;
    access.require(Action::ViewOwnSpace)?;
    repo::producers::find(&state.db, access.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    access.require(Action::ManageProducer(ProducerId(id)))?;
    let input = form.parse().map_err(AppError::Validation)?;
    let notice = i32::try_from(input.notice_days).unwrap_or(0);
    repo::producers::update(
        &state.db,
        id,
        &input.name,
        &input.description,
        notice,
        input.active,
        input.handles_cheques,
    )
    .await
    .map_err(AppError::taken_on("name"))?;
    let producer = repo::producers::find(&state.db, access.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(producer_detail(&state.db, producer).await?))
}
