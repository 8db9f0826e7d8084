//! The coordinator's side: roles, periods, their dates and places, participants.

use super::duties::role_name;
use super::{Loaded, period_of, refused, role_views, show, terms};
use crate::error::{AppError, AppResult};
use crate::repo;
use crate::services::Caller;
use app::api::rota::{DatesFrom, NewRota, Participants, RoleView, RotaRules, RotaView};
use app::domain::rota::{self as rules, MoveKind, calendar};
use app::domain::{
    Action, DutyDateId, DutyPeriodId, DutyPlaceId, DutyRoleId, Problem, ProblemCode, UserId,
};
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// The name the first role gets when an AMAP creates its first period without a list.
const FIRST_ROLE: &str = "Permanence";

pub async fn roles(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<Vec<RoleView>> {
    caller.require(Action::ManageRota)?;
    let roles = repo::rota::roles(db, caller.amap.id).await?;
    let places = repo::rota::places_per_role(db, caller.amap.id).await?;
    Ok(role_views(&roles, &places))
}

/// A new role at the end of the list; a name the AMAP already has is refused on `name`.
pub async fn create_role(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    name: &str,
) -> AppResult<RoleView> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = repo::rota::insert_role(&txn, caller.amap.id, name, caller.now)
        .await
        .map_err(AppError::taken_on("name"))?;
    let first = repo::rota::roles(&txn, caller.amap.id)
        .await?
        .first()
        .map(|r| r.id);
    txn.commit().await?;
    Ok(RoleView {
        id: DutyRoleId(row.id),
        name: row.name,
        default: first == Some(row.id),
        places: 0,
    })
}

/// Deletes a role no place has (409 `has_duties` with the count otherwise).
pub async fn delete_role(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyRoleId,
) -> AppResult<()> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let places = repo::rota::places_per_role(&txn, caller.amap.id)
        .await?
        .get(&id.0)
        .copied()
        .unwrap_or(0);
    if places > 0 {
        return Err(AppError::ConflictOn(vec![Problem::with_limit(
            "role",
            ProblemCode::HasDuties,
            places,
        )]));
    }
    if !repo::rota::delete_role(&txn, caller.amap.id, id).await? {
        return Err(AppError::NotFound);
    }
    txn.commit().await?;
    Ok(())
}

/// The AMAP's first role, created when it has none yet.
pub(super) async fn default_role(db: &impl ConnectionTrait, caller: &Caller<'_>) -> AppResult<i64> {
    match repo::rota::roles(db, caller.amap.id).await?.first() {
        Some(role) => Ok(role.id),
        None => Ok(
            repo::rota::insert_role(db, caller.amap.id, FIRST_ROLE, caller.now)
                .await?
                .id,
        ),
    }
}

/// A new period: its dates from the frequency or some templates' deliveries, `places` places
/// per date in the first role, its participants with the quota asked (by default the
/// higher suggestion, places ÷ participants rounded up).
pub async fn create(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    input: &NewRota,
) -> AppResult<RotaView> {
    caller.require(Action::ManageRota)?;
    let amap = caller.amap.id;
    let txn = repo::write_txn(db).await?;
    let days = match &input.dates_from {
        DatesFrom::Frequency(frequency) => {
            calendar::dates(input.first, input.last, *frequency).map_err(AppError::field)?
        }
        DatesFrom::Templates(templates) => {
            let mut days = std::collections::BTreeSet::new();
            for template in templates {
                repo::templates::find(&txn, amap, *template)
                    .await?
                    .ok_or_else(|| {
                        AppError::field(Problem::new("template_ids", ProblemCode::UnknownValue))
                    })?;
                days.extend(
                    repo::rota::delivery_days(&txn, template.0, input.first, input.last).await?,
                );
            }
            days.into_iter().collect()
        }
    };
    if days.is_empty() {
        return Err(AppError::field(Problem::new(
            "last_date",
            ProblemCode::Required,
        )));
    }
    if days.len() > calendar::DATES_MAX {
        return Err(AppError::field(Problem::with_limit(
            "last_date",
            ProblemCode::AtMost,
            calendar::DATES_MAX as u32,
        )));
    }
    let users: Vec<i64> = match input.participants {
        Participants::Active => repo::memberships::list_with_users(&txn, amap)
            .await?
            .into_iter()
            .filter(|(m, _)| m.active)
            .map(|(_, u)| u.id)
            .collect(),
        Participants::Adhesion(period) => {
            repo::adhesions::period(&txn, amap, period)
                .await?
                .ok_or_else(|| {
                    AppError::field(Problem::new(
                        "adhesion_period_id",
                        ProblemCode::UnknownValue,
                    ))
                })?;
            repo::adhesions::of_amap(&txn, amap, Some(period))
                .await?
                .into_iter()
                .map(|a| a.user_id)
                .collect()
        }
        Participants::Picked => Vec::new(),
    };
    let row = repo::rota::insert_period(&txn, amap, &input.rules, caller.now)
        .await
        .map_err(AppError::taken_on("name"))?;
    let role = default_role(&txn, caller).await?;
    for day in &days {
        repo::rota::insert_date(&txn, amap, row.id, *day, input.places, role).await?;
    }
    let suggestion = rules::suggest_quota(days.len() as u32 * input.places, users.len() as u32);
    let quota = input
        .quota
        .unwrap_or(suggestion.high.unwrap_or(suggestion.low));
    repo::rota::upsert_participants(&txn, amap, row.id, &users, quota, caller.now).await?;
    txn.commit().await?;
    show(db, caller, DutyPeriodId(row.id)).await
}

/// Rewrites a period's name, description and rules; the duties already taken stay.
pub async fn update(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    input: &RotaRules,
) -> AppResult<RotaView> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let updated = repo::rota::update_period(&txn, caller.amap.id, id, input, caller.now)
        .await
        .map_err(AppError::taken_on("name"))?;
    if !updated {
        return Err(AppError::NotFound);
    }
    txn.commit().await?;
    show(db, caller, id).await
}

/// Deletes a period nobody is signed up in (409 `has_duties` with the count otherwise:
/// erase the sign-ups first, so that deleting never silently drops someone's duty).
pub async fn delete(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
) -> AppResult<()> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let loaded = Loaded::of(&txn, &[row.id]).await?;
    let held = loaded.places.iter().filter(|p| p.user_id.is_some()).count() as u32;
    if held > 0 {
        return Err(AppError::ConflictOn(vec![Problem::with_limit(
            "period",
            ProblemCode::HasDuties,
            held,
        )]));
    }
    repo::rota::delete_period(&txn, caller.amap.id, id).await?;
    txn.commit().await?;
    Ok(())
}

/// A date added to a period with its places in the first role; a day already there is
/// refused on `day`.
pub async fn add_date(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    day: NaiveDate,
    places: u32,
) -> AppResult<RotaView> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    if repo::rota::dates(&txn, &[row.id]).await?.len() >= calendar::DATES_MAX {
        return Err(AppError::field(Problem::with_limit(
            "day",
            ProblemCode::AtMost,
            calendar::DATES_MAX as u32,
        )));
    }
    let role = default_role(&txn, caller).await?;
    repo::rota::insert_date(&txn, caller.amap.id, row.id, day, places, role)
        .await
        .map_err(AppError::taken_on("day"))?;
    txn.commit().await?;
    show(db, caller, id).await
}

/// Removes a date nobody is on duty (409 `has_duties` otherwise).
pub async fn delete_date(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    date: DutyDateId,
) -> AppResult<()> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    repo::rota::date(&txn, row.id, date)
        .await?
        .ok_or(AppError::NotFound)?;
    let held = repo::rota::places_of_date(&txn, date.0)
        .await?
        .iter()
        .filter(|p| p.user_id.is_some())
        .count() as u32;
    if held > 0 {
        return Err(AppError::ConflictOn(vec![Problem::with_limit(
            "date",
            ProblemCode::HasDuties,
            held,
        )]));
    }
    repo::rota::delete_date(&txn, row.id, date).await?;
    txn.commit().await?;
    Ok(())
}

/// Erases the sign-ups (and proposals) of a date; each one in the history. Returns how many.
pub async fn clear_date(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    date: DutyDateId,
) -> AppResult<u32> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let date = repo::rota::date(&txn, row.id, date)
        .await?
        .ok_or(AppError::NotFound)?;
    let held = repo::rota::clear_date(&txn, date.id).await?;
    for place in &held {
        let role_name = role_name(&txn, caller, place.role_id).await?;
        repo::rota::record(
            &txn,
            repo::rota::Move {
                amap_id: caller.amap.id,
                period_id: row.id,
                place_id: Some(place.id),
                day: date.day,
                role_name: &role_name,
                kind: MoveKind::Clear,
                actor: Some(caller.user_id()),
                from: place.user_id,
                to: None,
                at: caller.now,
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(held.len() as u32)
}

/// The coordinator sets who holds a place (nobody: free) and its role. The holder must take
/// part in the period; the period's rule still holds (the unique index refuses a second duty
/// it forbids, 409 `already_on_duty`), but not the window or the quota: coordinating is
/// exactly deciding past them.
pub async fn set_place(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    place: DutyPlaceId,
    holder: Option<UserId>,
    role: Option<DutyRoleId>,
) -> AppResult<RotaView> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let terms = terms(&row);
    let current = repo::rota::place(&txn, row.id, place)
        .await?
        .ok_or(AppError::NotFound)?;
    let role = role.unwrap_or(DutyRoleId(current.role_id));
    if !repo::rota::roles(&txn, caller.amap.id)
        .await?
        .iter()
        .any(|r| r.id == role.0)
    {
        return Err(AppError::field(Problem::new(
            "role_id",
            ProblemCode::UnknownValue,
        )));
    }
    let date = repo::rota::date(&txn, row.id, DutyDateId(current.date_id))
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(member) = holder
        && repo::rota::lock_participant(&txn, row.id, member)
            .await?
            .is_none()
    {
        return Err(AppError::field(Problem::new(
            "member_id",
            ProblemCode::NotParticipant,
        )));
    }
    let role_changed = current.role_id != role.0;
    if holder.map(|h| h.0) != current.user_id || role_changed {
        if let Some(previous) = current.user_id {
            repo::rota::release(&txn, current.id, previous).await?;
        }
        if role_changed {
            repo::rota::set_role(&txn, current.id, role.0).await?;
        }
        if let Some(member) = holder {
            let key = terms.exclusive_key(role, place);
            match repo::rota::take(&txn, current.id, member, &key, caller.now).await {
                Ok(true) => {}
                Ok(false) => return Err(refused("member_id", ProblemCode::NoFreePlace, None)),
                Err(error) if repo::is_unique_violation(&error) => {
                    return Err(refused("member_id", ProblemCode::AlreadyOnDuty, None));
                }
                Err(error) => return Err(error.into()),
            }
        }
        let role_name = role_name(&txn, caller, role.0).await?;
        if holder.map(|h| h.0) != current.user_id {
            repo::rota::record(
                &txn,
                repo::rota::Move {
                    amap_id: caller.amap.id,
                    period_id: row.id,
                    place_id: Some(current.id),
                    day: date.day,
                    role_name: &role_name,
                    kind: if holder.is_some() {
                        MoveKind::Assign
                    } else {
                        MoveKind::Unassign
                    },
                    actor: Some(caller.user_id()),
                    from: current.user_id,
                    to: holder.map(|h| h.0),
                    at: caller.now,
                },
            )
            .await?;
        }
    }
    txn.commit().await?;
    show(db, caller, id).await
}

/// Adds a member to the period with `quota` duties, or changes their quota. They must be an
/// active member of the AMAP.
pub async fn set_participant(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    member: UserId,
    quota: u32,
) -> AppResult<RotaView> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let active = repo::memberships::find(&txn, caller.amap.id, member)
        .await?
        .is_some_and(|m| m.active);
    if !active {
        return Err(AppError::field(Problem::new(
            "member_id",
            ProblemCode::UnknownValue,
        )));
    }
    repo::rota::upsert_participants(&txn, caller.amap.id, row.id, &[member.0], quota, caller.now)
        .await?;
    txn.commit().await?;
    show(db, caller, id).await
}

/// Takes a member out of the period; refused while they hold duties in it (409
/// `has_duties`): free their places first, so nobody is dropped from a distribution unseen.
pub async fn remove_participant(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    member: UserId,
) -> AppResult<()> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let loaded = Loaded::of(&txn, &[row.id]).await?;
    let held = loaded.held(row.id, member.0).len() as u32;
    if held > 0 {
        return Err(AppError::ConflictOn(vec![Problem::with_limit(
            "member_id",
            ProblemCode::HasDuties,
            held,
        )]));
    }
    if !repo::rota::delete_participant(&txn, row.id, member).await? {
        return Err(AppError::NotFound);
    }
    txn.commit().await?;
    Ok(())
}
