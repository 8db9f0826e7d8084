use super::show_producer::producer_detail;
use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{ProducerDetail, ProducerForm};
use app::domain::Action;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

/// Add a producer (treasurers and admins); give it référents through `/roles`.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/producers", tag = "producers", request_body = ProducerForm,
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 201, description = "The new producer", body = ProducerDetail),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
        (status = 422, description = "Invalid fields (name taken…)", body = ApiError),
    ))]
pub async fn create_producer(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<ProducerForm>,
) -> AppResult<(StatusCode, Json<ProducerDetail>)> {
    access.require(Action::CreateProducer)?;
    let input = form.parse().map_err(AppError::Validation)?;
    let notice = i32::try_from(input.notice_days).unwrap_or(0);
    let producer = repo::producers::insert(
        &state.db,
        access.amap.id,
        &input.name,
        &input.description,
        notice,
    )
    .await
    .map_err(AppError::taken_on("name"))?;
    Ok((
        StatusCode::CREATED,
        Json(producer_detail(&state.db, producer).await?),
    ))
}
