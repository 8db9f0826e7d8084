//! What a period gives out: its planning (read by every member, downloaded, printed, mailed
//! to the participants by a coordinator) and its history (coordinators).

use super::{Loaded, full_name, period_of};
use crate::db::entities::{app_user, duty_move, duty_period};
use crate::error::AppResult;
use crate::mail::outbox::{self, NewMail};
use crate::mail::{Mailer, compose};
use crate::repo;
use crate::services::Caller;
use app::api::rota::{
    HistoryView, MoveView, PlanningCell, PlanningMailed, PlanningRow, PlanningView,
};
use app::domain::mail::MailKind;
use app::domain::rota::planning::lay_out;
use app::domain::rota::{self as rules};
use app::domain::{Action, AmapId, DutyPeriodId, DutyRoleId};
use app::i18n::Locale;
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::{BTreeMap, HashMap};

/// The period's planning: dates × place slots, with who holds each place.
pub async fn planning(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
) -> AppResult<PlanningView> {
    caller.require(Action::ViewOwnSpace)?;
    let row = period_of(db, caller, id).await?;
    let loaded = Loaded::of(db, &[row.id]).await?;
    planning_of(db, caller, &row, &loaded).await
}

async fn planning_of(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    row: &duty_period::Model,
    loaded: &Loaded,
) -> AppResult<PlanningView> {
    let roles = repo::rota::roles(db, caller.amap.id).await?;
    let names: HashMap<i64, &str> = roles.iter().map(|r| (r.id, r.name.as_str())).collect();
    let holders =
        repo::producers::users_by_id(db, loaded.places.iter().filter_map(|p| p.user_id).collect())
            .await?;
    // `Loaded` keeps dates by day and places by position.
    let dates: Vec<_> = loaded
        .dates
        .iter()
        .filter(|d| d.period_id == row.id)
        .collect();
    let places: Vec<Vec<_>> = dates
        .iter()
        .map(|d| loaded.places.iter().filter(|p| p.date_id == d.id).collect())
        .collect();
    let layout = lay_out(
        &places
            .iter()
            .map(|ps: &Vec<_>| ps.iter().map(|p| DutyRoleId(p.role_id)).collect())
            .collect::<Vec<_>>(),
        &roles.iter().map(|r| DutyRoleId(r.id)).collect::<Vec<_>>(),
    );
    let columns = layout
        .columns
        .iter()
        .map(|slot| {
            let name = names.get(&slot.role.0).copied().unwrap_or_default();
            match slot.nth {
                Some(n) => format!("{name} {n}"),
                None => name.to_owned(),
            }
        })
        .collect();
    let rows = dates
        .iter()
        .zip(&places)
        .zip(&layout.cells)
        .map(|((date, places), cells)| {
            let mut row = vec![PlanningCell::NoPlace; layout.columns.len()];
            for (place, &column) in places.iter().zip(cells) {
                row[column] = match place.user_id.and_then(|u| holders.get(&u)) {
                    Some(user) => PlanningCell::Held {
                        name: full_name(user),
                    },
                    None => PlanningCell::Free,
                };
            }
            PlanningRow {
                day: date.day,
                cells: row,
            }
        })
        .collect();
    Ok(PlanningView {
        period_id: DutyPeriodId(row.id),
        name: row.name.clone(),
        amap_name: caller.amap.name.clone(),
        columns,
        rows,
    })
}

/// Mails the planning to every participant who is an active member, with their own duties
/// first and the spreadsheet attached; one mail each, through the outbox.
pub async fn mail_planning(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    id: DutyPeriodId,
) -> AppResult<PlanningMailed> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let loaded = Loaded::of(&txn, &[row.id]).await?;
    let planning = planning_of(&txn, caller, &row, &loaded).await?;
    let attachment = crate::exports::xlsx(&crate::exports::planning_table(&planning))?;
    let file = format!("planning-{}.xlsx", crate::exports::slugify(&row.name));
    let roles: HashMap<i64, String> = repo::rota::roles(&txn, caller.amap.id)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let days: HashMap<i64, NaiveDate> = loaded.dates.iter().map(|d| (d.id, d.day)).collect();
    let mut duties: BTreeMap<i64, Vec<(NaiveDate, String)>> = BTreeMap::new();
    for place in &loaded.places {
        if let (Some(user), Some(day)) = (place.user_id, days.get(&place.date_id)) {
            let role = roles.get(&place.role_id).cloned().unwrap_or_default();
            duties.entry(user).or_default().push((*day, role));
        }
    }
    let active: HashMap<i64, app_user::Model> =
        repo::memberships::list_with_users(&txn, caller.amap.id)
            .await?
            .into_iter()
            .filter(|(m, _)| m.active)
            .map(|(_, u)| (u.id, u))
            .collect();
    let link = mailer.link(&format!("/a/{}/permanences/{}", caller.amap.slug, row.id));
    let mut mailed = 0;
    for participant in loaded.participants.iter().filter(|p| p.period_id == row.id) {
        let Some(account) = active.get(&participant.user_id) else {
            continue;
        };
        let mut mine = duties.remove(&account.id).unwrap_or_default();
        mine.sort();
        let held = u32::try_from(mine.len()).unwrap_or(u32::MAX);
        let content = compose::planning(
            Locale::fr,
            &account.first_name,
            &compose::Planning {
                amap: &caller.amap.name,
                planning: &planning,
                mine: &mine,
                owed: rules::owed(participant.quota.max(0) as u32, held),
                link: link.clone(),
            },
        );
        let mut mail = NewMail::new(
            Some(AmapId(caller.amap.id)),
            MailKind::DutyPlanning,
            account.email.clone(),
            content,
        );
        mail.attachment = Some((file.clone(), attachment.clone()));
        outbox::enqueue(&txn, mailer, mail, caller.now).await?;
        mailed += 1;
    }
    txn.commit().await?;
    if mailed > 0 {
        mailer.wake();
    }
    Ok(PlanningMailed { mailed })
}

/// Every move of the period, newest first, with the names of who did it and of the holders
/// before and after.
pub async fn history(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
) -> AppResult<HistoryView> {
    caller.require(Action::ManageRota)?;
    let row = period_of(db, caller, id).await?;
    let moves = repo::rota::moves(db, caller.amap.id, row.id).await?;
    let people = repo::producers::users_by_id(
        db,
        moves
            .iter()
            .flat_map(|m| [m.actor_id, m.from_user_id, m.to_user_id])
            .flatten()
            .collect(),
    )
    .await?;
    let name = |id: Option<i64>| id.and_then(|id| people.get(&id)).map(full_name);
    Ok(HistoryView {
        period_id: DutyPeriodId(row.id),
        name: row.name,
        time_zone: caller.amap.time_zone.clone(),
        moves: moves
            .iter()
            .map(|m: &duty_move::Model| MoveView {
                at: m.at,
                day: m.day,
                role_name: m.role_name.clone(),
                kind: m.kind.into(),
                by: name(m.actor_id),
                from: name(m.from_user_id),
                to: name(m.to_user_id),
            })
            .collect(),
    })
}
