//! The outbox worker: sends due mails one at a time, for as long as the server runs.
//!
//! A mail is claimed (`queued` → `sending`, a conditional update, so two servers on one
//! database never both take it) before it is handed to SMTP, and marked `sent` as soon as
//! the server accepts it. A claim is a lease: while `sending`, `next_attempt_at` is when it
//! lapses ([`LEASE`], far longer than an SMTP exchange may take). A process that dies between
//! claim and mark leaves the mail `sending`; once its lease has lapsed, any worker's pass
//! queues it again with the same `Message-ID` — the one window in which a mail can arrive
//! twice (SMTP has no way to ask whether a message was delivered). A mail another process is
//! still sending (a second server, the old one during an upgrade) is never taken from it.

use super::Sender;
use crate::db::entities::{outbox_mail, stored};
use crate::state::AppState;
use app::domain::mail::retry_delay;
use chrono::{DateTime, Duration, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{AsyncTransport, Message};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

/// How often the worker looks for due mails when nobody wakes it.
const POLL: std::time::Duration = std::time::Duration::from_secs(5);

/// How long a claim holds: lettre gives up on an SMTP server after a minute, so a mail still
/// `sending` after this was being sent by a process that died.
pub const LEASE: Duration = Duration::minutes(5);

/// Starts the worker (a no-op loop that only recovers crashed sends when mails are held).
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(error) = requeue_interrupted(&state.db, state.clock.now()).await {
                tracing::error!(%error, "outbox: could not requeue interrupted mails");
            }
            match send_due(&state).await {
                Ok(0) => {}
                // Sent some: look again at once (more may have become due meanwhile).
                Ok(_) => continue,
                Err(error) => tracing::error!(%error, "outbox: database error"),
            }
            tokio::select! {
                () = state.mailer.wake.notified() => {}
                () = tokio::time::sleep(POLL) => {}
            }
        }
    })
}

/// Mails whose sender died (`sending`, their lease lapsed) go back to the queue, due at once.
pub async fn requeue_interrupted(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let done = outbox_mail::Entity::update_many()
        .col_expr(
            outbox_mail::Column::State,
            Expr::value(stored::MailState::Queued),
        )
        .filter(outbox_mail::Column::State.eq(stored::MailState::Sending))
        .filter(outbox_mail::Column::NextAttemptAt.lte(now))
        .exec(db)
        .await?;
    if done.rows_affected > 0 {
        tracing::warn!(
            mails = done.rows_affected,
            "outbox: requeued mails interrupted by a stop"
        );
    }
    Ok(done.rows_affected)
}

/// Sends every mail due now; the number of attempts made.
pub async fn send_due(state: &AppState) -> Result<usize, DbErr> {
    let now = state.clock.now();
    let due = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::State.eq(stored::MailState::Queued))
        .filter(outbox_mail::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbox_mail::Column::Id)
        .limit(50)
        .all(&state.db)
        .await?;
    let mut attempted = 0;
    // Each AMAP's mails of the last 24 hours, counted once per batch and kept up to date as
    // this batch sends (not one count per mail).
    let mut sent_today: HashMap<i64, u64> = HashMap::new();
    for mail in due {
        if let Some(amap) = mail.amap_id {
            let sent = match sent_today.get(&amap) {
                Some(&sent) => sent,
                None => sent_since(&state.db, amap, now - Duration::hours(24)).await?,
            };
            sent_today.insert(amap, sent);
            if sent >= u64::from(state.mailer.daily_quota) {
                postpone(&state.db, mail.id, now + Duration::hours(1), None).await?;
                continue;
            }
        }
        let Some(sender) = state.mailer.sender(mail.amap_id) else {
            // Queued for an AMAP whose own server was removed since, with none for the
            // deployment: it waits for one (or for an admin's retry once there is one).
            postpone(&state.db, mail.id, now + Duration::hours(1), None).await?;
            continue;
        };
        if !claim(&state.db, mail.id, now + LEASE).await? {
            continue;
        }
        attempted += 1;
        let outcome = match message(&sender, &mail) {
            Ok(message) => sender
                .transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| {
                    let permanent = e.is_permanent();
                    (e.to_string(), permanent)
                }),
            Err(reason) => Err((reason, true)),
        };
        let now = state.clock.now();
        match outcome {
            Ok(()) => {
                mark_sent(&state.db, mail.id, now).await?;
                if let Some(sent) = mail.amap_id.and_then(|a| sent_today.get_mut(&a)) {
                    *sent += 1;
                }
            }
            Err((reason, permanent)) => {
                let attempts = mail.attempts + 1;
                match retry_delay(attempts).filter(|_| !permanent) {
                    Some(wait) => postpone(&state.db, mail.id, now + wait, Some(reason)).await?,
                    None => mark_failed(&state.db, mail.id, reason).await?,
                }
                tracing::warn!(
                    mail = mail.id,
                    attempts,
                    permanent,
                    "outbox: attempt failed"
                );
            }
        }
    }
    Ok(attempted)
}

/// The mail as lettre sends it: text and HTML alternatives, our `Message-ID`.
fn message(sender: &Sender, mail: &outbox_mail::Model) -> Result<Message, String> {
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|e| format!("recipient: {e}"))?;
    let mut builder = Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(mail.message_id.clone()));
    // The person who wrote the mail, else the deployment's reply-to.
    let written_by = mail
        .reply_to
        .as_deref()
        .and_then(|a| a.parse::<Mailbox>().ok());
    if let Some(reply_to) = written_by.or_else(|| sender.reply_to.clone()) {
        builder = builder.reply_to(reply_to);
    }
    let body = MultiPart::alternative_plain_html(mail.text_body.clone(), mail.html_body.clone());
    let body = match (&mail.attachment_name, &mail.attachment) {
        (Some(name), Some(bytes)) => {
            let kind = ContentType::parse(crate::exports::XLSX_TYPE)
                .map_err(|e| format!("attachment type: {e}"))?;
            MultiPart::mixed()
                .multipart(body)
                .singlepart(Attachment::new(name.clone()).body(bytes.clone(), kind))
        }
        _ => body,
    };
    builder.multipart(body).map_err(|e| format!("message: {e}"))
}

/// How many mails `amap` sent since `since`.
async fn sent_since(
    db: &impl ConnectionTrait,
    amap: i64,
    since: DateTime<Utc>,
) -> Result<u64, DbErr> {
    outbox_mail::Entity::find()
        .filter(outbox_mail::Column::AmapId.eq(amap))
        .filter(outbox_mail::Column::State.eq(stored::MailState::Sent))
        .filter(outbox_mail::Column::SentAt.gt(since))
        .count(db)
        .await
}

/// Takes a queued mail for sending until `lapses`; false when another worker took it first.
async fn claim(db: &impl ConnectionTrait, id: i64, lapses: DateTime<Utc>) -> Result<bool, DbErr> {
    let done = outbox_mail::Entity::update_many()
        .col_expr(
            outbox_mail::Column::State,
            Expr::value(stored::MailState::Sending),
        )
        .col_expr(outbox_mail::Column::NextAttemptAt, Expr::value(lapses))
        .col_expr(
            outbox_mail::Column::Attempts,
            Expr::col(outbox_mail::Column::Attempts).add(1),
        )
        .filter(outbox_mail::Column::Id.eq(id))
        .filter(outbox_mail::Column::State.eq(stored::MailState::Queued))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

async fn mark_sent(db: &impl ConnectionTrait, id: i64, now: DateTime<Utc>) -> Result<(), DbErr> {
    outbox_mail::Entity::update_many()
        .col_expr(
            outbox_mail::Column::State,
            Expr::value(stored::MailState::Sent),
        )
        .col_expr(outbox_mail::Column::SentAt, Expr::value(now))
        .col_expr(outbox_mail::Column::LastError, Expr::value(None::<String>))
        .filter(outbox_mail::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

async fn postpone(
    db: &impl ConnectionTrait,
    id: i64,
    at: DateTime<Utc>,
    reason: Option<String>,
) -> Result<(), DbErr> {
    let mut update = outbox_mail::Entity::update_many()
        .col_expr(
            outbox_mail::Column::State,
            Expr::value(stored::MailState::Queued),
        )
        .col_expr(outbox_mail::Column::NextAttemptAt, Expr::value(at));
    if let Some(reason) = reason {
        update = update.col_expr(outbox_mail::Column::LastError, Expr::value(reason));
    }
    update
        .filter(outbox_mail::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

async fn mark_failed(db: &impl ConnectionTrait, id: i64, reason: String) -> Result<(), DbErr> {
    outbox_mail::Entity::update_many()
        .col_expr(
            outbox_mail::Column::State,
            Expr::value(stored::MailState::Failed),
        )
        .col_expr(outbox_mail::Column::LastError, Expr::value(reason))
        .filter(outbox_mail::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
