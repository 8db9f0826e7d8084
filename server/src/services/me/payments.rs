//! "Mes paiements": for each of my contracts, the cheques still to give (identical amounts
//! grouped), those at the AMAP and those handed to the producer with the real date.

use super::super::Caller;
use super::held::Held;
use crate::collation::compare_text;
use crate::error::AppResult;
use crate::payments::schedule::{TemplatePayments, tally};
use crate::repo::cheques;
use crate::views;
use app::api::payments::{ChequeGroup, MyPaymentContract, MyPayments};
use app::domain::payment::ChequeState;
use app::domain::payment::register::group_by_amount;
use app::domain::{Action, Money};
use sea_orm::DatabaseConnection;
use std::collections::HashMap;

/// Fixed cost whatever the number of contracts: every template, plan, grid and cheque of the
/// member is read in one query per table.
pub async fn my_payments(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<MyPayments> {
    caller.require(Action::SignUp)?;
    let held = Held::load(db, caller).await?;
    Ok(MyPayments {
        contracts: payment_contracts(db, caller, &held).await?,
    })
}

/// Each held contract's cheques: to give (equal amounts grouped), at the AMAP, remitted.
pub async fn payment_contracts(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    held: &Held,
) -> AppResult<Vec<MyPaymentContract>> {
    let pairs = held.pairs();
    let today = caller.local_now().date();
    let payments = TemplatePayments::load_many(db, &pairs, today).await?;
    let subs = &held.subs;
    let grids = &held.grids;
    let mut stored: HashMap<i64, Vec<_>> = HashMap::new();
    for c in cheques::of_subscriptions(db, subs.iter().map(|s| s.id).collect()).await? {
        stored.entry(c.subscription_id).or_default().push(c);
    }
    let mut contracts = Vec::new();
    for ((loaded, producer), payments) in pairs.iter().zip(&payments) {
        let Some(sub) = subs.iter().find(|s| s.template_id == loaded.template.id) else {
            continue;
        };
        let grid = grids.get(&sub.id).cloned().unwrap_or_default();
        let mine = stored.remove(&sub.id).unwrap_or_default();
        let offer = views::offer(loaded, producer);
        let t = tally(&offer, &grid, Money::from_cents(sub.credit_cents), &mine);
        let handed_on = payments.handed_on();
        let in_state = |state: ChequeState| {
            mine.iter()
                .filter(|c| cheques::state_of(&c.state) == state)
                .map(|c| views::cheque(c, &handed_on))
                .collect::<Vec<_>>()
        };
        let promised: Vec<_> = in_state(ChequeState::Promised)
            .iter()
            .map(|c| (c.date, c.amount))
            .collect();
        contracts.push(MyPaymentContract {
            template: views::summary(loaded, producer, 0),
            payee: payments.settings.payee.clone(),
            hand_in_by: payments.settings.hand_in_by,
            collector: payments.settings.collector.clone(),
            managed: payments.plan().managed(),
            message: payments.settings.message.clone(),
            balance: t.balance(),
            tally: t,
            to_give: group_by_amount(&promised)
                .into_iter()
                .map(|(amount, dates)| ChequeGroup { amount, dates })
                .collect(),
            at_amap: in_state(ChequeState::Received),
            remitted: in_state(ChequeState::Remitted),
        });
    }
    contracts.sort_by(|a, b| compare_text(&a.template.name, &b.template.name));
    Ok(contracts)
}
