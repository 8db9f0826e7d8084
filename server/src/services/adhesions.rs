//! Memberships (adhésions): the treasurer's periods and ledger, a member's own memberships,
//! the printable form, and the requirement a contract template may set.

use super::Caller;
use crate::db::entities::{
    adhesion, adhesion_period, amap, app_user, contract_template, subscription,
};
use crate::error::{AppError, AppResult};
use crate::repo;
use app::api::adhesions::{
    AdhesionEntry, AdhesionView, BulletinView, MemberRef, MyPeriod, PeriodInput, PeriodLedger,
    PeriodView,
};
use app::domain::adhesion::{self as rules, AdhesionState, AdhesionTotals, Entry, PeriodTerms};
use app::domain::{Action, AdhesionId, Money, PeriodId, Problem, ProblemCode, TemplateId, UserId};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};
use std::collections::HashMap;

fn terms(row: &adhesion_period::Model) -> PeriodTerms {
    PeriodTerms {
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        minimum: Money::from_cents(row.minimum_cents),
        suggested: Money::from_cents(row.suggested_cents),
        enrolment: row.enrolment.into(),
    }
}

fn entry(row: &adhesion::Model) -> Entry {
    Entry {
        amount: Money::from_cents(row.amount_cents),
        state: row.state.into(),
    }
}

fn period_view(
    row: &adhesion_period::Model,
    required_by: u32,
    totals: Option<AdhesionTotals>,
) -> PeriodView {
    let terms = terms(row);
    PeriodView {
        id: PeriodId(row.id),
        name: row.name.clone(),
        starts_on: terms.starts_on,
        ends_on: terms.ends_on,
        minimum: terms.minimum,
        suggested: terms.suggested,
        enrolment: terms.enrolment,
        payment_text: row.payment_text.clone(),
        required_by,
        totals,
    }
}

fn adhesion_view(
    row: &adhesion::Model,
    user: &app_user::Model,
    amap: &amap::Model,
) -> AdhesionView {
    AdhesionView {
        id: AdhesionId(row.id),
        period_id: PeriodId(row.period_id),
        member: UserId(row.user_id),
        first_name: user.first_name.clone(),
        last_name: user.last_name.clone(),
        amount: Money::from_cents(row.amount_cents),
        state: row.state.into(),
        payment_kind: row.payment_kind.map(Into::into),
        received_on: row.received_on,
        adhered_on: crate::clock::local(&amap.time_zone, row.created_at).date(),
    }
}

async fn period_of(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    id: PeriodId,
) -> AppResult<adhesion_period::Model> {
    repo::adhesions::period(db, caller.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Every period of the AMAP, the latest first; the totals for treasurers only. Référents read
/// the list too: they choose the period a template requires.
pub async fn periods(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<Vec<PeriodView>> {
    caller.require(Action::ManageTemplates)?;
    let amap = caller.amap.id;
    let rows = repo::adhesions::periods(db, amap).await?;
    let required = repo::adhesions::requiring_templates(db, amap).await?;
    let totals = if caller.grants.allows(Action::ManageAdhesions) {
        let active = repo::memberships::count_active(db, amap).await? as u32;
        let mut by_period: HashMap<i64, Vec<Entry>> = HashMap::new();
        for row in repo::adhesions::of_amap(db, amap, None).await? {
            by_period
                .entry(row.period_id)
                .or_default()
                .push(entry(&row));
        }
        Some((by_period, active))
    } else {
        None
    };
    Ok(rows
        .iter()
        .map(|row| {
            let totals = totals.as_ref().map(|(by_period, active)| {
                let entries = by_period
                    .get(&row.id)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                AdhesionTotals::of(entries.iter().copied(), *active)
            });
            period_view(row, required.get(&row.id).copied().unwrap_or(0), totals)
        })
        .collect())
}

/// A new period (treasurers); a name already used in the AMAP is refused on `name`.
pub async fn create_period(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    input: &PeriodInput,
) -> AppResult<PeriodView> {
    caller.require(Action::ManageAdhesions)?;
    let row = repo::adhesions::insert_period(db, caller.amap.id, input, caller.now)
        .await
        .map_err(AppError::taken_on("name"))?;
    Ok(period_view(&row, 0, Some(AdhesionTotals::default())))
}

/// Rewrites a period's name, dates, amounts and enrolment. Memberships already recorded keep
/// their amounts: a new minimum applies to the next ones.
pub async fn update_period(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: PeriodId,
    input: &PeriodInput,
) -> AppResult<PeriodView> {
    caller.require(Action::ManageAdhesions)?;
    let txn = repo::write_txn(db).await?;
    let updated = repo::adhesions::update_period(&txn, caller.amap.id, id, input)
        .await
        .map_err(AppError::taken_on("name"))?;
    if !updated {
        return Err(AppError::NotFound);
    }
    txn.commit().await?;
    let view = periods(db, caller)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)?;
    Ok(view)
}

/// Deletes a period nobody adhered to and no template requires; else 409 with the reasons.
pub async fn delete_period(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: PeriodId,
) -> AppResult<()> {
    caller.require(Action::ManageAdhesions)?;
    let txn = repo::write_txn(db).await?;
    period_of(&txn, caller, id).await?;
    let mut reasons = Vec::new();
    let adhesions = repo::adhesions::count_of_period(&txn, id).await?;
    if adhesions > 0 {
        reasons.push(Problem::with_limit(
            "period",
            ProblemCode::HasAdhesions,
            adhesions as u32,
        ));
    }
    let required = repo::adhesions::requiring_templates(&txn, caller.amap.id)
        .await?
        .get(&id.0)
        .copied()
        .unwrap_or(0);
    if required > 0 {
        reasons.push(Problem::with_limit(
            "period",
            ProblemCode::RequiredByTemplates,
            required,
        ));
    }
    if !reasons.is_empty() {
        return Err(AppError::ConflictOn(reasons));
    }
    repo::adhesions::delete_period(&txn, caller.amap.id, id).await?;
    txn.commit().await?;
    Ok(())
}

/// The treasurer's screen of one period: every membership in French name order, the active
/// members still without one, and the totals.
pub async fn ledger(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: PeriodId,
) -> AppResult<PeriodLedger> {
    caller.require(Action::ManageAdhesions)?;
    let amap = caller.amap.id;
    let period = period_of(db, caller, id).await?;
    let members = repo::memberships::list_with_users(db, amap).await?;
    let rows: HashMap<i64, adhesion::Model> = repo::adhesions::of_amap(db, amap, Some(id))
        .await?
        .into_iter()
        .map(|row| (row.user_id, row))
        .collect();
    let mut adhesions = Vec::with_capacity(rows.len());
    let mut without = Vec::new();
    let mut active = 0;
    // `members` is in French order already; every membership's member is among them (a
    // member with memberships is never removed from the AMAP).
    for (membership, user) in &members {
        active += u32::from(membership.active);
        match rows.get(&user.id) {
            Some(row) => adhesions.push(adhesion_view(row, user, caller.amap)),
            None if membership.active => without.push(MemberRef {
                id: UserId(user.id),
                first_name: user.first_name.clone(),
                last_name: user.last_name.clone(),
            }),
            None => {}
        }
    }
    let totals = AdhesionTotals::of(rows.values().map(entry), active);
    let required = repo::adhesions::requiring_templates(db, amap)
        .await?
        .get(&id.0)
        .copied()
        .unwrap_or(0);
    Ok(PeriodLedger {
        period: period_view(&period, required, Some(totals)),
        adhesions,
        without,
    })
}

/// The treasurer records a member's membership (a paper form, cash at the distribution). The
/// treasurer may take less than the minimum; a second membership of the same period is
/// refused (the unique index decides).
pub async fn record(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: PeriodId,
    entry: &AdhesionEntry,
) -> AppResult<AdhesionView> {
    caller.require(Action::ManageAdhesions)?;
    let member = entry
        .member
        .ok_or_else(|| AppError::field(Problem::new("member_id", ProblemCode::Required)))?;
    let txn = repo::write_txn(db).await?;
    period_of(&txn, caller, id).await?;
    if repo::memberships::find(&txn, caller.amap.id, member)
        .await?
        .is_none()
    {
        return Err(AppError::field(Problem::new(
            "member_id",
            ProblemCode::UnknownValue,
        )));
    }
    let settled = settle(entry, caller);
    let row = match repo::adhesions::insert(&txn, caller.amap.id, id, member, &settled, caller.now)
        .await
    {
        Ok(row) => row,
        Err(e) if repo::is_unique_violation(&e) => {
            return Err(AppError::ConflictOn(vec![Problem::new(
                "member_id",
                ProblemCode::AlreadyAdhered,
            )]));
        }
        Err(e) => return Err(e.into()),
    };
    let user = repo::users::find(&txn, member)
        .await?
        .ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(adhesion_view(&row, &user, caller.amap))
}

/// The received date follows the state (cashed today unless told otherwise).
fn settle(entry: &AdhesionEntry, caller: &Caller<'_>) -> AdhesionEntry {
    AdhesionEntry {
        received_on: rules::received_on(entry.state, entry.received_on, caller.local_now().date()),
        ..*entry
    }
}

/// The treasurer corrects a membership: amount, state, payment kind, received date.
pub async fn correct(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: AdhesionId,
    entry: &AdhesionEntry,
) -> AppResult<AdhesionView> {
    caller.require(Action::ManageAdhesions)?;
    let txn = repo::write_txn(db).await?;
    let settled = settle(entry, caller);
    if !repo::adhesions::update(&txn, caller.amap.id, id, &settled, caller.now).await? {
        return Err(AppError::NotFound);
    }
    let row = repo::adhesions::find(&txn, caller.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = repo::users::find(&txn, UserId(row.user_id))
        .await?
        .ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(adhesion_view(&row, &user, caller.amap))
}

/// How many contracts this member signed on templates that require the period (a membership
/// they stand on is not withdrawn).
async fn contracts_requiring(
    db: &impl ConnectionTrait,
    amap: i64,
    period: i64,
    user: i64,
) -> AppResult<u64> {
    let templates: Vec<i64> = contract_template::Entity::find()
        .filter(contract_template::Column::AmapId.eq(amap))
        .filter(contract_template::Column::AdhesionPeriodId.eq(period))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    if templates.is_empty() {
        return Ok(0);
    }
    Ok(subscription::Entity::find()
        .filter(subscription::Column::TemplateId.is_in(templates))
        .filter(subscription::Column::UserId.eq(user))
        .count(db)
        .await?)
}

/// The treasurer deletes a membership recorded by mistake; refused while the member has
/// contracts that require it.
pub async fn remove(db: &DatabaseConnection, caller: &Caller<'_>, id: AdhesionId) -> AppResult<()> {
    caller.require(Action::ManageAdhesions)?;
    let txn = repo::write_txn(db).await?;
    let row = repo::adhesions::find(&txn, caller.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let contracts = contracts_requiring(&txn, caller.amap.id, row.period_id, row.user_id).await?;
    if contracts > 0 {
        return Err(AppError::ConflictOn(vec![Problem::with_limit(
            "adhesion",
            ProblemCode::HasContracts,
            contracts as u32,
        )]));
    }
    repo::adhesions::delete(&txn, row.id, false).await?;
    txn.commit().await?;
    Ok(())
}

/// "Mes adhésions": every period, with mine and whether I may change it today.
pub async fn mine(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<Vec<MyPeriod>> {
    caller.require(Action::ViewOwnSpace)?;
    let amap = caller.amap.id;
    let me = UserId(caller.user_id());
    let rows = repo::adhesions::periods(db, amap).await?;
    let required = repo::adhesions::requiring_templates(db, amap).await?;
    let mut mine: HashMap<i64, adhesion::Model> = repo::adhesions::of_member(db, amap, me)
        .await?
        .into_iter()
        .map(|row| (row.period_id, row))
        .collect();
    let today = caller.local_now().date();
    let member = caller.grants.allows(Action::SignUp);
    Ok(rows
        .iter()
        .map(|row| {
            let own = mine.remove(&row.id);
            let state = own.as_ref().map(|a| AdhesionState::from(a.state));
            let may_change = member && rules::member_refusal(&terms(row), state, today).is_none();
            MyPeriod {
                period: period_view(row, required.get(&row.id).copied().unwrap_or(0), None),
                mine: own.map(|a| adhesion_view(&a, caller.user, caller.amap)),
                may_change,
            }
        })
        .collect())
}

/// A member adheres online, or changes the amount while it is still to provide.
pub async fn adhere(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: PeriodId,
    amount: impl FnOnce(&PeriodTerms) -> Result<Money, Vec<Problem>>,
) -> AppResult<AdhesionView> {
    caller.require(Action::SignUp)?;
    let me = UserId(caller.user_id());
    let txn = repo::write_txn(db).await?;
    let period = period_of(&txn, caller, id).await?;
    let terms = terms(&period);
    let existing = repo::adhesions::find_of(&txn, caller.amap.id, id, me).await?;
    let state = existing.as_ref().map(|a| AdhesionState::from(a.state));
    if let Some(refusal) = rules::member_refusal(&terms, state, caller.local_now().date()) {
        return Err(AppError::ConflictOn(vec![refusal]));
    }
    let amount = amount(&terms).map_err(AppError::Validation)?;
    let row = match existing {
        Some(row) => {
            if !repo::adhesions::set_own_amount(&txn, row.id, amount, caller.now).await? {
                // Cashed between the read and the write.
                return Err(AppError::ConflictOn(vec![Problem::new(
                    "amount",
                    ProblemCode::AdhesionCashed,
                )]));
            }
            repo::adhesions::find(&txn, caller.amap.id, AdhesionId(row.id))
                .await?
                .ok_or(AppError::NotFound)?
        }
        None => {
            let entry = AdhesionEntry {
                member: Some(me),
                amount,
                state: AdhesionState::ToProvide,
                payment_kind: None,
                received_on: None,
            };
            match repo::adhesions::insert(&txn, caller.amap.id, id, me, &entry, caller.now).await {
                Ok(row) => row,
                Err(e) if repo::is_unique_violation(&e) => {
                    return Err(AppError::Conflict("membership recorded meanwhile".into()));
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    txn.commit().await?;
    Ok(adhesion_view(&row, caller.user, caller.amap))
}

/// A member withdraws their membership: not once cashed, not while contracts require it.
pub async fn withdraw(db: &DatabaseConnection, caller: &Caller<'_>, id: PeriodId) -> AppResult<()> {
    caller.require(Action::SignUp)?;
    let me = UserId(caller.user_id());
    let txn = repo::write_txn(db).await?;
    let period = period_of(&txn, caller, id).await?;
    let row = repo::adhesions::find_of(&txn, caller.amap.id, id, me)
        .await?
        .ok_or(AppError::NotFound)?;
    let state = Some(AdhesionState::from(row.state));
    if let Some(refusal) = rules::member_refusal(&terms(&period), state, caller.local_now().date())
    {
        return Err(AppError::ConflictOn(vec![refusal]));
    }
    let contracts = contracts_requiring(&txn, caller.amap.id, id.0, me.0).await?;
    if contracts > 0 {
        return Err(AppError::ConflictOn(vec![Problem::with_limit(
            "amount",
            ProblemCode::HasContracts,
            contracts as u32,
        )]));
    }
    if !repo::adhesions::delete(&txn, row.id, true).await? {
        return Err(AppError::ConflictOn(vec![Problem::new(
            "amount",
            ProblemCode::AdhesionCashed,
        )]));
    }
    txn.commit().await?;
    Ok(())
}

/// The membership form to print, filled with what the AMAP knows of me.
pub async fn bulletin(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: PeriodId,
) -> AppResult<BulletinView> {
    caller.require(Action::ViewOwnSpace)?;
    let period = period_of(db, caller, id).await?;
    let own = repo::adhesions::find_of(db, caller.amap.id, id, UserId(caller.user_id())).await?;
    let me = caller.user;
    Ok(BulletinView {
        amap_name: caller.amap.name.clone(),
        amap_city: caller.amap.city.clone(),
        period: period_view(&period, 0, None),
        first_name: me.first_name.clone(),
        last_name: me.last_name.clone(),
        email: me.email.clone(),
        phone: if me.phone1.is_empty() {
            me.phone2.clone()
        } else {
            me.phone1.clone()
        },
        address: me.address.clone(),
        postcode: me.postcode.clone(),
        town: me.town.clone(),
        amount: own.map(|a| Money::from_cents(a.amount_cents)),
    })
}

/// The period a template requires before a member signs up, or none (its référents).
pub async fn set_requirement(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    period: Option<PeriodId>,
) -> AppResult<()> {
    let txn = repo::write_txn(db).await?;
    super::template_for(&txn, caller, template, Action::ManageProducer).await?;
    if let Some(period) = period
        && repo::adhesions::period(&txn, caller.amap.id, period)
            .await?
            .is_none()
    {
        return Err(AppError::field(Problem::new(
            "period_id",
            ProblemCode::UnknownValue,
        )));
    }
    repo::adhesions::set_requirement(&txn, template.0, period).await?;
    txn.commit().await?;
    Ok(())
}

/// The period a template requires that the member has not joined, if any: a member signs up
/// only once adhered (AmapJ: "Vous devez être cotisant sur la période …").
pub async fn missing_requirement(
    db: &impl ConnectionTrait,
    template: &contract_template::Model,
    user: UserId,
) -> AppResult<Option<adhesion_period::Model>> {
    let Some(period) = template.adhesion_period_id else {
        return Ok(None);
    };
    let adhered: Vec<i64> = repo::adhesions::of_member(db, template.amap_id, user)
        .await?
        .into_iter()
        .map(|a| a.period_id)
        .collect();
    if rules::requirement_met(Some(period), &adhered) {
        return Ok(None);
    }
    Ok(repo::adhesions::period(db, template.amap_id, PeriodId(period)).await?)
}
