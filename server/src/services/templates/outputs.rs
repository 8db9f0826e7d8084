//! What a template produced: its contracts as a list, its synthesis and delivery sheets, and
//! who has not signed up yet.

use super::{Caller, template_for};
use crate::collation::{sort_by_name, sort_by_user};
use crate::error::{AppError, AppResult};
use crate::repo::{self, subscriptions};
use crate::views;
use app::api::contracts::{DeliverySheet, SheetRow, Synthesis, SynthesisRow};
use app::api::producers::PersonRef;
use app::api::templates::SubscriptionRow;
use app::domain::contract::synthesis::{by_date, column_totals};
use app::domain::{Action, Money, TemplateId, UserId};
use chrono::NaiveDate;
use sea_orm::DatabaseConnection;
use std::collections::{BTreeSet, HashSet};
use std::iter;

pub use app::domain::contract::synthesis::delivered;

/// Who signed up, with what (dates, units, amount), by member name.
pub async fn subscriptions(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
) -> AppResult<Vec<SubscriptionRow>> {
    let (loaded, _) = template_for(db, caller, id, Action::ManageProducer).await?;
    let subs = subscriptions::of_template_with_grids(db, &loaded).await?;
    let people =
        repo::producers::users_by_id(db, subs.iter().map(|(s, _)| s.user_id).collect()).await?;
    let mut rows: Vec<SubscriptionRow> = subs
        .iter()
        .filter_map(|(s, grid)| {
            let person = people.get(&s.user_id)?;
            let dates: BTreeSet<_> = grid.cells().map(|c| c.date).collect();
            Some(SubscriptionRow {
                member: views::person(Some(person), person.id),
                late: s.late,
                edited_by_referent: s.edited_by_referent,
                dates: u32::try_from(dates.len()).unwrap_or(u32::MAX),
                units: views::units(grid),
                amount: views::amount(&loaded, grid),
            })
        })
        .collect();
    sort_by_user(&mut rows, &people, |r| r.member.id.0);
    Ok(rows)
}

/// Active members without a contract on this template (names only, last name first).
pub async fn candidates(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
) -> AppResult<Vec<PersonRef>> {
    template_for(db, caller, id, Action::ManageProducer).await?;
    let signed: HashSet<i64> = subscriptions::of_template(db, id)
        .await?
        .into_iter()
        .map(|s| s.user_id)
        .collect();
    let mut people: Vec<_> = repo::memberships::list_with_users(db, caller.amap.id)
        .await?
        .into_iter()
        .filter(|(m, u)| m.active && !signed.contains(&u.id))
        .map(|(_, u)| u)
        .collect();
    sort_by_name(&mut people, |u| (&u.last_name, &u.first_name));
    Ok(people
        .into_iter()
        .map(|u| PersonRef {
            id: UserId(u.id),
            name: format!("{} {}", u.last_name, u.first_name),
        })
        .collect())
}

/// Every delivery date with the units of each product summed over all contracts, their
/// running totals and their value.
pub async fn synthesis(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
) -> AppResult<Synthesis> {
    let (loaded, producer) = template_for(db, caller, id, Action::ReadDeliveries).await?;
    let subs = subscriptions::of_template_with_grids(db, &loaded).await?;
    let offer = views::offer(&loaded, &producer);
    let sum = delivered(&offer, subs.iter().map(|(_, grid)| grid));
    let (lines, totals) = by_date(&offer, &sum);
    let rows: Vec<SynthesisRow> = lines
        .into_iter()
        .map(|l| SynthesisRow {
            date: l.date,
            cancelled: l.cancelled,
            quantities: l.quantities,
            cumulative: l.cumulative,
            amount: l.amount,
        })
        .collect();
    let subscribers = u32::try_from(subs.len()).unwrap_or(u32::MAX);
    Ok(Synthesis {
        template: views::summary(&loaded, &producer, subscribers),
        products: views::template_products(&loaded),
        amount: rows.iter().map(|r| r.amount).sum(),
        rows,
        totals,
    })
}

/// What to hand to whom on one date: one row per member with something to collect, by
/// last name then first name (French order), with the totals and their value.
pub async fn delivery_sheet(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
    date: NaiveDate,
) -> AppResult<DeliverySheet> {
    let (loaded, producer) = template_for(db, caller, id, Action::ReadDeliveries).await?;
    sheet_of(db, &loaded, &producer, date).await
}

/// [`delivery_sheet`] once the template is known to be the caller's to read (the mailed
/// sheet reads it for the producer).
pub async fn sheet_of(
    db: &impl sea_orm::ConnectionTrait,
    loaded: &repo::templates::Loaded,
    producer: &crate::db::entities::producer::Model,
    date: NaiveDate,
) -> AppResult<DeliverySheet> {
    loaded.date_id(date).ok_or(AppError::NotFound)?;
    let subs = subscriptions::of_template_with_grids(db, loaded).await?;
    let people =
        repo::producers::users_by_id(db, subs.iter().map(|(s, _)| s.user_id).collect()).await?;
    let offer = views::offer(loaded, producer);
    let mut rows = Vec::new();
    for (s, grid) in &subs {
        let Some(person) = people.get(&s.user_id) else {
            continue;
        };
        let mine = delivered(&offer, iter::once(grid));
        if mine.date_total(date) == 0 {
            continue;
        }
        let row = SheetRow {
            member: views::person(Some(person), person.id),
            quantities: offer
                .products
                .iter()
                .map(|p| mine.get(date, p.id))
                .collect(),
            amount: mine.date_amount(date, |p| offer.price_of(p)),
        };
        rows.push((person, row));
    }
    sort_by_name(&mut rows, |(p, _)| (&p.last_name, &p.first_name));
    let rows: Vec<SheetRow> = rows.into_iter().map(|(_, row)| row).collect();
    let totals = column_totals(
        rows.iter().map(|r| r.quantities.as_slice()),
        offer.products.len(),
    );
    let subscribers = u32::try_from(subs.len()).unwrap_or(u32::MAX);
    Ok(DeliverySheet {
        template: views::summary(loaded, producer, subscribers),
        date,
        products: views::template_products(loaded),
        amount: rows.iter().map(|r| r.amount).sum::<Money>(),
        rows,
        totals,
    })
}
