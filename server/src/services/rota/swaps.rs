//! Stand-ins: a member who cannot do a duty offers it ("je ne peux pas"); it stays theirs
//! while nobody takes it over. The participants who could take it over are told by mail; the
//! first to accept takes it, by a statement conditional on the offer still standing, so two
//! members accepting at once never both get it. The one who offered and the coordinators are
//! told. Offers close `amap.swap_close_days` before the duty; then only a coordinator moves
//! it. Every step is in the period's history.

use super::duties::{Taken, role_name};
use super::{Loaded, full_name, people, period_of, refused, terms};
use crate::db::entities::{duty_date, duty_period, duty_place};
use crate::error::{AppError, AppResult};
use crate::mail::Mailer;
use crate::mail::compose;
use crate::mail::outbox::{self, NewMail};
use crate::repo;
use crate::services::Caller;
use app::domain::mail::MailKind;
use app::domain::rota::{Accept, MoveKind, swap_open};
use app::domain::{
    Action, AmapId, DutyDateId, DutyPeriodId, DutyPlaceId, DutyRoleId, Problem, ProblemCode, UserId,
};
use app::i18n::Locale;
use app::ui::paths::Amap;
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// The AMAP's setting: offers close this many days before the duty.
pub(crate) fn close_days(caller: &Caller<'_>) -> u32 {
    u32::try_from(caller.amap.swap_close_days).unwrap_or(0)
}

fn not_yours() -> AppError {
    AppError::ConflictOn(vec![Problem::new("place_id", ProblemCode::UnknownValue)])
}

/// The place, its date and period, inside the write's transaction.
async fn load(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    period: DutyPeriodId,
    place: DutyPlaceId,
) -> AppResult<(duty_period::Model, duty_place::Model, duty_date::Model)> {
    let row = period_of(db, caller, period).await?;
    let place = repo::rota::place(db, row.id, place)
        .await?
        .ok_or(AppError::NotFound)?;
    let date = repo::rota::date(db, row.id, DutyDateId(place.date_id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((row, place, date))
}

/// Offers my duty to a stand-in (again: nothing changes) and tells who could take it over.
pub async fn offer(
    db: &DatabaseConnection,
    outbox: &Mailer,
    caller: &Caller<'_>,
    period: DutyPeriodId,
    place: DutyPlaceId,
) -> AppResult<Taken> {
    caller.require(Action::TakeDuty)?;
    let me = caller.user_id();
    let txn = repo::write_txn(db).await?;
    let (row, place, date) = load(&txn, caller, period, place).await?;
    if place.user_id != Some(me) {
        return Err(not_yours());
    }
    let role = role_name(&txn, caller, place.role_id).await?;
    let taken = Taken {
        day: date.day,
        role: role.clone(),
    };
    if place.offered_at.is_some() {
        return Ok(taken);
    }
    if !swap_open(caller.local_now().date(), date.day, close_days(caller)) {
        return Err(refused("place_id", ProblemCode::SwapClosed, None));
    }
    repo::rota::set_offer(&txn, place.id, me, Some(caller.now)).await?;
    record(
        &txn,
        caller,
        &place,
        date.day,
        &role,
        MoveKind::Offer,
        Some(me),
        None,
    )
    .await?;
    // Told: every participant who could take it over now.
    let loaded = Loaded::of(&txn, &[row.id]).await?;
    let terms = terms(&row);
    let (accounts, _) = people(&txn, caller.amap.id).await?;
    let from = accounts.get(&me).map(full_name).unwrap_or_default();
    let link = outbox.link(&Amap::new(caller.amap.slug.clone()).rota(DutyPeriodId(row.id)));
    let mut told = 0;
    for participant in loaded.participants.iter().filter(|p| p.user_id != me) {
        let held = loaded.held(row.id, participant.user_id);
        let eligible = terms
            .check_accept(&Accept {
                today: caller.local_now().date(),
                date: date.day,
                role: DutyRoleId(place.role_id),
                close_days: close_days(caller),
                participant: true,
                own: false,
                held: &held,
            })
            .is_ok();
        let Some(account) = accounts.get(&participant.user_id).filter(|_| eligible) else {
            continue;
        };
        let mail = NewMail::new(
            Some(AmapId(caller.amap.id)),
            MailKind::DutyOffered,
            account.email.clone(),
            compose::duty_offered(
                Locale::fr,
                &account.first_name,
                &compose::Offer {
                    amap: &caller.amap.name,
                    period: &row.name,
                    day: date.day,
                    role: &role,
                    from: &from,
                    link: link.clone(),
                },
            ),
        );
        outbox::enqueue(&txn, outbox, mail, caller.now).await?;
        told += 1;
    }
    txn.commit().await?;
    if told > 0 {
        outbox.wake();
    }
    Ok(taken)
}

/// Keeps my duty after all (nothing changes if it was not offered).
pub async fn withdraw(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    period: DutyPeriodId,
    place: DutyPlaceId,
) -> AppResult<Taken> {
    caller.require(Action::TakeDuty)?;
    let me = caller.user_id();
    let txn = repo::write_txn(db).await?;
    let (_, place, date) = load(&txn, caller, period, place).await?;
    if place.user_id != Some(me) {
        return Err(not_yours());
    }
    let role = role_name(&txn, caller, place.role_id).await?;
    if place.offered_at.is_some() {
        repo::rota::set_offer(&txn, place.id, me, None).await?;
        record(
            &txn,
            caller,
            &place,
            date.day,
            &role,
            MoveKind::Withdraw,
            Some(me),
            None,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Taken {
        day: date.day,
        role,
    })
}

/// Takes over a duty someone offers: exactly one of several members accepting at once gets
/// it; the others are told someone was quicker (`offer_taken`).
pub async fn accept(
    db: &DatabaseConnection,
    outbox: &Mailer,
    caller: &Caller<'_>,
    period: DutyPeriodId,
    place: DutyPlaceId,
) -> AppResult<Taken> {
    caller.require(Action::TakeDuty)?;
    let me = UserId(caller.user_id());
    let txn = repo::write_txn(db).await?;
    let (row, place, date) = load(&txn, caller, period, place).await?;
    let (Some(from), Some(_)) = (place.user_id, place.offered_at) else {
        return Err(refused("place_id", ProblemCode::OfferTaken, None));
    };
    let terms = terms(&row);
    let participant = repo::rota::lock_participant(&txn, row.id, me)
        .await?
        .is_some();
    let loaded = Loaded::of(&txn, &[row.id]).await?;
    let held = loaded.held(row.id, me.0);
    let role = DutyRoleId(place.role_id);
    terms
        .check_accept(&Accept {
            today: caller.local_now().date(),
            date: date.day,
            role,
            close_days: close_days(caller),
            participant,
            own: from == me.0,
            held: &held,
        })
        .map_err(|code| refused("place_id", code, None))?;
    let key = terms.exclusive_key(role, DutyPlaceId(place.id));
    match repo::rota::accept_offer(&txn, place.id, from, me, &key, caller.now).await {
        Ok(true) => {}
        Ok(false) => return Err(refused("place_id", ProblemCode::OfferTaken, None)),
        Err(error) if repo::is_unique_violation(&error) => {
            return Err(refused("place_id", ProblemCode::AlreadyOnDuty, None));
        }
        Err(error) => return Err(error.into()),
    }
    let role_name = role_name(&txn, caller, place.role_id).await?;
    record(
        &txn,
        caller,
        &place,
        date.day,
        &role_name,
        MoveKind::Accept,
        Some(from),
        Some(me.0),
    )
    .await?;
    // Told: the one who offered it, and the coordinators.
    let (accounts, _) = people(&txn, caller.amap.id).await?;
    let mut recipients = vec![from];
    recipients.extend(repo::memberships::coordinators(&txn, caller.amap.id).await?);
    recipients.sort_unstable();
    recipients.dedup();
    recipients.retain(|id| *id != me.0);
    let names = (
        accounts.get(&from).map(full_name).unwrap_or_default(),
        accounts.get(&me.0).map(full_name).unwrap_or_default(),
    );
    let link = outbox.link(&Amap::new(caller.amap.slug.clone()).rota(DutyPeriodId(row.id)));
    for account in recipients.iter().filter_map(|id| accounts.get(id)) {
        let mail = NewMail::new(
            Some(AmapId(caller.amap.id)),
            MailKind::DutySwapped,
            account.email.clone(),
            compose::duty_swapped(
                Locale::fr,
                &account.first_name,
                &compose::Swap {
                    amap: &caller.amap.name,
                    period: &row.name,
                    day: date.day,
                    role: &role_name,
                    from: &names.0,
                    to: &names.1,
                    link: link.clone(),
                },
            ),
        );
        outbox::enqueue(&txn, outbox, mail, caller.now).await?;
    }
    txn.commit().await?;
    outbox.wake();
    Ok(Taken {
        day: date.day,
        role: role_name,
    })
}

#[allow(clippy::too_many_arguments)]
async fn record(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    place: &duty_place::Model,
    day: chrono::NaiveDate,
    role: &str,
    kind: MoveKind,
    from: Option<i64>,
    to: Option<i64>,
) -> AppResult<()> {
    repo::rota::record(
        db,
        repo::rota::Move {
            amap_id: caller.amap.id,
            period_id: place.period_id,
            place_id: Some(place.id),
            day,
            role_name: role,
            kind,
            actor: Some(caller.user_id()),
            from,
            to,
            at: caller.now,
        },
    )
    .await?;
    Ok(())
}
