//! The demo's office work: a membership period half paid (some members adhered online, some
//! of those cashed by the treasurer), and the admin's welcome message in the outbox — part of
//! it sent, the rest held as mails are without an SMTP server.

use crate::db::entities::{amap, outbox_mail, stored};
use crate::error::{AppError, AppResult};
use crate::mail::compose;
use crate::repo;
use app::api::adhesions::{AdhesionEntry, PeriodForm};
use app::domain::adhesion::{AdhesionState, PaymentKind};
use app::domain::mail::{MailKind, MailState};
use app::domain::{Money, PeriodId, UserId};
use app::i18n::Locale;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

/// The season's period (September to August), and every other member adhered: a third of
/// those paid by cheque, a third in cash, a third still to pay.
pub async fn seed_adhesions(
    db: &impl ConnectionTrait,
    amap: &amap::Model,
    members: &[UserId],
    today: NaiveDate,
) -> AppResult<()> {
    let year = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    let form = PeriodForm {
        name: format!("Adhésion {year}-{}", year + 1),
        starts_on: format!("{year}-09-01"),
        ends_on: format!("{}-08-31", year + 1),
        minimum: "10".into(),
        suggested: "20".into(),
        enrolment: "online".into(),
        payment_text: "Chèque à l'ordre de l'AMAP des Quatre Saisons, à remettre au trésorier \
                       à la prochaine distribution (ou en espèces)."
            .into(),
    };
    let input = form.parse().map_err(AppError::Validation)?;
    let period = repo::adhesions::insert_period(db, amap.id, &input, Utc::now()).await?;
    let start = NaiveDate::from_ymd_opt(year, 9, 1).unwrap_or(today);
    for (i, member) in members.iter().step_by(2).enumerate() {
        let (state, payment_kind) = match i % 3 {
            0 => (AdhesionState::Cashed, Some(PaymentKind::Cheque)),
            1 => (AdhesionState::Cashed, Some(PaymentKind::Cash)),
            _ => (AdhesionState::ToProvide, None),
        };
        let received_on = (state == AdhesionState::Cashed)
            .then(|| (start + Duration::days(7 * (i as i64 % 6))).min(today));
        let entry = AdhesionEntry {
            member: Some(*member),
            amount: Money::from_cents(if i % 4 == 0 { 3000 } else { 2000 }),
            state,
            payment_kind,
            received_on,
        };
        repo::adhesions::insert(
            db,
            amap.id,
            PeriodId(period.id),
            *member,
            &entry,
            Utc::now(),
        )
        .await?;
    }
    Ok(())
}

/// The admin's welcome message to the first members: the older ones sent, the last ones held.
pub async fn seed_mails(
    db: &impl ConnectionTrait,
    amap: &amap::Model,
    recipients: &[String],
) -> AppResult<()> {
    let now = Utc::now();
    for (i, recipient) in recipients.iter().enumerate() {
        let sent = i < 3;
        let created = now - Duration::days(2);
        let mail = compose::message(
            Locale::fr,
            &amap.name,
            "Claire Martin",
            "Bienvenue dans la nouvelle saison",
            "Bonjour,\n\nLes contrats de la saison sont ouverts : inscrivez-vous depuis « Mes \
             contrats », et pensez à l'adhésion annuelle.\n\nÀ jeudi !",
        );
        outbox_mail::Entity::insert(outbox_mail::ActiveModel {
            amap_id: Set(Some(amap.id)),
            kind: Set(MailKind::Bulk.into()),
            recipient: Set(recipient.clone()),
            subject: Set(mail.subject),
            text_body: Set(mail.text),
            html_body: Set(mail.html),
            state: Set(stored::MailState::from(if sent {
                MailState::Sent
            } else {
                MailState::Held
            })),
            attempts: Set(i32::from(sent)),
            next_attempt_at: Set(created),
            last_error: Set(None),
            message_id: Set(format!("<demo-{i}@example.org>")),
            created_at: Set(created),
            sent_at: Set(sent.then(|| created + Duration::minutes(1))),
            reply_to: Set(Some("admin@example.org".into())),
            attachment_name: Set(None),
            attachment: Set(None),
            ..Default::default()
        })
        .exec(db)
        .await?;
    }
    Ok(())
}
