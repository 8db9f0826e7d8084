//! A template's payment settings as stored, with AmapJ's defaults when none were saved.

use crate::db::entities::{payment_plan, producer};
use crate::error::{AppError, AppResult};
use crate::repo::templates::Loaded;
use crate::repo::{self, cheques};
use crate::views;
use app::api::payments::PaymentSettings;
use app::domain::Money;
use app::domain::payment::{PaymentPlan, Strategy, defaults};
use sea_orm::ConnectionTrait;
use std::collections::HashMap;

/// The stored plan; a strategy this program did not write is an error, never the default.
pub fn plan_of(row: Option<&payment_plan::Model>) -> AppResult<PaymentPlan> {
    match row {
        Some(row) => Ok(PaymentPlan {
            strategy: serde_json::from_str::<Strategy>(&row.strategy).map_err(|e| {
                AppError::Internal(anyhow::anyhow!(
                    "payment plan of template {}: {e}",
                    row.template_id
                ))
            })?,
            minimum: Money::from_cents(row.minimum_cents),
        }),
        None => Ok(PaymentPlan::default()),
    }
}

/// The settings of `loaded`'s template.
pub async fn load(
    db: &impl ConnectionTrait,
    loaded: &Loaded,
    producer: &producer::Model,
) -> AppResult<PaymentSettings> {
    load_many(db, &[(loaded, producer)])
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// The settings of many templates of one AMAP, in three queries whatever their number. The
/// collector defaults to the producer's first référent, and the payee to the producer's name,
/// as AmapJ words its reminder.
pub async fn load_many(
    db: &impl ConnectionTrait,
    templates: &[(&Loaded, &producer::Model)],
) -> AppResult<Vec<PaymentSettings>> {
    let Some((first, _)) = templates.first() else {
        return Ok(Vec::new());
    };
    let ids = templates.iter().map(|(l, _)| l.template.id).collect();
    let mut plans: HashMap<i64, payment_plan::Model> = cheques::plans(db, ids)
        .await?
        .into_iter()
        .map(|p| (p.template_id, p))
        .collect();
    let links = repo::producers::referent_links(db, first.template.amap_id).await?;
    let wanted = links
        .iter()
        .map(|l| l.user_id)
        .chain(plans.values().filter_map(|p| p.collector_user_id))
        .collect();
    let users = repo::producers::users_by_id(db, wanted).await?;
    templates
        .iter()
        .map(|(loaded, producer)| {
            let row = plans.remove(&loaded.template.id);
            let referent_ids: Vec<i64> = links
                .iter()
                .filter(|l| l.producer_id == producer.id)
                .map(|l| l.user_id)
                .collect();
            let person = |id: i64| users.get(&id).map(|u| views::person(Some(u), u.id));
            let chosen = row.as_ref().and_then(|r| r.collector_user_id);
            let collector = defaults::collector(chosen, &referent_ids).and_then(person);
            let payee =
                defaults::payee(row.as_ref().map(|r| r.payee.as_str()), &producer.name).to_owned();
            Ok(PaymentSettings {
                plan: plan_of(row.as_ref())?,
                payee,
                hand_in_by: row.as_ref().and_then(|r| r.hand_in_by),
                collector,
                message: row.map(|r| r.message).unwrap_or_default(),
                referents: referent_ids.iter().filter_map(|id| person(*id)).collect(),
            })
        })
        .collect()
}
