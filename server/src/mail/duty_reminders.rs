//! The reminder of a distribution duty, some days before it (the AMAP's setting, two days
//! unless changed; AmapJ's reminder daemon does the same): to the person on duty, with the
//! role, where and when, and who else is on duty that day. A pass runs at start and every
//! quarter of an hour; `duty_place.reminded_at`, claimed in the mail's transaction, makes each
//! reminder leave once whatever restarts or servers, and is reset when the place changes hands
//! (the new holder is reminded in turn).

use super::compose;
use super::outbox::{self, NewMail};
use crate::db::entities::amap;
use crate::error::AppResult;
use crate::repo;
use crate::services::rota::{others_on_duty, people};
use crate::state::AppState;
use app::domain::AmapId;
use app::domain::mail::MailKind;
use app::domain::rota::reminder_due;
use app::i18n::Locale;
use app::ui::paths::Amap;
use chrono::{DateTime, Days, Utc};
use std::collections::HashMap;

/// How often a pass looks for reminders that became due.
const EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Starts the passes for as long as the server runs.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match queue_due(&state, state.clock.now()).await {
                Ok(0) => {}
                Ok(queued) => {
                    tracing::info!(queued, "duty reminders queued");
                    state.mailer.wake();
                }
                Err(error) => tracing::error!(%error, "duty reminders: pass failed"),
            }
            tokio::time::sleep(EVERY).await;
        }
    })
}

/// One pass over every AMAP: each held place whose reminder is due today (in the AMAP's time
/// zone) and has not left. Returns how many mails it queued.
pub async fn queue_due(state: &AppState, now: DateTime<Utc>) -> AppResult<u32> {
    let mut queued = 0;
    for amap in repo::amaps::list_all(&state.db).await? {
        let Ok(lead) = u32::try_from(amap.duty_reminder_days) else {
            continue;
        };
        if lead == 0 {
            continue;
        }
        // One AMAP's failure does not hold up the others'.
        match queue_amap(state, &amap, lead, now).await {
            Ok(n) => queued += n,
            Err(error) => tracing::error!(%error, amap = amap.slug, "duty reminders not queued"),
        }
    }
    Ok(queued)
}

async fn queue_amap(
    state: &AppState,
    amap: &amap::Model,
    lead: u32,
    now: DateTime<Utc>,
) -> AppResult<u32> {
    let today = crate::clock::local(&amap.time_zone, now).date();
    let Some(horizon) = today.checked_add_days(Days::new(u64::from(lead))) else {
        return Ok(0);
    };
    let dates = repo::rota::dates_between(&state.db, amap.id, today, horizon).await?;
    let dates: Vec<_> = dates
        .into_iter()
        .filter(|d| reminder_due(d.day, today, lead))
        .collect();
    if dates.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = dates.iter().map(|d| d.id).collect();
    let places = repo::rota::places_of_dates(&state.db, &ids).await?;
    if !places
        .iter()
        .any(|p| p.user_id.is_some() && p.reminded_at.is_none())
    {
        return Ok(0);
    }
    let roles: HashMap<i64, String> = repo::rota::roles(&state.db, amap.id)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let periods: HashMap<i64, String> = repo::rota::periods(&state.db, amap.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let (accounts, _) = people(&state.db, amap.id).await?;
    let role_of = |role_id: i64| roles.get(&role_id).cloned().unwrap_or_default();
    let mut queued = 0;
    for date in &dates {
        let on_date: Vec<_> = places.iter().filter(|p| p.date_id == date.id).collect();
        for place in on_date.iter().filter(|p| p.reminded_at.is_none()) {
            let Some(holder) = place.user_id.and_then(|id| accounts.get(&id)) else {
                continue;
            };
            let others = others_on_duty(on_date.iter().copied(), place, &accounts, &roles);
            let role = role_of(place.role_id);
            let period = periods.get(&place.period_id).cloned().unwrap_or_default();
            let txn = repo::write_txn(&state.db).await?;
            // Claimed in the mail's transaction: a crash before the commit leaves neither.
            if !repo::rota::claim_reminder(&txn, place.id, holder.id, now).await? {
                continue;
            }
            let link = state.mailer.link(
                &Amap::new(amap.slug.clone()).rota(app::domain::DutyPeriodId(place.period_id)),
            );
            let content = compose::duty_reminder(
                Locale::fr,
                &holder.first_name,
                &compose::Reminder {
                    amap: &amap.name,
                    period: &period,
                    day: date.day,
                    role: &role,
                    place: &amap.distribution_place,
                    hours: &amap.distribution_hours,
                    others: &others,
                    link,
                },
            );
            let mail = NewMail::new(
                Some(AmapId(amap.id)),
                MailKind::DutyReminder,
                holder.email.clone(),
                content,
            );
            outbox::enqueue(&txn, &state.mailer, mail, now).await?;
            txn.commit().await?;
            queued += 1;
        }
    }
    Ok(queued)
}
