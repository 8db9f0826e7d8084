//! The duty rota (permanences): periods and their grid, the coordinator's changes, members
//! taking and giving back places, the automatic assignment.
//!
//! Every rule is the domain's (`app::domain::rota`); the services load what a rule needs
//! inside the write's transaction and let the database settle races: a place is taken by a
//! statement conditional on it being free, and a second duty the period's rule forbids is a
//! unique violation (migration 15).

pub mod cache;
pub mod duties;
pub mod manage;
pub mod outputs;
pub mod places;
pub mod proposal;
pub mod swaps;

use super::Caller;
use crate::db::entities::{
    app_user, duty_date, duty_participant, duty_period, duty_place, duty_role,
};
use crate::directory_cache::People;
use crate::error::{AppError, AppResult};
use crate::repo;
use app::api::adhesions::MemberRef;
use app::api::rota::{
    DutyDateView, MyShare, ParticipantView, PlaceView, RoleView, RotaSummary, RotaView,
};
use app::domain::rota::{self as rules, Coverage, Held, Request, Terms, Window};
use app::domain::{
    Action, DutyDateId, DutyPeriodId, DutyPlaceId, DutyRoleId, Problem, ProblemCode, UserId,
};
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::borrow::Borrow;
use std::collections::{BTreeSet, HashMap};

pub(crate) fn terms(row: &duty_period::Model) -> Terms {
    let window = match row.window_kind.into() {
        rules::WindowKind::Until => row.window_until.map(Window::Until),
        rules::WindowKind::DaysBefore => {
            row.window_days.map(|d| Window::DaysBefore(d.max(0) as u32))
        }
        rules::WindowKind::Imposed => Some(Window::Imposed),
    };
    Terms {
        rule: row.rule.into(),
        // A row missing its window's part cannot be written (the form requires it); read
        // as closed rather than open if it ever were.
        window: window.unwrap_or(Window::Imposed),
        over_quota: row.over_quota,
    }
}

pub(crate) async fn period_of(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    id: DutyPeriodId,
) -> AppResult<duty_period::Model> {
    repo::rota::period(db, caller.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A rule refused, as a 409 on `field`; a quota carries its number.
pub(crate) fn refused(field: &str, code: ProblemCode, quota: Option<u32>) -> AppError {
    let problem = match (code, quota) {
        (ProblemCode::QuotaReached, Some(q)) => Problem::with_limit(field, code, q),
        _ => Problem::new(field, code),
    };
    AppError::ConflictOn(vec![problem])
}

/// The people of the AMAP by id (names for the grid), from the one member list.
pub(crate) async fn people(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> AppResult<(HashMap<i64, app_user::Model>, Vec<(bool, i64)>)> {
    let members = repo::memberships::list_with_users(db, amap_id).await?;
    let order = members.iter().map(|(m, u)| (m.active, u.id)).collect();
    Ok((members.into_iter().map(|(_, u)| (u.id, u)).collect(), order))
}

/// The same for a read, from the member list's cache (a write reads them in its transaction).
pub(crate) async fn cached_people(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
) -> AppResult<People> {
    Ok(caller.people.people(db, caller.amap.id).await?)
}

/// Accounts by id, borrowed from the cached list.
pub(crate) fn by_id(people: &People) -> HashMap<i64, &app_user::Model> {
    people.iter().map(|(_, u)| (u.id, u)).collect()
}

pub(crate) fn member_ref(user: &app_user::Model) -> MemberRef {
    MemberRef {
        id: UserId(user.id),
        first_name: user.first_name.clone(),
        last_name: user.last_name.clone(),
    }
}

/// "Prénom Nom (rôle)" of everyone else holding a place on `place`'s date, among `places`
/// (the grid's people and the AMAP's role names): *Mes permanences* and the reminder say it.
pub(crate) fn others_on_duty<'a, U: Borrow<app_user::Model>>(
    places: impl IntoIterator<Item = &'a duty_place::Model>,
    place: &duty_place::Model,
    users: &HashMap<i64, U>,
    roles: &HashMap<i64, String>,
) -> Vec<String> {
    places
        .into_iter()
        .filter(|p| p.date_id == place.date_id && p.id != place.id)
        .filter_map(|p| {
            let user = users.get(&p.user_id?)?.borrow();
            let role = roles
                .get(&p.role_id)
                .map(String::as_str)
                .unwrap_or_default();
            Some(format!("{} ({role})", full_name(user)))
        })
        .collect()
}

pub(crate) fn full_name(user: &app_user::Model) -> String {
    format!("{} {}", user.first_name, user.last_name)
}

/// Everything of some periods, loaded at once.
pub(crate) struct Loaded {
    pub dates: Vec<duty_date::Model>,
    pub places: Vec<duty_place::Model>,
    pub participants: Vec<duty_participant::Model>,
}

impl Loaded {
    pub async fn of(db: &impl ConnectionTrait, periods: &[i64]) -> AppResult<Self> {
        Ok(Self {
            dates: repo::rota::dates(db, periods).await?,
            places: repo::rota::places(db, periods).await?,
            participants: repo::rota::participants(db, periods).await?,
        })
    }

    fn dates_of(&self, period: i64) -> impl Iterator<Item = &duty_date::Model> {
        self.dates.iter().filter(move |d| d.period_id == period)
    }

    fn held_by(&self, period: i64, user: i64) -> u32 {
        self.places
            .iter()
            .filter(|p| p.period_id == period && p.user_id == Some(user))
            .count() as u32
    }

    pub fn coverage(&self, period: i64) -> Coverage {
        let places: Vec<_> = self
            .places
            .iter()
            .filter(|p| p.period_id == period)
            .collect();
        let filled = places.iter().filter(|p| p.user_id.is_some()).count() as u32;
        // Each holder's count once, not a pass over the places per participant.
        let mut held: HashMap<i64, u32> = HashMap::new();
        for user in places.iter().filter_map(|p| p.user_id) {
            *held.entry(user).or_default() += 1;
        }
        Coverage::of(
            places.len() as u32,
            filled,
            self.participants
                .iter()
                .filter(|p| p.period_id == period)
                .map(|p| {
                    let held = held.get(&p.user_id).copied().unwrap_or(0);
                    (p.quota.max(0) as u32, held)
                }),
        )
    }

    pub fn share(&self, period: i64, user: i64) -> Option<MyShare> {
        let participant = self
            .participants
            .iter()
            .find(|p| p.period_id == period && p.user_id == user)?;
        let quota = participant.quota.max(0) as u32;
        let held = self.held_by(period, user);
        Some(MyShare {
            quota,
            held,
            owed: rules::owed(quota, held),
        })
    }

    /// The duties `user` holds in the period, for the domain's sign-up check.
    pub fn held(&self, period: i64, user: i64) -> Vec<Held> {
        let days: HashMap<i64, NaiveDate> = self.dates_of(period).map(|d| (d.id, d.day)).collect();
        self.places
            .iter()
            .filter(|p| p.period_id == period && p.user_id == Some(user))
            .filter_map(|p| {
                Some(Held {
                    date: *days.get(&p.date_id)?,
                    role: DutyRoleId(p.role_id),
                })
            })
            .collect()
    }
}

pub(crate) fn summary(
    row: &duty_period::Model,
    loaded: &Loaded,
    caller: &Caller<'_>,
) -> RotaSummary {
    let mut days = loaded.dates_of(row.id).map(|d| d.day);
    let first_date = days.next();
    let last_date = days.last().or(first_date);
    RotaSummary {
        id: DutyPeriodId(row.id),
        name: row.name.clone(),
        first_date,
        last_date,
        window: row.window_kind.into(),
        coverage: loaded.coverage(row.id),
        me: loaded.share(row.id, caller.user_id()),
    }
}

pub(crate) fn role_views(roles: &[duty_role::Model], places: &HashMap<i64, u32>) -> Vec<RoleView> {
    roles
        .iter()
        .enumerate()
        .map(|(i, r)| RoleView {
            id: DutyRoleId(r.id),
            name: r.name.clone(),
            default: i == 0,
            places: places.get(&r.id).copied().unwrap_or(0),
        })
        .collect()
}

/// Every period of the AMAP, the latest first, with coverage and my share.
pub async fn list(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<Vec<RotaSummary>> {
    caller.require(Action::ViewOwnSpace)?;
    let rows = repo::rota::periods(db, caller.amap.id).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let loaded = Loaded::of(db, &ids).await?;
    Ok(rows
        .iter()
        .map(|row| summary(row, &loaded, caller))
        .collect())
}

/// One period's grid: who is on duty where, what I may take or give back, and for
/// coordinators the participants, proposals and the members not taking part.
pub async fn show(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
) -> AppResult<RotaView> {
    caller.require(Action::ViewOwnSpace)?;
    let snapshot = caller
        .rota
        .period(db, caller.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (row, loaded, roles) = (&snapshot.period, &snapshot.loaded, &snapshot.roles);
    let terms = terms(row);
    let manages = caller.grants.allows(Action::ManageRota);
    let me = caller.user_id();
    let today = caller.local_now().date();
    let close = swaps::close_days(caller);
    let role_names: HashMap<i64, &str> = roles.iter().map(|r| (r.id, r.name.as_str())).collect();
    let people = cached_people(db, caller).await?;
    let users = by_id(&people);
    let order: Vec<(bool, i64)> = people.iter().map(|(m, u)| (m.active, u.id)).collect();
    let quota = loaded.share(row.id, me).map(|s| s.quota);
    let held = loaded.held(row.id, me);
    let (first, last) = match (loaded.dates.first(), loaded.dates.last()) {
        (Some(f), Some(l)) => (f.day, l.day),
        _ => (today, today),
    };
    let absent: BTreeSet<NaiveDate> =
        repo::rota::absences(db, caller.amap.id, Some(&[me]), first, last)
            .await?
            .into_iter()
            .map(|a| a.day)
            .collect();
    let dates = loaded
        .dates
        .iter()
        .map(|date| {
            let places: Vec<&duty_place::Model> = loaded
                .places
                .iter()
                .filter(|p| p.date_id == date.id)
                .collect();
            let open = terms.window.is_open(today, date.day);
            let place_views = places
                .iter()
                .map(|place| {
                    let free = places
                        .iter()
                        .filter(|p| p.role_id == place.role_id && p.user_id.is_none())
                        .count();
                    let may_take = place.user_id.is_none()
                        && caller.grants.allows(Action::TakeDuty)
                        && terms
                            .check_take(&Request {
                                today,
                                date: date.day,
                                role: DutyRoleId(place.role_id),
                                quota,
                                held: &held,
                                free,
                            })
                            .is_ok();
                    let mine = place.user_id == Some(me);
                    let offered = place.offered_at.is_some() && place.user_id.is_some();
                    let swappable = rules::swap_open(today, date.day, close);
                    let may_accept = offered
                        && !mine
                        && caller.grants.allows(Action::TakeDuty)
                        && terms
                            .check_accept(&rules::Accept {
                                today,
                                date: date.day,
                                role: DutyRoleId(place.role_id),
                                close_days: close,
                                participant: quota.is_some(),
                                own: false,
                                held: &held,
                            })
                            .is_ok();
                    PlaceView {
                        id: DutyPlaceId(place.id),
                        role: DutyRoleId(place.role_id),
                        role_name: role_names
                            .get(&place.role_id)
                            .copied()
                            .unwrap_or_default()
                            .to_owned(),
                        holder: place
                            .user_id
                            .and_then(|u| users.get(&u).copied())
                            .map(member_ref),
                        mine,
                        may_take,
                        may_leave: mine && terms.check_leave(today, date.day).is_ok(),
                        offered,
                        may_offer: mine && !offered && swappable,
                        may_accept,
                        proposed: manages
                            .then(|| {
                                place
                                    .proposed_user_id
                                    .and_then(|u| users.get(&u).copied())
                                    .map(member_ref)
                            })
                            .flatten(),
                    }
                })
                .collect();
            let on_duty = places.iter().any(|p| p.user_id == Some(me));
            DutyDateView {
                id: DutyDateId(date.id),
                day: date.day,
                open,
                unavailable: absent.contains(&date.day),
                may_read_sheet: caller.grants.allows(Action::ReadSignInSheet { on_duty }),
                places: place_views,
            }
        })
        .collect();
    let mut participants = Vec::new();
    let mut others = Vec::new();
    if manages {
        let quotas: HashMap<i64, u32> = loaded
            .participants
            .iter()
            .map(|p| (p.user_id, p.quota.max(0) as u32))
            .collect();
        for (active, user) in &order {
            let Some(&account) = users.get(user) else {
                continue;
            };
            match quotas.get(user) {
                Some(&quota) => {
                    let held = loaded.held_by(row.id, *user);
                    participants.push(ParticipantView {
                        member: member_ref(account),
                        quota,
                        held,
                        owed: rules::owed(quota, held),
                    });
                }
                None if *active => others.push(member_ref(account)),
                None => {}
            }
        }
    }
    let summary = summary(row, loaded, caller);
    let proposed = if manages {
        loaded
            .places
            .iter()
            .filter(|p| p.proposed_user_id.is_some())
            .count() as u32
    } else {
        0
    };
    let role_places = if manages {
        repo::rota::places_per_role(db, caller.amap.id).await?
    } else {
        HashMap::new()
    };
    Ok(RotaView {
        suggestion: rules::suggest_quota(summary.coverage.places, summary.coverage.participants),
        summary,
        description: row.description.clone(),
        rule: row.rule.into(),
        window_until: row.window_until,
        window_days: row.window_days.map(|d| d.max(0) as u32),
        over_quota: row.over_quota,
        dates,
        may_manage: manages,
        participants,
        proposed,
        others,
        roles: if manages {
            role_views(roles, &role_places)
        } else {
            Vec::new()
        },
    })
}
