//! The demo season's cheques, in every state: the vegetable contracts' first month handed in
//! and remitted to the farm (a deposit slip), the second month half received (so the
//! remittance screen names who is missing), the rest promised; bank details on the cheques
//! received; one credit carried into an egg contract.

use crate::db::entities::{amap, payment_plan};
use crate::error::{AppError, AppResult};
use crate::repo::{self, cheques};
use app::domain::Money;
use app::domain::payment::{ChequeState, PaymentPlan};
use chrono::NaiveDate;
use sea_orm::DatabaseConnection;

const BANKS: [&str; 4] = [
    "Crédit Agricole",
    "La Banque Postale",
    "Crédit Mutuel",
    "Société Générale",
];

pub async fn seed(
    db: &DatabaseConnection,
    amap: &amap::Model,
    templates: &[i64],
    hand_in_by: NaiveDate,
    today: NaiveDate,
) -> AppResult<()> {
    let treasurer = repo::users::find_by_email(db, "tresorier@example.org")
        .await?
        .ok_or(AppError::NotFound)?;
    for template in templates {
        cheques::save_plan(
            db,
            payment_plan::Model {
                template_id: *template,
                amap_id: amap.id,
                strategy: serde_json::to_string(&PaymentPlan::default().strategy)
                    .map_err(|e| AppError::Internal(e.into()))?,
                payee: String::new(),
                hand_in_by: Some(hand_in_by),
                minimum_cents: 0,
                collector_user_id: None,
                message: String::new(),
            },
        )
        .await?;
    }
    let Some(&vegetables) = templates.first() else {
        return Ok(());
    };
    let all = cheques::of_template(db, vegetables).await?;
    let owners: std::collections::HashMap<i64, i64> =
        repo::subscriptions::of_template(db, vegetables)
            .await?
            .into_iter()
            .map(|s| (s.id, s.user_id))
            .collect();
    let mut dates: Vec<NaiveDate> = all.iter().map(|c| c.payment_date).collect();
    dates.sort_unstable();
    dates.dedup();
    let mut events = Vec::new();
    for (i, cheque) in all.iter().enumerate() {
        let first = Some(&cheque.payment_date) == dates.first();
        let second = Some(&cheque.payment_date) == dates.get(1);
        if !(first || (second && i % 2 == 0)) {
            continue;
        }
        cheques::set_details(
            db,
            cheque.id,
            cheques::Written {
                bank: BANKS[i % BANKS.len()],
                number: &format!("{:07}", 4_200_000 + cheque.id * 37),
                drawer: "",
                comment: None,
            },
        )
        .await?;
        cheques::mark(db, cheque.id, ChequeState::Promised, ChequeState::Received).await?;
        events.push(cheques::Event {
            amap_id: amap.id,
            template_id: vegetables,
            subscription_id: Some(cheque.subscription_id),
            member_user_id: owners.get(&cheque.subscription_id).copied(),
            cheque_id: Some(cheque.id),
            actor: treasurer.id,
            action: "received",
            from: Some(ChequeState::Promised),
            to: Some(ChequeState::Received),
            date: Some(cheque.payment_date),
            amount: Money::from_cents(cheque.amount_cents),
        });
    }
    if let Some(&first) = dates.first() {
        let of_first: Vec<_> = all.iter().filter(|c| c.payment_date == first).collect();
        let remittance = cheques::insert_remittance(
            db,
            cheques::NewRemittance {
                amap_id: amap.id,
                template_id: vegetables,
                payment_date: first,
                handed_on: today,
                total: of_first
                    .iter()
                    .map(|c| Money::from_cents(c.amount_cents))
                    .sum(),
                count: i32::try_from(of_first.len()).unwrap_or(i32::MAX),
                created_by: treasurer.id,
            },
        )
        .await?;
        cheques::remit_date(db, vegetables, first, remittance.id).await?;
        events.extend(of_first.iter().map(|c| cheques::Event {
            amap_id: amap.id,
            template_id: vegetables,
            subscription_id: Some(c.subscription_id),
            member_user_id: owners.get(&c.subscription_id).copied(),
            cheque_id: Some(c.id),
            actor: treasurer.id,
            action: "remitted",
            from: Some(ChequeState::Received),
            to: Some(ChequeState::Remitted),
            date: Some(first),
            amount: Money::from_cents(c.amount_cents),
        }));
    }
    cheques::record(db, events).await?;
    Ok(())
}
