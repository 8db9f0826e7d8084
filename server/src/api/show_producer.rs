use crate::auth::AmapAccess;
use crate::contracts::views;
use crate::db::entities::producer;
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::producers::PersonRef;
use app::api::templates::ProducerDetail;
use app::domain::{Action, ProducerId, UserId};
use axum::Json;
use axum::extract::{RawPathParams, State};
use sea_orm::ConnectionTrait;

/// A producer with its notice period, référents, producer accounts and catalogue.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/producers/{producer_id}", tag = "producers",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("producer_id" = i64, Path, description = "The producer")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The producer", body = ProducerDetail),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither its référent, its producer, a treasurer nor an admin", body = ApiError),
        (status = 404, description = "No such AMAP or producer", body = ApiError),
    ))]
pub async fn show_producer(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<ProducerDetail>> {
    let id = path::id(&params, "producer_id")?;
    access.require(Action::ViewOwnSpace)?;
    let producer = repo::producers::find(&state.db, access.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    access.require(Action::ReadDeliveries(ProducerId(id)))?;
    Ok(Json(producer_detail(&state.db, producer).await?))
}

pub async fn producer_detail(
    db: &impl ConnectionTrait,
    producer: producer::Model,
) -> AppResult<ProducerDetail> {
    let referent_ids: Vec<i64> = repo::producers::referent_links(db, producer.amap_id)
        .await?
        .into_iter()
        .filter(|l| l.producer_id == producer.id)
        .map(|l| l.user_id)
        .collect();
    let user_ids: Vec<i64> = repo::producers::producer_user_links(db, producer.amap_id)
        .await?
        .into_iter()
        .filter(|l| l.producer_id == producer.id)
        .map(|l| l.user_id)
        .collect();
    let people =
        repo::producers::users_by_id(db, referent_ids.iter().chain(&user_ids).copied().collect())
            .await?;
    let person = |id: &i64| {
        people.get(id).map(|u| PersonRef {
            id: UserId(u.id),
            name: format!("{} {}", u.first_name, u.last_name),
        })
    };
    let products = repo::products::of_producer(db, producer.amap_id, producer.id).await?;
    Ok(ProducerDetail {
        id: ProducerId(producer.id),
        notice_days: u32::try_from(producer.notice_days).unwrap_or(0),
        active: producer.active,
        handles_cheques: producer.handles_cheques,
        referents: referent_ids.iter().filter_map(person).collect(),
        users: user_ids.iter().filter_map(person).collect(),
        products: products.iter().map(views::product_view).collect(),
        name: producer.name,
        description: producer.description,
    })
}
