//! Calendar feeds (iCal): the address of a member's feeds, its reset, and the feeds
//! themselves — the member's deliveries and duties, the AMAP's distributions. A feed is read
//! by a calendar application, without a session: the secret in its address says whose it is,
//! and it stops answering the day the member leaves the AMAP.

use super::Caller;
use super::me::held::Held;
use crate::db::entities::{amap, app_user, calendar_feed};
use crate::error::{AppError, AppResult};
use crate::exports::ical::{self, DayEvent};
use crate::mail::Mailer;
use crate::repo;
use crate::state::AppState;
use app::api::calendar::{CalendarLinks, distributions_feed_path, member_feed_path};
use app::domain::{Action, Grants, UserId};
use chrono::NaiveDate;
use sea_orm::{DatabaseConnection, EntityTrait};
use std::collections::{BTreeMap, HashMap};

fn links(mailer: &Mailer, feed: &calendar_feed::Model) -> CalendarLinks {
    CalendarLinks {
        member: mailer.link(&member_feed_path(&feed.token)),
        distributions: mailer.link(&distributions_feed_path(&feed.token)),
    }
}

/// The addresses of my feeds (made the first time I ask).
pub async fn mine(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
) -> AppResult<CalendarLinks> {
    caller.require(Action::SubscribeCalendar)?;
    let feed = repo::calendar_feeds::get_or_create(
        db,
        caller.amap.id,
        UserId(caller.user_id()),
        caller.now,
    )
    .await?;
    Ok(links(mailer, &feed))
}

/// New addresses for my feeds: the old ones answer 404 from now on.
pub async fn reset(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
) -> AppResult<CalendarLinks> {
    caller.require(Action::SubscribeCalendar)?;
    let txn = repo::write_txn(db).await?;
    let feed =
        repo::calendar_feeds::reset(&txn, caller.amap.id, UserId(caller.user_id()), caller.now)
            .await?;
    txn.commit().await?;
    Ok(links(mailer, &feed))
}

/// Whose feed `token` is: the AMAP and its active member, else 404 (an unknown or reset
/// secret, a member who left).
async fn owner(db: &DatabaseConnection, token: &str) -> AppResult<(amap::Model, app_user::Model)> {
    let feed = repo::calendar_feeds::by_token(db, token)
        .await?
        .ok_or(AppError::NotFound)?;
    let active = repo::memberships::find(db, feed.amap_id, UserId(feed.user_id))
        .await?
        .is_some_and(|m| m.active);
    if !active {
        return Err(AppError::NotFound);
    }
    let amap = amap::Entity::find_by_id(feed.amap_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = repo::users::find(db, UserId(feed.user_id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((amap, user))
}

/// Where and when, as the AMAP wrote it.
fn hours_and_place(amap: &amap::Model) -> (String, String) {
    (
        amap.distribution_hours.clone(),
        amap.distribution_place.clone(),
    )
}

/// The member's feed: each distribution they collect something at (what, from which
/// contract), and each duty they hold (role, period, who else is on duty).
pub async fn member_feed(state: &AppState, token: &str) -> AppResult<String> {
    let (db, now) = (&state.db, state.clock.now());
    let (amap, user) = owner(db, token).await?;
    let grants = Grants {
        member: true,
        ..Grants::default()
    };
    let caller = Caller {
        amap: &amap,
        user: &user,
        grants: &grants,
        now,
        people: &state.directory,
        rota: &state.rota,
    };
    let (hours, place) = hours_and_place(&amap);
    let held = Held::load(db, &caller).await?;
    let mut days: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    for line in super::me::deliveries::delivery_lines(&held) {
        let product = if line.packaging.trim().is_empty() {
            line.product
        } else {
            format!("{} ({})", line.product, line.packaging)
        };
        days.entry(line.date).or_default().push(format!(
            "{} — {} : {} × {product}",
            line.template, line.producer, line.qty
        ));
    }
    let mut events: Vec<DayEvent> = days
        .into_iter()
        .map(|(day, lines)| {
            let mut description = lines.join("\n");
            if !hours.is_empty() {
                description = format!("{hours}\n{description}");
            }
            DayEvent {
                uid: format!("delivery-{}-{}-{day}@amapola", amap.id, user.id),
                day,
                summary: format!("{} — distribution", amap.name),
                description,
                location: place.clone(),
            }
        })
        .collect();
    events.extend(duty_events(db, &amap, &user, &hours, &place).await?);
    events.sort_by_key(|e| e.day);
    let name = format!("{} — {} {}", amap.name, user.first_name, user.last_name);
    Ok(ical::calendar(&name, &events, now))
}

async fn duty_events(
    db: &DatabaseConnection,
    amap: &amap::Model,
    user: &app_user::Model,
    hours: &str,
    place: &str,
) -> AppResult<Vec<DayEvent>> {
    let held = repo::rota::held_by(db, amap.id, UserId(user.id)).await?;
    if held.is_empty() {
        return Ok(Vec::new());
    }
    let periods: HashMap<i64, String> = repo::rota::periods(db, amap.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let period_ids: Vec<i64> = periods.keys().copied().collect();
    let dates: HashMap<i64, NaiveDate> = repo::rota::dates(db, &period_ids)
        .await?
        .into_iter()
        .map(|d| (d.id, d.day))
        .collect();
    let date_ids: Vec<i64> = held.iter().map(|p| p.date_id).collect();
    let same_days = repo::rota::places_of_dates(db, &date_ids).await?;
    let roles: HashMap<i64, String> = repo::rota::roles(db, amap.id)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let users =
        repo::producers::users_by_id(db, same_days.iter().filter_map(|p| p.user_id).collect())
            .await?;
    Ok(held
        .iter()
        .filter_map(|duty| {
            let day = *dates.get(&duty.date_id)?;
            let role = roles.get(&duty.role_id).cloned().unwrap_or_default();
            let period = periods.get(&duty.period_id).cloned().unwrap_or_default();
            let others = super::rota::others_on_duty(&same_days, duty, &users, &roles);
            let mut description = vec![format!("« {period} »")];
            if !hours.is_empty() {
                description.push(hours.to_owned());
            }
            if !others.is_empty() {
                description.push(format!("Avec : {}", others.join(", ")));
            }
            Some(DayEvent {
                uid: format!("duty-{}-{}@amapola", duty.id, user.id),
                day,
                summary: format!("{} — permanence ({role})", amap.name),
                description: description.join("\n"),
                location: place.to_owned(),
            })
        })
        .collect())
}

/// The AMAP's feed: every day one of its published contracts delivers, with the contracts.
/// No names: the address may end up shared.
pub async fn distributions_feed(state: &AppState, token: &str) -> AppResult<String> {
    let (db, now) = (&state.db, state.clock.now());
    let (amap, _) = owner(db, token).await?;
    let (hours, place) = hours_and_place(&amap);
    let days = super::distributions::contracts_by_day(db, amap.id, None).await?;
    let events: Vec<DayEvent> = days
        .into_iter()
        .map(|(day, contracts)| {
            let mut description = contracts.join("\n");
            if !hours.is_empty() {
                description = format!("{hours}\n{description}");
            }
            DayEvent {
                uid: format!("distribution-{}-{day}@amapola", amap.id),
                day,
                summary: format!("{} — distribution", amap.name),
                description,
                location: place.clone(),
            }
        })
        .collect();
    Ok(ical::calendar(&amap.name, &events, now))
}
