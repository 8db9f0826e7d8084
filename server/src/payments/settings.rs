//! A template's payment settings as stored, with AmapJ's defaults when none were saved.

use crate::db::entities::{payment_plan, producer};
use crate::error::AppResult;
use crate::repo::templates::Loaded;
use crate::repo::{self, cheques};
use app::api::payments::PaymentSettings;
use app::api::producers::PersonRef;
use app::domain::payment::{PaymentPlan, Strategy};
use app::domain::{Money, UserId};
use sea_orm::ConnectionTrait;

pub fn plan_of(row: Option<&payment_plan::Model>) -> PaymentPlan {
    match row {
        Some(row) => PaymentPlan {
            strategy: serde_json::from_str::<Strategy>(&row.strategy)
                .unwrap_or(Strategy::MonthlySmoothedEditable),
            minimum: Money::from_cents(row.minimum_cents),
        },
        None => PaymentPlan::default(),
    }
}

/// The settings of `loaded`'s template. The collector defaults to the producer's first
/// référent, and the payee to the producer's name, as AmapJ words its reminder.
pub async fn load(
    db: &impl ConnectionTrait,
    loaded: &Loaded,
    producer: &producer::Model,
) -> AppResult<PaymentSettings> {
    let row = cheques::plan(db, loaded.template.id).await?;
    let referent_ids: Vec<i64> = repo::producers::referent_links(db, loaded.template.amap_id)
        .await?
        .into_iter()
        .filter(|l| l.producer_id == producer.id)
        .map(|l| l.user_id)
        .collect();
    let mut users = repo::producers::users_by_id(db, referent_ids.clone()).await?;
    let chosen = row.as_ref().and_then(|r| r.collector_user_id);
    if let Some(id) = chosen.filter(|id| !users.contains_key(id))
        && let Some(user) = repo::users::find(db, id).await?
    {
        users.insert(id, user);
    }
    let person = |id: i64| {
        users.get(&id).map(|u| PersonRef {
            id: UserId(u.id),
            name: format!("{} {}", u.first_name, u.last_name),
        })
    };
    let collector = chosen.or(referent_ids.first().copied()).and_then(person);
    let referents = referent_ids.iter().filter_map(|id| person(*id)).collect();
    let payee = row
        .as_ref()
        .map(|r| r.payee.clone())
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| producer.name.clone());
    Ok(PaymentSettings {
        plan: plan_of(row.as_ref()),
        payee,
        hand_in_by: row.as_ref().and_then(|r| r.hand_in_by),
        collector,
        message: row.map(|r| r.message).unwrap_or_default(),
        referents,
    })
}
