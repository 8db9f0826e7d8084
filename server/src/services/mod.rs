//! The use cases, one function each, grouped by resource. A service owns its transaction
//! (every read that guards a write happens inside the write's transaction, which takes the
//! write lock first: `repo::write_txn`), takes plain values — never an axum type — and
//! returns the wire view. The HTTP handlers, the admin commands, the demo seeding and the
//! tests all call these, so a command can never do what the API would refuse.

pub mod accounts;
pub mod adhesions;
pub mod amaps;
pub mod calendar;
pub mod cheques;
pub mod directory;
pub mod distributions;
pub mod imports;
pub mod mails;
pub mod me;
pub mod members;
pub mod producers;
pub mod rota;
pub mod subscriptions;
pub mod templates;

use crate::db::entities::{amap, app_user, producer};
use crate::error::{AppError, AppResult};
use crate::repo::{self, templates::Loaded};
use app::domain::access::Decision;
use app::domain::{Action, Grants, ProducerId, TemplateId};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::ConnectionTrait;

/// Who asks, in which AMAP, with which rights, and when.
#[derive(Clone, Copy)]
pub struct Caller<'a> {
    pub amap: &'a amap::Model,
    pub user: &'a app_user::Model,
    pub grants: &'a Grants,
    /// The instant of the request (the application's clock).
    pub now: DateTime<Utc>,
    /// The AMAP's people as the member list keeps them for a moment: pages that only show
    /// names read them there rather than a thousand rows per request.
    pub people: &'a crate::directory_cache::DirectoryCache,
    /// Rota periods as stored, kept for a moment for the pages that read them.
    pub rota: &'a rota::cache::RotaCache,
}

impl Caller<'_> {
    /// The domain's decision as an error: 403 for a member without the role, 404 for what the
    /// caller may not even know exists.
    pub fn require(&self, action: Action) -> AppResult<()> {
        match self.grants.decide(action) {
            Decision::Allowed => Ok(()),
            Decision::Forbidden => Err(AppError::Forbidden),
            Decision::Hidden => Err(AppError::NotFound),
        }
    }

    /// The AMAP's wall-clock time now.
    pub fn local_now(&self) -> NaiveDateTime {
        crate::clock::local(&self.amap.time_zone, self.now)
    }

    pub fn user_id(&self) -> i64 {
        self.user.id
    }
}

/// A template of the caller's AMAP and its producer, if the caller may do `action` on that
/// producer. A template of another AMAP is a 404, like one that does not exist.
pub async fn template_for(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    template: TemplateId,
    action: fn(ProducerId) -> Action,
) -> AppResult<(Loaded, producer::Model)> {
    let row = repo::templates::find(db, caller.amap.id, template)
        .await?
        .ok_or(AppError::NotFound)?;
    caller.require(action(ProducerId(row.producer_id)))?;
    let producer = repo::producers::find(db, caller.amap.id, ProducerId(row.producer_id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((repo::templates::load(db, row).await?, producer))
}
