//! The automatic assignment: the coordinator asks for a proposal (stored on the places, seen
//! only by coordinators), adjusts places by hand, then publishes it — each member given a
//! duty is told by mail — or discards it.

use super::{Loaded, member_ref, people, period_of, terms};
use crate::error::{AppError, AppResult};
use crate::mail::Mailer;
use crate::mail::compose;
use crate::mail::outbox::{self, NewMail};
use crate::repo;
use crate::services::Caller;
use app::api::rota::{ProposalView, PublishedView, ShortfallView};
use app::domain::mail::MailKind;
use app::domain::rota::MoveKind;
use app::domain::rota::assign::{self, Candidate, Place, ShortfallReason};
use app::domain::{Action, AmapId, DutyPeriodId, DutyPlaceId, DutyRoleId, ProblemCode, UserId};
use app::i18n::Locale;
use chrono::NaiveDate;
use sea_orm::DatabaseConnection;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Computes the fair assignment of the free places (`app::domain::rota::assign`) and stores
/// it as the period's proposal, replacing any earlier one.
pub async fn propose(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    seed: u64,
) -> AppResult<ProposalView> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let loaded = Loaded::of(&txn, &[row.id]).await?;
    let days: HashMap<i64, NaiveDate> = loaded.dates.iter().map(|d| (d.id, d.day)).collect();
    let (Some(first), Some(last)) = (loaded.dates.first(), loaded.dates.last()) else {
        return Ok(ProposalView {
            assigned: 0,
            shortfalls: Vec::new(),
        });
    };
    let users: Vec<i64> = loaded.participants.iter().map(|p| p.user_id).collect();
    let mut unavailable: HashMap<i64, BTreeSet<NaiveDate>> = HashMap::new();
    for absence in
        repo::rota::absences(&txn, caller.amap.id, Some(&users), first.day, last.day).await?
    {
        unavailable
            .entry(absence.user_id)
            .or_default()
            .insert(absence.day);
    }
    let mut collects: HashMap<i64, BTreeSet<NaiveDate>> = HashMap::new();
    for (user, day) in repo::rota::collectors(&txn, caller.amap.id, first.day, last.day).await? {
        collects.entry(user).or_default().insert(day);
    }
    let candidates: Vec<Candidate> = loaded
        .participants
        .iter()
        .map(|p| Candidate {
            member: UserId(p.user_id),
            quota: p.quota.max(0) as u32,
            unavailable: unavailable.remove(&p.user_id).unwrap_or_default(),
            collects: collects.remove(&p.user_id).unwrap_or_default(),
        })
        .collect();
    let places: Vec<Place> = loaded
        .places
        .iter()
        .filter_map(|p| {
            Some(Place {
                id: p.id,
                date: *days.get(&p.date_id)?,
                holder: p.user_id.map(UserId),
            })
        })
        .collect();
    let proposal = assign::assign(&candidates, &places, seed);
    repo::rota::clear_proposal(&txn, row.id).await?;
    for (place, member) in &proposal.assignments {
        repo::rota::propose(&txn, *place, Some(member.0)).await?;
    }
    let (accounts, _) = people(&txn, caller.amap.id).await?;
    txn.commit().await?;
    Ok(ProposalView {
        assigned: proposal.assignments.len() as u32,
        shortfalls: proposal
            .shortfalls
            .iter()
            .filter_map(|s| {
                Some(ShortfallView {
                    member: member_ref(accounts.get(&s.member.0)?),
                    missing: s.missing,
                    reason: match s.reason {
                        ShortfallReason::NoPlaceLeft => "no_place_left",
                        ShortfallReason::Unavailable => "unavailable",
                    }
                    .to_owned(),
                })
            })
            .collect(),
    })
}

/// Drops the proposal; returns how many places had one.
pub async fn discard(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
) -> AppResult<u32> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let cleared = repo::rota::clear_proposal(&txn, row.id).await?;
    txn.commit().await?;
    Ok(cleared as u32)
}

/// Puts each proposed member on their place, in one transaction, and queues one mail per
/// member with their new duties. A place taken meanwhile, or a proposal the period's rule
/// now forbids (the member signed up that date themselves), is refused as a whole (409):
/// the coordinator asks for a new proposal rather than publishing a different one unseen.
pub async fn publish(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    id: DutyPeriodId,
) -> AppResult<PublishedView> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let terms = terms(&row);
    let loaded = Loaded::of(&txn, &[row.id]).await?;
    let days: HashMap<i64, NaiveDate> = loaded.dates.iter().map(|d| (d.id, d.day)).collect();
    let roles: HashMap<i64, String> = repo::rota::roles(&txn, caller.amap.id)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let mut told: BTreeMap<i64, Vec<(NaiveDate, String)>> = BTreeMap::new();
    let mut published = 0;
    for place in loaded
        .places
        .iter()
        .filter(|p| p.proposed_user_id.is_some())
    {
        let Some(member) = place.proposed_user_id else {
            continue;
        };
        let day = *days.get(&place.date_id).ok_or(AppError::NotFound)?;
        let role_name = roles.get(&place.role_id).cloned().unwrap_or_default();
        let key = terms.exclusive_key(DutyRoleId(place.role_id), DutyPlaceId(place.id));
        match repo::rota::take(&txn, place.id, UserId(member), &key, caller.now).await {
            Ok(true) => {}
            Ok(false) => return Err(super::refused("proposal", ProblemCode::NoFreePlace, None)),
            Err(error) if repo::is_unique_violation(&error) => {
                return Err(super::refused("proposal", ProblemCode::AlreadyOnDuty, None));
            }
            Err(error) => return Err(error.into()),
        }
        repo::rota::record(
            &txn,
            repo::rota::Move {
                amap_id: caller.amap.id,
                period_id: row.id,
                place_id: Some(place.id),
                day,
                role_name: &role_name,
                kind: MoveKind::Publish,
                actor: Some(caller.user_id()),
                from: None,
                to: Some(member),
                at: caller.now,
            },
        )
        .await?;
        told.entry(member).or_default().push((day, role_name));
        published += 1;
    }
    let (accounts, _) = people(&txn, caller.amap.id).await?;
    let link = mailer.link(&format!("/a/{}/permanences/{}", caller.amap.slug, row.id));
    let mut mailed = 0;
    for (member, mut duties) in told {
        let Some(account) = accounts.get(&member) else {
            continue;
        };
        duties.sort();
        let mail = NewMail::new(
            Some(AmapId(caller.amap.id)),
            MailKind::DutyAssigned,
            account.email.clone(),
            compose::duties_assigned(
                Locale::fr,
                &account.first_name,
                &compose::Duties {
                    amap: &caller.amap.name,
                    period: &row.name,
                    duties: &duties,
                    link: link.clone(),
                },
            ),
        );
        outbox::enqueue(&txn, mailer, mail, caller.now).await?;
        mailed += 1;
    }
    txn.commit().await?;
    if mailed > 0 {
        mailer.wake();
    }
    Ok(PublishedView {
        published,
        told: mailed,
    })
}
