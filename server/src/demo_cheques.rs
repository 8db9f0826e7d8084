//! The demo season's cheques, in every state: the vegetable contracts' first month handed in
//! and remitted to the farm (a deposit slip), the second month half received (so the
//! remittance screen names who is missing), the rest promised; bank details on the cheques
//! received; one credit carried into an egg contract.

use crate::db::entities::{amap, payment_plan};
use crate::error::{AppError, AppResult};
use crate::repo::{self, cheques};
use app::domain::payment::ChequeEvent;
use app::domain::payment::{ChequeState, PaymentPlan};
use app::domain::{ChequeId, Money, RemittanceId, TemplateId};
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
    let all = cheques::of_template(db, TemplateId(vegetables)).await?;
    let owners = cheques::owners(db, TemplateId(vegetables)).await?;
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
            ChequeId(cheque.id),
            cheques::Written {
                bank: BANKS[i % BANKS.len()],
                number: &format!("{:07}", 4_200_000 + cheque.id * 37),
                drawer: "",
                comment: None,
            },
        )
        .await?;
        let id = ChequeId(cheque.id);
        cheques::mark(db, id, ChequeState::Promised, ChequeState::Received).await?;
        let moved = (Some(ChequeState::Promised), Some(ChequeState::Received));
        events.push(cheques::Event::of_cheque(
            cheque,
            &owners,
            treasurer.id,
            ChequeEvent::Received,
            moved,
        ));
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
        let slip = RemittanceId(remittance.id);
        cheques::remit_date(db, TemplateId(vegetables), first, slip).await?;
        let moved = (Some(ChequeState::Received), Some(ChequeState::Remitted));
        events.extend(of_first.iter().map(|c| {
            cheques::Event::of_cheque(c, &owners, treasurer.id, ChequeEvent::Remitted, moved)
        }));
    }
    cheques::record(db, events).await?;
    Ok(())
}
