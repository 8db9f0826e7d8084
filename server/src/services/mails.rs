//! The admins' view of the outbox, and the messages admins and référents write to members.

use super::Caller;
use crate::db::entities::outbox_mail;
use crate::error::{AppError, AppResult};
use crate::mail::{Mailer, compose, outbox};
use app::api::mails::{Audience, BulkMail, MailView, MailsPage};
use app::domain::mail::{MailKind, MailState};
use app::domain::{Action, AmapId, Problem, ProblemCode, ProducerId};
use app::i18n::Locale;
use sea_orm::DatabaseConnection;
use std::collections::HashSet;

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

/// "Écrire aux adhérents": one mail per recipient (nobody sees the others' addresses),
/// answered to its author, all queued in one transaction. Every active member (admins), or
/// the active members with a contract on a template (its référents and up).
pub async fn send_bulk(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    message: &BulkMail,
) -> AppResult<u32> {
    let amap = caller.amap.id;
    let txn = crate::repo::write_txn(db).await?;
    let members = crate::repo::memberships::list_with_users(&txn, amap).await?;
    let active = members.iter().filter(|(m, _)| m.active).map(|(_, u)| u);
    let recipients: Vec<&crate::db::entities::app_user::Model> = match message.audience {
        Audience::Everyone => {
            caller.require(Action::ManageAmap)?;
            active.collect()
        }
        Audience::Template(template) => {
            let row = crate::repo::templates::find(&txn, amap, template)
                .await?
                .ok_or_else(|| {
                    AppError::field(Problem::new("audience", ProblemCode::UnknownValue))
                })?;
            caller.require(Action::ManageProducer(ProducerId(row.producer_id)))?;
            let subscribed: HashSet<i64> = crate::repo::subscriptions::of_template(&txn, template)
                .await?
                .into_iter()
                .map(|s| s.user_id)
                .collect();
            active.filter(|u| subscribed.contains(&u.id)).collect()
        }
    };
    let author = format!("{} {}", caller.user.first_name, caller.user.last_name);
    for recipient in &recipients {
        let content = compose::message(
            Locale::fr,
            &caller.amap.name,
            &author,
            &message.subject,
            &message.body,
        );
        let mail = outbox::NewMail {
            reply_to: Some(caller.user.email.clone()),
            ..outbox::NewMail::new(
                Some(AmapId(amap)),
                MailKind::Bulk,
                recipient.email.clone(),
                content,
            )
        };
        outbox::enqueue(&txn, mailer, mail, caller.now).await?;
    }
    txn.commit().await?;
    mailer.wake();
    Ok(recipients.len() as u32)
}
