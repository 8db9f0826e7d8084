//! The home page's summary: my next delivery, the cheques I still have to bring and by when,
//! the contracts open to me, with the same rules as the pages it sums up ("Mes livraisons",
//! "Mes paiements", "Mes contrats"), read in a fixed number of queries.

use super::super::Caller;
use super::deliveries::delivery_lines;
use super::held::Held;
use super::payments::payment_contracts;
use crate::error::AppResult;
use crate::repo::templates;
use crate::views;
use app::api::home::{ChequesToBring, HomeSummary, NextDelivery};
use app::domain::Action;
use app::domain::contract::deadline::{member_window, offered_to_members};
use app::domain::contract::editing::visible_to_member;
use app::domain::contract::history::is_finished;
use sea_orm::DatabaseConnection;

pub async fn my_summary(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<HomeSummary> {
    caller.require(Action::ViewOwnSpace)?;
    let now = caller.local_now();
    let held = Held::load(db, caller).await?;

    let lines = delivery_lines(&held);
    let next = lines
        .iter()
        .map(|l| l.date)
        .filter(|d| *d >= now.date())
        .min();
    let next_delivery = next.map(|date| NextDelivery {
        date,
        lines: lines.into_iter().filter(|l| l.date == date).collect(),
    });

    // Operators who are not members hold no cheques (and may not read "Mes paiements").
    let to_bring = match caller.grants.allows(Action::SignUp) {
        true => payment_contracts(db, caller, &held)
            .await?
            .into_iter()
            .filter(|c| c.managed && !c.to_give.is_empty())
            .map(|c| ChequesToBring {
                template: c.template,
                payee: c.payee,
                hand_in_by: c.hand_in_by,
                cheques: c.to_give,
            })
            .collect(),
        false => Vec::new(),
    };

    let running = held
        .pairs()
        .into_iter()
        .filter(|(loaded, producer)| {
            let grid = held
                .contract_of(loaded.template.id)
                .and_then(|s| held.grids.get(&s.id))
                .cloned()
                .unwrap_or_default();
            let offer = views::offer(loaded, producer);
            !is_finished(&member_window(&offer, true, now), &grid, now)
        })
        .count();

    let unheld: Vec<_> = held
        .templates
        .iter()
        .filter(|t| held.contract_of(t.id).is_none())
        .filter(|t| held.producers.contains_key(&t.producer_id))
        .filter(|t| visible_to_member(templates::state_of(&t.state), false))
        .cloned()
        .collect();
    let counts = templates::subscriber_counts(db, unheld.iter().map(|t| t.id).collect()).await?;
    let mut open: Vec<_> = templates::load_many(db, unheld)
        .await?
        .iter()
        .filter_map(|loaded| {
            let producer = held.producers.get(&loaded.template.producer_id)?;
            let offer = views::offer(loaded, producer);
            let count = counts.get(&loaded.template.id).copied().unwrap_or(0);
            offered_to_members(&offer, now).then(|| views::summary(loaded, producer, count))
        })
        .collect();
    open.sort_by_key(|t| t.deadline);

    Ok(HomeSummary {
        next_delivery,
        to_bring,
        open,
        running: u32::try_from(running).unwrap_or(u32::MAX),
    })
}
