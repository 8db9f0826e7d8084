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

/// The season's rota: a weekly period of sixteen distributions from the coming one, three
/// places each (accueil, two at distribution), every active member asked for one duty; the
/// first half of the dates filled (Marie Dubois among them), a few members unable to do the
/// first weeks, the second half open to sign up until its last date.
pub async fn seed_rota(
    db: &impl ConnectionTrait,
    amap: &amap::Model,
    members: &[UserId],
    today: NaiveDate,
) -> AppResult<()> {
    use app::api::rota::RotaRules;
    use app::domain::rota::{MoveKind, SignUpRule, Terms, Window};
    let now = Utc::now();
    let welcome = repo::rota::insert_role(db, amap.id, "Accueil", now).await?;
    let hand_out = repo::rota::insert_role(db, amap.id, "Distribution", now).await?;
    repo::rota::insert_role(db, amap.id, "Caisse", now).await?;
    // On the distribution days of the demo's contracts.
    let first = crate::demo_season::first_thursday(today);
    let days: Vec<NaiveDate> = (0..16).map(|w| first + Duration::weeks(w)).collect();
    let last = *days.last().unwrap_or(&first);
    let rules = RotaRules {
        name: "Permanences de la saison".into(),
        description: "Deux personnes à la distribution, une à l'accueil (émargement, \
                      nouvelles têtes). Arrivez un quart d'heure avant l'ouverture."
            .into(),
        terms: Terms {
            rule: SignUpRule::OnePerDate,
            window: Window::Until(last),
            over_quota: false,
        },
    };
    let period = repo::rota::insert_period(db, amap.id, &rules, now).await?;
    let mut places = Vec::new();
    for day in &days {
        let date = repo::rota::insert_date(db, amap.id, period.id, *day, 3, hand_out.id).await?;
        let on_date = repo::rota::places_of_date(db, date.id).await?;
        repo::rota::set_role(db, on_date[0].id, welcome.id).await?;
        places.extend(on_date.into_iter().map(|p| (p.id, *day, p.position == 0)));
    }
    let active: Vec<i64> = repo::memberships::list_with_users(db, amap.id)
        .await?
        .into_iter()
        .filter(|(m, _)| m.active)
        .map(|(_, u)| u.id)
        .collect();
    repo::rota::upsert_participants(db, amap.id, period.id, &active, 1, now).await?;
    // Half the dates filled, Marie Dubois (the first member) welcoming at the first one.
    let mut holders = vec![members[0]];
    holders.extend(members.iter().skip(20).copied());
    let holders_taken: Vec<UserId> = holders.iter().take(24).copied().collect();
    for ((place, day, welcoming), member) in places.iter().take(24).zip(holders) {
        let key = Terms {
            rule: SignUpRule::OnePerDate,
            window: Window::Imposed,
            over_quota: false,
        }
        .exclusive_key(app::domain::DutyRoleId(0), app::domain::DutyPlaceId(*place));
        repo::rota::take(db, *place, member, &key, now).await?;
        repo::rota::record(
            db,
            repo::rota::Move {
                amap_id: amap.id,
                period_id: period.id,
                place_id: Some(*place),
                day: *day,
                role_name: if *welcoming {
                    "Accueil"
                } else {
                    "Distribution"
                },
                kind: MoveKind::Take,
                actor: Some(member.0),
                from: None,
                to: Some(member.0),
                at: now,
            },
        )
        .await?;
    }
    // One open offer: the holder of the third date's welcome cannot come and looks for a
    // stand-in (the demo's "je ne peux pas").
    if let Some((place, day, _)) = places.get(6) {
        let holder = holders_taken.get(6).copied();
        if let Some(holder) = holder {
            repo::rota::set_offer(db, *place, holder.0, Some(now)).await?;
            repo::rota::record(
                db,
                repo::rota::Move {
                    amap_id: amap.id,
                    period_id: period.id,
                    place_id: Some(*place),
                    day: *day,
                    role_name: "Accueil",
                    kind: MoveKind::Offer,
                    actor: Some(holder.0),
                    from: Some(holder.0),
                    to: None,
                    at: now,
                },
            )
            .await?;
        }
    }
    // Holidays: a few members cannot do the first weeks.
    for member in members.iter().skip(60).take(4) {
        let absent = days.iter().take(3).copied().collect();
        repo::rota::set_absences(db, amap.id, *member, &days, &absent, now).await?;
    }
    Ok(())
}
