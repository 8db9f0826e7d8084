//! The admins' view of the outbox.

use super::Caller;
use crate::db::entities::outbox_mail;
use crate::error::{AppError, AppResult};
use crate::mail::{Mailer, outbox};
use app::api::mails::{MailView, MailsPage};
use app::domain::AmapId;
use app::domain::mail::MailState;
use sea_orm::DatabaseConnection;

/// How many of the newest mails the page lists.
const PAGE: u64 = 200;

fn view(row: outbox_mail::Model, mailer: &Mailer) -> MailView {
    let state = MailState::from(row.state);
    MailView {
        id: row.id,
        kind: row.kind.into(),
        recipient: row.recipient,
        subject: row.subject,
        text: row.text_body,
        state,
        attempts: row.attempts,
        last_error: row.last_error,
        created_at: row.created_at,
        sent_at: row.sent_at,
        may_retry: state == MailState::Failed || (state == MailState::Held && mailer.sends()),
    }
}

pub async fn list(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
) -> AppResult<MailsPage> {
    let (rows, total) = outbox::page_of(db, AmapId(caller.amap.id), 0, PAGE).await?;
    Ok(MailsPage {
        mails: rows.into_iter().map(|r| view(r, mailer)).collect(),
        total,
        sends: mailer.sends(),
        time_zone: caller.amap.time_zone.clone(),
    })
}

pub async fn retry(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    mail: i64,
) -> AppResult<()> {
    outbox::find_in(db, AmapId(caller.amap.id), mail)
        .await?
        .ok_or(AppError::NotFound)?;
    if !outbox::retry(db, mailer, mail, caller.now).await? {
        return Err(AppError::Conflict("not a failed mail".into()));
    }
    mailer.wake();
    Ok(())
}
