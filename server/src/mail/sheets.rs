//! The producer's delivery sheet, mailed before each distribution (AmapJ and Cagette send the
//! producer a recap some days ahead): the producer's notice period before the date (two days
//! when it has none), to the producer's accounts and its référents, the sheet attached as
//! XLSX. A pass runs at start and every quarter of an hour; `delivery_notice` (one row per
//! template and date, written in the mails' transaction) makes every sheet leave once, whatever
//! restarts or servers.

use super::compose;
use super::outbox::{self, NewMail};
use crate::db::entities::{delivery_notice, producer, stored};
use crate::error::AppResult;
use crate::repo;
use crate::state::AppState;
use app::domain::mail::MailKind;
use app::domain::{AmapId, TemplateId};
use app::i18n::Locale;
use app::ui::paths::Amap;
use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use std::collections::{BTreeSet, HashMap};

/// How often a pass looks for sheets that became due.
const EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Days ahead when the producer gives no notice period.
const DEFAULT_LEAD_DAYS: u64 = 2;

/// Starts the passes for as long as the server runs.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match queue_due(&state, state.clock.now()).await {
                Ok(0) => {}
                Ok(queued) => {
                    tracing::info!(queued, "delivery sheets queued for producers");
                    state.mailer.wake();
                }
                Err(error) => tracing::error!(%error, "delivery sheets: pass failed"),
            }
            tokio::time::sleep(EVERY).await;
        }
    })
}

/// The date a sheet leaves for a distribution on `date`: `lead` days before it.
fn due_on(date: NaiveDate, lead: u64) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(lead))
}

/// One pass: every active template's distribution whose sheet is due today (in its AMAP's
/// time zone) or was due since the last date delivered, not yet queued. Returns how many mails
/// it queued.
pub async fn queue_due(state: &AppState, now: DateTime<Utc>) -> AppResult<u32> {
    let mut queued = 0;
    for amap in repo::amaps::list_all(&state.db).await? {
        let today = crate::clock::local(&amap.time_zone, now).date();
        let templates: Vec<_> = repo::templates::list(&state.db, amap.id)
            .await?
            .into_iter()
            .filter(|t| t.state == stored::TemplateState::Active)
            .collect();
        // The AMAP's producers once, not one query per template.
        let producers: HashMap<i64, producer::Model> = repo::producers::list(&state.db, amap.id)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        for loaded in repo::templates::load_many(&state.db, templates).await? {
            let Some(producer) = producers.get(&loaded.template.producer_id) else {
                continue;
            };
            let lead = u64::try_from(producer.notice_days)
                .ok()
                .filter(|d| *d > 0)
                .unwrap_or(DEFAULT_LEAD_DAYS);
            // Due today or already (a server that was down on the day sends it late), but
            // never for a distribution that has passed.
            let due: Vec<NaiveDate> = loaded
                .dates
                .iter()
                .map(|d| d.date)
                .filter(|d| *d >= today && due_on(*d, lead).is_some_and(|on| on <= today))
                .collect();
            for date in due {
                // One template's failure does not hold up every other AMAP's sheets.
                match queue_one(state, &amap, &loaded, producer, date, now).await {
                    Ok(n) => queued += n,
                    Err(error) => tracing::error!(
                        %error,
                        template = loaded.template.id,
                        %date,
                        "delivery sheet not queued"
                    ),
                }
            }
        }
    }
    Ok(queued)
}

/// The sheet of one date to each of the producer's accounts and référents, once.
async fn queue_one(
    state: &AppState,
    amap: &crate::db::entities::amap::Model,
    loaded: &repo::templates::Loaded,
    producer: &crate::db::entities::producer::Model,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<u32> {
    let txn = repo::write_txn(&state.db).await?;
    let claimed = delivery_notice::Entity::insert(delivery_notice::ActiveModel {
        template_id: Set(loaded.template.id),
        delivery_date: Set(date),
        queued_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            delivery_notice::Column::TemplateId,
            delivery_notice::Column::DeliveryDate,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if claimed == 0 {
        return Ok(0);
    }
    let sheet = crate::services::templates::sheet_of(&txn, loaded, producer, date).await?;
    if sheet.rows.is_empty() {
        // Nothing to deliver (a cancelled date, nobody ordered): remembered, not mailed.
        txn.commit().await?;
        return Ok(0);
    }
    let recipients = recipients(&txn, amap.id, producer.id).await?;
    let table = crate::exports::sheet_table(&sheet);
    let file = crate::exports::xlsx(&table)?;
    let name = format!(
        "livraison-{}-{date}.xlsx",
        crate::exports::slugify(&loaded.template.name)
    );
    let link = state
        .mailer
        .link(&Amap::new(amap.slug.clone()).delivery_sheet(TemplateId(loaded.template.id), date));
    let people = repo::producers::users_by_id(&txn, recipients.into_iter().collect()).await?;
    let mut queued = 0;
    for person in people.values() {
        let content = compose::delivery_sheet(
            Locale::fr,
            &person.first_name,
            &amap.name,
            &sheet,
            link.clone(),
        );
        let mail = NewMail {
            attachment: Some((name.clone(), file.clone())),
            ..NewMail::new(
                Some(AmapId(amap.id)),
                MailKind::DeliverySheet,
                person.email.clone(),
                content,
            )
        };
        outbox::enqueue(&txn, &state.mailer, mail, now).await?;
        queued += 1;
    }
    txn.commit().await?;
    Ok(queued)
}

/// The producer's own accounts and its référents, each once, who have not turned the sheets
/// off.
async fn recipients(
    db: &impl ConnectionTrait,
    amap_id: i64,
    producer_id: i64,
) -> AppResult<BTreeSet<i64>> {
    let mut ids: BTreeSet<i64> = repo::producers::producer_user_links(db, amap_id)
        .await?
        .into_iter()
        .filter(|l| l.producer_id == producer_id)
        .map(|l| l.user_id)
        .collect();
    ids.extend(
        repo::producers::referent_links(db, amap_id)
            .await?
            .into_iter()
            .filter(|l| l.producer_id == producer_id)
            .map(|l| l.user_id),
    );
    Ok(repo::memberships::wanting(
        db,
        amap_id,
        ids.into_iter().collect(),
        MailKind::DeliverySheet,
    )
    .await?)
}
