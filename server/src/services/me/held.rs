//! What a member holds in one AMAP, read in a fixed number of queries: their contracts, the
//! templates behind them, their producers and grids. "Mes livraisons", "Mes paiements" and the
//! home page's summary all start from it.

use super::super::Caller;
use crate::db::entities::{contract_template, producer, subscription};
use crate::error::AppResult;
use crate::repo::templates::Loaded;
use crate::repo::{self, subscriptions, templates};
use app::domain::UserId;
use app::domain::contract::Quantities;
use sea_orm::DatabaseConnection;
use std::collections::HashMap;

pub struct Held {
    pub producers: HashMap<i64, producer::Model>,
    pub subs: Vec<subscription::Model>,
    /// Every template of the AMAP (the home page offers those not held yet).
    pub templates: Vec<contract_template::Model>,
    /// The held templates, loaded, with a producer of this AMAP.
    pub loaded: Vec<Loaded>,
    pub grids: HashMap<i64, Quantities>,
}

impl Held {
    /// Five queries plus `load_many`'s, whatever the number of contracts.
    pub async fn load(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<Held> {
        let producers: HashMap<i64, _> = repo::producers::list(db, caller.amap.id)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let subs = subscriptions::of_user(db, caller.amap.id, UserId(caller.user_id())).await?;
        let templates = templates::list(db, caller.amap.id).await?;
        let held: Vec<_> = templates
            .iter()
            .filter(|t| subs.iter().any(|s| s.template_id == t.id))
            .filter(|t| producers.contains_key(&t.producer_id))
            .cloned()
            .collect();
        let loaded = templates::load_many(db, held).await?;
        let dates: HashMap<i64, chrono::NaiveDate> =
            loaded.iter().flat_map(|l| l.dates_by_id()).collect();
        let grids = subscriptions::grids(db, subs.iter().map(|s| s.id).collect(), &dates).await?;
        Ok(Held {
            producers,
            subs,
            templates,
            loaded,
            grids,
        })
    }

    /// Each held template with its producer.
    pub fn pairs(&self) -> Vec<(&Loaded, &producer::Model)> {
        self.loaded
            .iter()
            .filter_map(|l| Some((l, self.producers.get(&l.template.producer_id)?)))
            .collect()
    }

    pub fn contract_of(&self, template_id: i64) -> Option<&subscription::Model> {
        self.subs.iter().find(|s| s.template_id == template_id)
    }
}
