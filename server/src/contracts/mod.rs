//! The contract use cases' shared machinery: turning stored templates into the domain's
//! `Offer` and the API's views, the AMAP's local clock, and saving a contract (the one place
//! where the domain rules, the stock counters and the rows meet).

pub mod save;
pub mod setup;
pub mod views;

use crate::db::entities::amap;
use chrono::{NaiveDateTime, Utc};

/// The AMAP's wall-clock time: deadlines end at midnight *there*, whatever the server's zone.
pub fn local_now(amap: &amap::Model) -> NaiveDateTime {
    let zone: chrono_tz::Tz = amap.time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
    Utc::now().with_timezone(&zone).naive_local()
}

use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::repo::{self, templates::Loaded};
use app::domain::{Action, ProducerId};
use sea_orm::ConnectionTrait;

/// A template of this AMAP and its producer, if the caller may do `action` on that producer.
/// A template of another AMAP is a 404, like one that does not exist.
pub async fn template_for(
    db: &impl ConnectionTrait,
    access: &AmapAccess,
    template_id: i64,
    action: fn(ProducerId) -> Action,
) -> AppResult<(Loaded, crate::db::entities::producer::Model)> {
    let template = repo::templates::find(db, access.amap.id, template_id)
        .await?
        .ok_or(AppError::NotFound)?;
    access.require(action(ProducerId(template.producer_id)))?;
    let producer = repo::producers::find(db, access.amap.id, template.producer_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((repo::templates::load(db, template).await?, producer))
}
