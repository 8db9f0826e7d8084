//! Producers, their référents and catalogues.

use super::Caller;
use crate::db::entities::producer;
use crate::error::{AppError, AppResult};
use crate::repo::{self, products::NewProduct};
use crate::views;
use app::api::producers::{PersonRef, ProducerView};
use app::api::templates::{ProducerDetail, ProducerInput, ProductInput};
use app::domain::{Action, ProducerId, ProductId, UserId};
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// The AMAP's producers and their référents, by name.
pub async fn list(db: &DatabaseConnection, amap_id: i64) -> AppResult<Vec<ProducerView>> {
    let producers = repo::producers::list(db, amap_id).await?;
    let links = repo::producers::referent_links(db, amap_id).await?;
    let people =
        repo::producers::users_by_id(db, links.iter().map(|l| l.user_id).collect()).await?;
    Ok(producers
        .into_iter()
        .map(|p| ProducerView {
            id: ProducerId(p.id),
            referents: links
                .iter()
                .filter(|l| l.producer_id == p.id)
                .filter_map(|l| people.get(&l.user_id))
                .map(|u| views::person(Some(u), u.id))
                .collect(),
            name: p.name,
            description: p.description,
        })
        .collect())
}

pub async fn create(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    input: &ProducerInput,
) -> AppResult<ProducerDetail> {
    caller.require(Action::CreateProducer)?;
    let notice = i32::try_from(input.notice_days).unwrap_or(0);
    let producer =
        repo::producers::insert(db, caller.amap.id, &input.name, &input.description, notice)
            .await
            .map_err(AppError::taken_on("name"))?;
    detail(db, caller, producer).await
}

/// The producer, if the caller may `action` it; another AMAP's is a 404.
async fn find(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    id: ProducerId,
    action: fn(ProducerId) -> Action,
) -> AppResult<producer::Model> {
    caller.require(Action::ViewOwnSpace)?;
    let producer = repo::producers::find(db, caller.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    caller.require(action(id))?;
    Ok(producer)
}

pub async fn show(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: ProducerId,
) -> AppResult<ProducerDetail> {
    let producer = find(db, caller, id, Action::ReadDeliveries).await?;
    detail(db, caller, producer).await
}

pub async fn update(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: ProducerId,
    input: &ProducerInput,
) -> AppResult<ProducerDetail> {
    let txn = repo::write_txn(db).await?;
    find(&txn, caller, id, Action::ManageProducer).await?;
    let notice = i32::try_from(input.notice_days).unwrap_or(0);
    repo::producers::update(
        &txn,
        id.0,
        &input.name,
        &input.description,
        notice,
        input.active,
        input.handles_cheques,
    )
    .await
    .map_err(AppError::taken_on("name"))?;
    let producer = repo::producers::find(&txn, caller.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let view = detail(&txn, caller, producer).await?;
    txn.commit().await?;
    Ok(view)
}

pub async fn create_product(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    producer: ProducerId,
    input: &ProductInput,
) -> AppResult<ProducerDetail> {
    let txn = repo::write_txn(db).await?;
    let producer = find(&txn, caller, producer, Action::ManageProducer).await?;
    let new = NewProduct {
        name: &input.name,
        packaging: &input.packaging,
        description: &input.description,
        active: true,
    };
    repo::products::insert(&txn, caller.amap.id, producer.id, new)
        .await
        .map_err(AppError::taken_on("name"))?;
    let view = detail(&txn, caller, producer).await?;
    txn.commit().await?;
    Ok(view)
}

pub async fn update_product(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    producer: ProducerId,
    product: ProductId,
    input: &ProductInput,
) -> AppResult<ProducerDetail> {
    let txn = repo::write_txn(db).await?;
    let producer = find(&txn, caller, producer, Action::ManageProducer).await?;
    let product = repo::products::find(&txn, caller.amap.id, product.0)
        .await?
        .filter(|p| p.producer_id == producer.id)
        .ok_or(AppError::NotFound)?;
    let new = NewProduct {
        name: &input.name,
        packaging: &input.packaging,
        description: &input.description,
        active: input.active,
    };
    repo::products::update(&txn, product, new)
        .await
        .map_err(AppError::taken_on("name"))?;
    let view = detail(&txn, caller, producer).await?;
    txn.commit().await?;
    Ok(view)
}

/// A producer with its notice period, référents, producer accounts and catalogue.
pub async fn detail(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    producer: producer::Model,
) -> AppResult<ProducerDetail> {
    let id = ProducerId(producer.id);
    let mut grants = caller.grants.clone();
    if producer.handles_cheques && grants.producer_of.contains(&id) {
        grants.cheque_desk_of.push(id);
    }
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
        may_manage: grants.allows(Action::ManageProducer(id)),
        may_handle_cheques: grants.allows(Action::HandleCheques(id)),
        referents: referent_ids.iter().filter_map(person).collect(),
        users: user_ids.iter().filter_map(person).collect(),
        products: products.iter().map(views::product_view).collect(),
        name: producer.name,
        description: producer.description,
    })
}
