//! A member's side: taking a free place, giving one's own back, the dates one cannot do,
//! *Mes permanences*.

use super::{Loaded, full_name, others_on_duty, period_of, refused, terms};
use crate::error::{AppError, AppResult};
use crate::repo;
use crate::services::Caller;
use app::api::rota::{AbsencesForm, MyDutiesView, MyDuty, MyRota, OpenOffer};
use app::domain::rota::{Accept, MoveKind, Request, swap_open};
use app::domain::{Action, DutyPeriodId, DutyPlaceId, DutyRoleId, Problem, ProblemCode, UserId};
use chrono::NaiveDate;
use sea_orm::DatabaseConnection;
use std::collections::{BTreeSet, HashMap};

/// What a taken or freed place was: its date and role.
pub struct Taken {
    pub day: NaiveDate,
    pub role: String,
}

/// Takes the place, or another free place of the same role on the same date when someone
/// took it a moment before: the member asked for "a place of this role that day". Refused
/// (409 on `place_id`) by the period's rules, and when no place of the role is left.
pub async fn take(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    period: DutyPeriodId,
    place: DutyPlaceId,
) -> AppResult<Taken> {
    caller.require(Action::TakeDuty)?;
    let me = UserId(caller.user_id());
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, period).await?;
    let terms = terms(&row);
    let wanted = repo::rota::place(&txn, row.id, place)
        .await?
        .ok_or(AppError::NotFound)?;
    let quota = repo::rota::lock_participant(&txn, row.id, me).await?;
    let loaded = Loaded::of(&txn, &[row.id]).await?;
    let date = loaded
        .dates
        .iter()
        .find(|d| d.id == wanted.date_id)
        .ok_or(AppError::NotFound)?
        .clone();
    let mut free: Vec<i64> = loaded
        .places
        .iter()
        .filter(|p| p.date_id == date.id && p.role_id == wanted.role_id && p.user_id.is_none())
        .map(|p| p.id)
        .collect();
    // The one asked for first, if still free.
    free.sort_by_key(|id| *id != wanted.id);
    let held = loaded.held(row.id, me.0);
    let role = DutyRoleId(wanted.role_id);
    terms
        .check_take(&Request {
            today: caller.local_now().date(),
            date: date.day,
            role,
            quota,
            held: &held,
            free: free.len(),
        })
        .map_err(|code| refused("place_id", code, quota))?;
    let role_name = role_name(&txn, caller, wanted.role_id).await?;
    for candidate in free {
        let key = terms.exclusive_key(role, DutyPlaceId(candidate));
        match repo::rota::take(&txn, candidate, me, &key, caller.now).await {
            Ok(true) => {
                repo::rota::record(
                    &txn,
                    repo::rota::Move {
                        amap_id: caller.amap.id,
                        period_id: row.id,
                        place_id: Some(candidate),
                        day: date.day,
                        role_name: &role_name,
                        kind: MoveKind::Take,
                        actor: Some(me.0),
                        from: None,
                        to: Some(me.0),
                        at: caller.now,
                    },
                )
                .await?;
                txn.commit().await?;
                return Ok(Taken {
                    day: date.day,
                    role: role_name,
                });
            }
            Ok(false) => continue,
            Err(error) if repo::is_unique_violation(&error) => {
                return Err(refused("place_id", ProblemCode::AlreadyOnDuty, None));
            }
            Err(error) => return Err(error.into()),
        }
    }
    Err(refused("place_id", ProblemCode::NoFreePlace, None))
}

pub(crate) async fn role_name(
    db: &impl sea_orm::ConnectionTrait,
    caller: &Caller<'_>,
    role: i64,
) -> AppResult<String> {
    Ok(repo::rota::roles(db, caller.amap.id)
        .await?
        .into_iter()
        .find(|r| r.id == role)
        .map(|r| r.name)
        .unwrap_or_default())
}

/// Gives my place back while the window is open; after it, only a coordinator moves it.
pub async fn leave(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    period: DutyPeriodId,
    place: DutyPlaceId,
) -> AppResult<Taken> {
    caller.require(Action::TakeDuty)?;
    let me = caller.user_id();
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, period).await?;
    let place = repo::rota::place(&txn, row.id, place)
        .await?
        .ok_or(AppError::NotFound)?;
    if place.user_id != Some(me) {
        return Err(AppError::ConflictOn(vec![Problem::new(
            "place_id",
            ProblemCode::UnknownValue,
        )]));
    }
    let date = repo::rota::date(&txn, row.id, app::domain::DutyDateId(place.date_id))
        .await?
        .ok_or(AppError::NotFound)?;
    terms(&row)
        .check_leave(caller.local_now().date(), date.day)
        .map_err(|code| refused("place_id", code, None))?;
    if !repo::rota::release(&txn, place.id, me).await? {
        return Err(AppError::ConflictOn(vec![Problem::new(
            "place_id",
            ProblemCode::UnknownValue,
        )]));
    }
    let role_name = role_name(&txn, caller, place.role_id).await?;
    repo::rota::record(
        &txn,
        repo::rota::Move {
            amap_id: caller.amap.id,
            period_id: row.id,
            place_id: Some(place.id),
            day: date.day,
            role_name: &role_name,
            kind: MoveKind::Leave,
            actor: Some(me),
            from: Some(me),
            to: None,
            at: caller.now,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Taken {
        day: date.day,
        role: role_name,
    })
}

/// Sets which of the period's dates I cannot do; returns how many. The automatic assignment
/// never puts me on them; they stay mine to change.
pub async fn set_absences(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    period: DutyPeriodId,
    form: &AbsencesForm,
) -> AppResult<u32> {
    caller.require(Action::TakeDuty)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, period).await?;
    let dates = repo::rota::dates(&txn, &[row.id]).await?;
    let by_id: HashMap<i64, NaiveDate> = dates.iter().map(|d| (d.id, d.day)).collect();
    let mut absent = BTreeSet::new();
    for id in form.dates() {
        match by_id.get(&id.0) {
            Some(day) => {
                absent.insert(*day);
            }
            None => {
                return Err(AppError::field(Problem::new(
                    "unavailable",
                    ProblemCode::UnknownValue,
                )));
            }
        }
    }
    let days: Vec<NaiveDate> = dates.iter().map(|d| d.day).collect();
    repo::rota::set_absences(
        &txn,
        caller.amap.id,
        UserId(caller.user_id()),
        &days,
        &absent,
        caller.now,
    )
    .await?;
    txn.commit().await?;
    Ok(absent.len() as u32)
}

/// *Mes permanences*: my coming duties with the others on duty, and per period I take part
/// in what I still owe and how many places I could take now.
pub async fn mine(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<MyDutiesView> {
    caller.require(Action::ViewOwnSpace)?;
    let me = caller.user_id();
    let today = caller.local_now().date();
    let close = super::swaps::close_days(caller);
    let periods = repo::rota::periods(db, caller.amap.id).await?;
    let held = repo::rota::held_by(db, caller.amap.id, UserId(me)).await?;
    let mut involved: BTreeSet<i64> = held.iter().map(|p| p.period_id).collect();
    let loaded_all = Loaded::of(db, &periods.iter().map(|p| p.id).collect::<Vec<_>>()).await?;
    involved.extend(
        loaded_all
            .participants
            .iter()
            .filter(|p| p.user_id == me)
            .map(|p| p.period_id),
    );
    let roles: HashMap<i64, String> = repo::rota::roles(db, caller.amap.id)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let people = super::cached_people(db, caller).await?;
    let users = super::by_id(&people);
    let days: HashMap<i64, NaiveDate> = loaded_all.dates.iter().map(|d| (d.id, d.day)).collect();
    let mut next = Vec::new();
    let mut rotas = Vec::new();
    let mut offers = Vec::new();
    for row in periods.iter().filter(|p| involved.contains(&p.id)) {
        let terms = terms(row);
        for place in loaded_all
            .places
            .iter()
            .filter(|p| p.period_id == row.id && p.user_id == Some(me))
        {
            let Some(&day) = days.get(&place.date_id) else {
                continue;
            };
            if day < today {
                continue;
            }
            let others = others_on_duty(&loaded_all.places, place, &users, &roles);
            next.push(MyDuty {
                period_id: DutyPeriodId(row.id),
                period_name: row.name.clone(),
                place_id: DutyPlaceId(place.id),
                day,
                role_name: roles.get(&place.role_id).cloned().unwrap_or_default(),
                others,
                may_leave: terms.check_leave(today, day).is_ok(),
                offered: place.offered_at.is_some(),
                may_offer: place.offered_at.is_none() && swap_open(today, day, close),
            });
        }
        if let Some(share) = loaded_all.share(row.id, me) {
            let held = loaded_all.held(row.id, me);
            // What others offer that I could take over.
            for place in loaded_all.places.iter().filter(|p| {
                p.period_id == row.id
                    && p.offered_at.is_some()
                    && p.user_id.is_some_and(|u| u != me)
            }) {
                let (Some(&day), Some(from)) = (
                    days.get(&place.date_id),
                    place.user_id.and_then(|u| users.get(&u).copied()),
                ) else {
                    continue;
                };
                let accept = Accept {
                    today,
                    date: day,
                    role: DutyRoleId(place.role_id),
                    close_days: close,
                    participant: true,
                    own: false,
                    held: &held,
                };
                if terms.check_accept(&accept).is_ok() {
                    offers.push(OpenOffer {
                        period_id: DutyPeriodId(row.id),
                        period_name: row.name.clone(),
                        place_id: DutyPlaceId(place.id),
                        day,
                        role_name: roles.get(&place.role_id).cloned().unwrap_or_default(),
                        from: full_name(from),
                    });
                }
            }
            let quota = Some(share.quota);
            let mut open = 0;
            for date in loaded_all.dates.iter().filter(|d| d.period_id == row.id) {
                let places: Vec<_> = loaded_all
                    .places
                    .iter()
                    .filter(|p| p.date_id == date.id && p.user_id.is_none())
                    .collect();
                let mut roles_seen = BTreeSet::new();
                for place in &places {
                    if !roles_seen.insert(place.role_id) {
                        continue;
                    }
                    let free = places.iter().filter(|p| p.role_id == place.role_id).count();
                    let request = Request {
                        today,
                        date: date.day,
                        role: DutyRoleId(place.role_id),
                        quota,
                        held: &held,
                        free,
                    };
                    if terms.check_take(&request).is_ok() {
                        open += free as u32;
                    }
                }
            }
            rotas.push(MyRota {
                period_id: DutyPeriodId(row.id),
                name: row.name.clone(),
                share,
                open_places: open,
            });
        }
    }
    next.sort_by_key(|d| d.day);
    offers.sort_by_key(|o| o.day);
    Ok(MyDutiesView {
        next,
        periods: rotas,
        offers,
    })
}
