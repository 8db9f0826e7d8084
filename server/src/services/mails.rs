//! The admins' view of the outbox, and the messages admins and référents write to members.

use super::Caller;
use crate::db::entities::outbox_mail;
use crate::error::{AppError, AppResult};
use crate::mail::{Mailer, compose, outbox};
use app::api::mails::{Audience, BulkMail, MailServerForm, MailServerView, MailView, MailsPage};
use app::domain::mail::{MailKind, MailState};
use app::domain::{Action, AmapId, Problem, ProblemCode, ProducerId};
use app::i18n::Locale;
use sea_orm::DatabaseConnection;
use std::collections::HashSet;

/// How many of the newest mails the page lists.
const PAGE: u64 = 200;

fn view(row: outbox_mail::Model, sends: bool) -> MailView {
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
        may_retry: state == MailState::Failed || (state == MailState::Held && sends),
    }
}

pub async fn list(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
) -> AppResult<MailsPage> {
    let (rows, total) = outbox::page_of(db, AmapId(caller.amap.id), 0, PAGE).await?;
    let sends = mailer.sends(Some(AmapId(caller.amap.id)));
    Ok(MailsPage {
        mails: rows.into_iter().map(|r| view(r, sends)).collect(),
        total,
        sends,
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
    if !outbox::retry(db, mailer, AmapId(caller.amap.id), mail, caller.now).await? {
        return Err(AppError::Conflict("not a failed mail".into()));
    }
    mailer.wake();
    Ok(())
}

/// "Écrire aux adhérents": one mail per recipient (nobody sees the others' addresses),
/// answered to its author, all queued in one transaction. Every active member (admins), the
/// active members with a contract on a template (its référents and up), or the active
/// members on duty one day (coordinators and admins).
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
        Audience::OnDuty(day) => {
            caller.require(Action::ManageRota)?;
            let on_duty: HashSet<i64> = crate::repo::rota::holders_on(&txn, amap, day)
                .await?
                .into_iter()
                .collect();
            if on_duty.is_empty() {
                return Err(AppError::field(Problem::new(
                    "audience",
                    ProblemCode::UnknownValue,
                )));
            }
            active.filter(|u| on_duty.contains(&u.id)).collect()
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

/// The AMAP's own SMTP server (admins), the password masked.
pub async fn mail_server(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
) -> AppResult<MailServerView> {
    use crate::db::entities::amap_mail_server;
    use sea_orm::EntityTrait;
    caller.require(Action::ManageAmap)?;
    let row = amap_mail_server::Entity::find_by_id(caller.amap.id)
        .one(db)
        .await?;
    Ok(MailServerView {
        own_server: row.is_some(),
        smtp_url: row
            .as_ref()
            .map(|r| crate::mail::masked(&r.smtp_url))
            .unwrap_or_default(),
        mail_from: row
            .as_ref()
            .and_then(|r| r.mail_from.clone())
            .unwrap_or_default(),
        mail_reply_to: row
            .as_ref()
            .and_then(|r| r.mail_reply_to.clone())
            .unwrap_or_default(),
        deployment_sends: mailer.sends(None),
    })
}

/// Sets (or, with an empty URL, removes) the AMAP's own SMTP server. The masked URL sent back
/// unchanged keeps the stored one, so the sender can change without retyping the password.
/// Used by the worker from the next mail on; held mails can then be sent again from *Mails*.
pub async fn set_mail_server(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    form: &MailServerForm,
) -> AppResult<MailServerView> {
    use crate::db::entities::amap_mail_server;
    use sea_orm::ActiveValue::Set;
    use sea_orm::EntityTrait;
    use sea_orm::sea_query::OnConflict;
    caller.require(Action::ManageAmap)?;
    let amap = caller.amap.id;
    let txn = crate::repo::write_txn(db).await?;
    let stored = amap_mail_server::Entity::find_by_id(amap).one(&txn).await?;
    let typed = form.smtp_url.trim();
    if typed.is_empty() {
        amap_mail_server::Entity::delete_by_id(amap)
            .exec(&txn)
            .await?;
        txn.commit().await?;
        mailer.set_own_server(amap, None);
        return mail_server(db, mailer, caller).await;
    }
    let url = match &stored {
        Some(row) if crate::mail::masked(&row.smtp_url) == typed => row.smtp_url.clone(),
        _ => typed.to_owned(),
    };
    let optional = |raw: &str| Some(raw.trim().to_owned()).filter(|v| !v.is_empty());
    let (from, reply_to) = (optional(&form.mail_from), optional(&form.mail_reply_to));
    let server = crate::mail::OwnServer::parse(&url, from.as_deref(), reply_to.as_deref())
        .map_err(|problems| {
            AppError::Validation(
                problems
                    .into_iter()
                    .map(|(field, _)| {
                        let code = if field == "smtp_url" {
                            ProblemCode::Malformed
                        } else {
                            ProblemCode::InvalidEmail
                        };
                        Problem::new(field, code)
                    })
                    .collect(),
            )
        })?;
    amap_mail_server::Entity::insert(amap_mail_server::ActiveModel {
        amap_id: Set(amap),
        smtp_url: Set(url),
        mail_from: Set(from),
        mail_reply_to: Set(reply_to),
        updated_at: Set(caller.now),
    })
    .on_conflict(
        OnConflict::column(amap_mail_server::Column::AmapId)
            .update_columns([
                amap_mail_server::Column::SmtpUrl,
                amap_mail_server::Column::MailFrom,
                amap_mail_server::Column::MailReplyTo,
                amap_mail_server::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(&txn)
    .await?;
    txn.commit().await?;
    mailer.set_own_server(amap, Some(server));
    mail_server(db, mailer, caller).await
}
