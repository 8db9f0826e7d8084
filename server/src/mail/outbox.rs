//! Writing mails into the outbox, and reading it back for the admins' mail page.

use super::Mailer;
use super::compose::Composed;
use crate::db::entities::{outbox_mail, stored};
use app::domain::AmapId;
use app::domain::mail::{MailKind, MailState};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

/// A mail to queue: to one person, already worded in their language.
pub struct NewMail {
    pub amap: Option<AmapId>,
    pub kind: MailKind,
    pub recipient: String,
    pub content: Composed,
    /// A person's address, when a person wrote it (replies go to them).
    pub reply_to: Option<String>,
    /// A file sent with the mail: its name and bytes.
    pub attachment: Option<(String, Vec<u8>)>,
}

impl NewMail {
    /// A mail from the deployment, without attachment (the common case).
    pub fn new(
        amap: Option<AmapId>,
        kind: MailKind,
        recipient: impl Into<String>,
        content: Composed,
    ) -> Self {
        Self {
            amap,
            kind,
            recipient: recipient.into(),
            content,
            reply_to: None,
            attachment: None,
        }
    }
}

/// The column keeps 250 characters; a longer subject (long AMAP and contract names) is cut
/// there rather than refused.
fn fit_subject(subject: String) -> String {
    match subject.char_indices().nth(SUBJECT_CHARS) {
        Some((at, _)) => subject[..at].to_owned(),
        None => subject,
    }
}

const SUBJECT_CHARS: usize = 250;

/// Queues `mail` on `db` — the caller's transaction, so the mail exists if and only if the
/// event that causes it does. Call [`Mailer::wake`] once that transaction has committed.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    mailer: &Mailer,
    mail: NewMail,
    now: DateTime<Utc>,
) -> Result<outbox_mail::Model, DbErr> {
    let state = if mailer.sends(mail.amap) {
        MailState::Queued
    } else {
        MailState::Held
    };
    let domain = mailer.from.email.domain().to_owned();
    let message_id = format!("<{}@{domain}>", uuid::Uuid::new_v4().simple());
    outbox_mail::Entity::insert(outbox_mail::ActiveModel {
        amap_id: Set(mail.amap.map(|a| a.0)),
        kind: Set(mail.kind.into()),
        recipient: Set(mail.recipient),
        subject: Set(fit_subject(mail.content.subject)),
        text_body: Set(mail.content.text),
        html_body: Set(mail.content.html),
        state: Set(state.into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error: Set(None),
        message_id: Set(message_id),
        created_at: Set(now),
        sent_at: Set(None),
        reply_to: Set(mail.reply_to),
        attachment_name: Set(mail.attachment.as_ref().map(|(name, _)| name.clone())),
        attachment: Set(mail.attachment.map(|(_, bytes)| bytes)),
        ..Default::default()
    })
    .exec_with_returning(db)
    .await
}

/// One page of an AMAP's mails, newest first, and how many there are in all.
pub async fn page_of(
    db: &impl ConnectionTrait,
    amap: AmapId,
    offset: u64,
    limit: u64,
) -> Result<(Vec<outbox_mail::Model>, u64), DbErr> {
    let query = outbox_mail::Entity::find().filter(outbox_mail::Column::AmapId.eq(amap.0));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(outbox_mail::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// One of an AMAP's mails.
pub async fn find_in(
    db: &impl ConnectionTrait,
    amap: AmapId,
    id: i64,
) -> Result<Option<outbox_mail::Model>, DbErr> {
    outbox_mail::Entity::find_by_id(id)
        .filter(outbox_mail::Column::AmapId.eq(amap.0))
        .one(db)
        .await
}

/// Queues a failed (or held) mail again, now and with a fresh count of attempts. `false`
/// when it is in no state to be retried (already queued, being sent, or sent).
pub async fn retry(
    db: &impl ConnectionTrait,
    mailer: &Mailer,
    amap: AmapId,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let sends = mailer.sends(Some(amap));
    let retriable = if sends {
        vec![stored::MailState::Failed, stored::MailState::Held]
    } else {
        vec![stored::MailState::Failed]
    };
    let to = if sends {
        stored::MailState::Queued
    } else {
        stored::MailState::Held
    };
    let done = outbox_mail::Entity::update_many()
        .col_expr(outbox_mail::Column::State, Expr::value(to))
        .col_expr(outbox_mail::Column::Attempts, Expr::value(0))
        .col_expr(outbox_mail::Column::NextAttemptAt, Expr::value(now))
        .filter(outbox_mail::Column::Id.eq(id))
        .filter(outbox_mail::Column::AmapId.eq(amap.0))
        .filter(outbox_mail::Column::State.is_in(retriable))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}
