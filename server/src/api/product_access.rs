//! What both product use cases need: the producer the caller manages, and name clashes.

use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::domain::{Action, ProducerId};
use axum::extract::RawPathParams;

pub async fn managed_producer(
    state: &AppState,
    access: &AmapAccess,
    params: &RawPathParams,
) -> AppResult<crate::db::entities::producer::Model> {
    let id = path::id(params, "producer_id")?;
    access.require(Action::ViewOwnSpace)?;
    let producer = repo::producers::find(&state.db, access.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    access.require(Action::ManageProducer(ProducerId(id)))?;
    Ok(producer)
}
