//! Members of an AMAP and their roles.

use super::Caller;
use crate::auth::password;
use crate::db::entities::producer;
use crate::error::{AppError, AppResult};
use crate::mail::Mailer;
use crate::repo::{self, memberships::Flag};
use crate::views;
use app::api::members::{MemberEdit, MemberView, NewMember, RoleChange};
use app::api::producers::ProducerRef;
use app::domain::access::{RiskyChange, locks_oneself_out};
use app::domain::{Action, Problem, ProblemCode, ProducerId, UserId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::HashMap;

/// Finds or creates the account, then makes it an active member. Returns the account and
/// whether it joined now (false: it already was a member). Runs in the caller's transaction
/// (the `create-user` command, the demo).
pub async fn add(
    db: &impl ConnectionTrait,
    amap_id: i64,
    new: &NewMember,
    password_hash: Option<String>,
) -> AppResult<(UserId, bool)> {
    let row = repo::users::NewUserRow {
        email: new.email.as_str(),
        first_name: new.first_name.as_str(),
        last_name: new.last_name.as_str(),
        password_hash,
        operator: false,
    };
    let account = repo::users::find_or_insert(db, row).await?;
    let id = UserId(account.id);
    let joined = repo::memberships::ensure(db, amap_id, id).await?;
    Ok((id, joined))
}

/// "Ajouter un adhérent": a new account, or an existing account joining this AMAP; 409 when
/// already a member (the insert decides, so two concurrent requests cannot both succeed).
/// An account without a password gets an invitation mail (a link to choose one), queued in
/// the same transaction.
pub async fn create(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    new: &NewMember,
) -> AppResult<MemberView> {
    let hash = match &new.password {
        Some(password) => Some(password::hash(password.expose().to_owned()).await?),
        None => None,
    };
    let txn = repo::write_txn(db).await?;
    let (id, joined) = add(&txn, caller.amap.id, new, hash).await?;
    if !joined {
        return Err(AppError::Conflict("already a member".into()));
    }
    let account = repo::users::find(&txn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let invited = account.password_hash.is_none();
    if invited {
        super::accounts::invite(&txn, mailer, caller.amap, &account, caller.now).await?;
    }
    let view = one(&txn, caller.amap.id, id).await?;
    txn.commit().await?;
    if invited {
        mailer.wake();
    }
    Ok(view)
}

/// Activates or deactivates a member; nobody deactivates themselves.
pub async fn set_active(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    member: UserId,
    active: bool,
) -> AppResult<MemberView> {
    let risk = (!active).then_some(RiskyChange::Deactivate);
    if locks_oneself_out(UserId(caller.user_id()), member, risk) {
        return Err(AppError::Forbidden);
    }
    let txn = repo::write_txn(db).await?;
    if !repo::memberships::set_flag(&txn, caller.amap.id, member, Flag::Active, active).await? {
        return Err(AppError::NotFound);
    }
    let view = one(&txn, caller.amap.id, member).await?;
    txn.commit().await?;
    Ok(view)
}

/// Deactivates several members at once (the end of a season); nobody deactivates
/// themselves. Returns how many were active and are not any more.
pub async fn deactivate_many(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    members: &[UserId],
) -> AppResult<u32> {
    let me = UserId(caller.user_id());
    if members
        .iter()
        .any(|&m| locks_oneself_out(me, m, Some(RiskyChange::Deactivate)))
    {
        return Err(AppError::Forbidden);
    }
    let txn = repo::write_txn(db).await?;
    // `members` is deduplicated by the form's parse: every one must belong to the AMAP.
    if repo::memberships::count_among(&txn, caller.amap.id, members).await? != members.len() as u64
    {
        return Err(AppError::field(Problem::new(
            "member_ids",
            ProblemCode::UnknownValue,
        )));
    }
    let changed = repo::memberships::deactivate_all(&txn, caller.amap.id, members).await?;
    txn.commit().await?;
    Ok(u32::try_from(changed).unwrap_or(u32::MAX))
}

/// An admin or a treasurer corrects a member's names and contact details; only an admin
/// changes an e-mail address (it is the login: whoever sets it can reset the password). The
/// e-mail of an account that also belongs to another AMAP (or runs the deployment) is its
/// owner's to change. A new address ends the links mailed to the old one; an account still
/// without a password is invited again, at the new address.
pub async fn edit(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    member: UserId,
    edit: &MemberEdit,
) -> AppResult<MemberView> {
    let txn = repo::write_txn(db).await?;
    if repo::memberships::find(&txn, caller.amap.id, member)
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    let account = repo::users::find(&txn, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let moved = account.email != edit.email.as_str();
    if moved {
        caller.require(Action::AssignRoles)?;
        if account.operator || repo::memberships::count_of_user(&txn, account.id).await? > 1 {
            return Err(AppError::field(Problem::new(
                "email",
                ProblemCode::SharedAccount,
            )));
        }
        if repo::users::find_by_email(&txn, edit.email.as_str())
            .await?
            .is_some()
        {
            return Err(AppError::ConflictOn(vec![Problem::new(
                "email",
                ProblemCode::Taken,
            )]));
        }
    }
    repo::users::set_identity(
        &txn,
        account.id,
        edit.email.as_str(),
        edit.first_name.as_str(),
        edit.last_name.as_str(),
    )
    .await
    .map_err(taken_meanwhile("email"))?;
    let reinvited = moved && account.password_hash.is_none();
    if moved {
        repo::account_tokens::retire_all_links(&txn, member, caller.now).await?;
    }
    if reinvited {
        let account = repo::users::find(&txn, member)
            .await?
            .ok_or(AppError::NotFound)?;
        super::accounts::invite(&txn, mailer, caller.amap, &account, caller.now).await?;
    }
    let contact = &edit.contact;
    repo::users::set_contact(
        &txn,
        account.id,
        repo::users::ContactRow {
            phone1: contact.phone1.as_str(),
            phone2: contact.phone2.as_str(),
            address: &contact.address.street,
            postcode: &contact.address.postcode,
            town: &contact.address.town,
        },
    )
    .await?;
    let view = one(&txn, caller.amap.id, member).await?;
    txn.commit().await?;
    if reinvited {
        mailer.wake();
    }
    Ok(view)
}

/// Another account took the address between the check and the write: the same answer as
/// when it was taken before, on `field`.
pub(crate) fn taken_meanwhile(field: &'static str) -> impl Fn(sea_orm::DbErr) -> AppError {
    move |error| {
        if repo::is_unique_violation(&error) {
            AppError::ConflictOn(vec![Problem::new(field, ProblemCode::Taken)])
        } else {
            error.into()
        }
    }
}

/// Takes a member out of the AMAP for good — refused, with every reason, while they have
/// contracts or memberships here (deactivate them instead: their history stays) or hold a
/// role. The account
/// itself goes too when nothing else refers to it.
pub async fn remove(db: &DatabaseConnection, caller: &Caller<'_>, member: UserId) -> AppResult<()> {
    if member.0 == caller.user_id() {
        return Err(AppError::Forbidden);
    }
    let txn = repo::write_txn(db).await?;
    let Some(found) = repo::memberships::find(&txn, caller.amap.id, member).await? else {
        return Err(AppError::NotFound);
    };
    let mut reasons = Vec::new();
    let contracts = repo::subscriptions::of_user(&txn, caller.amap.id, member)
        .await?
        .len();
    if contracts > 0 {
        reasons.push(Problem::with_limit(
            "member",
            ProblemCode::HasContracts,
            contracts as u32,
        ));
    }
    let adhesions = repo::adhesions::count_of_member(&txn, caller.amap.id, member).await?;
    if adhesions > 0 {
        reasons.push(Problem::with_limit(
            "member",
            ProblemCode::HasAdhesions,
            adhesions as u32,
        ));
    }
    let amap = caller.amap.id;
    let refers = repo::producers::referent_links_of_user(&txn, member.0)
        .await?
        .iter()
        .any(|l| l.amap_id == amap);
    let supplies = repo::producers::producer_links_of_user(&txn, member.0)
        .await?
        .iter()
        .any(|l| l.amap_id == amap);
    if found.admin || found.treasurer || refers || supplies {
        reasons.push(Problem::new("member", ProblemCode::HasRoles));
    }
    if !reasons.is_empty() {
        return Err(AppError::ConflictOn(reasons));
    }
    repo::memberships::delete(&txn, amap, member).await?;
    repo::users::delete_if_unused(&txn, member.0).await?;
    txn.commit().await?;
    Ok(())
}

/// Grants or revokes a role; an admin cannot remove their own admin role.
pub async fn change_role(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    member: UserId,
    change: RoleChange,
) -> AppResult<MemberView> {
    if locks_oneself_out(UserId(caller.user_id()), member, change.risk()) {
        return Err(AppError::Forbidden);
    }
    // The write lock first: the membership and producer checks guard the writes.
    let txn = repo::write_txn(db).await?;
    apply_role_change(&txn, caller.amap.id, member, change).await?;
    let view = one(&txn, caller.amap.id, member).await?;
    txn.commit().await?;
    Ok(view)
}

/// [`change_role`] without the self-lockout rule, in the caller's transaction (the
/// `grant-role` command, the demo, test fixtures).
pub async fn apply_role_change(
    db: &impl ConnectionTrait,
    amap_id: i64,
    member: UserId,
    change: RoleChange,
) -> AppResult<()> {
    if repo::memberships::find(db, amap_id, member)
        .await?
        .is_none()
    {
        return Err(AppError::field(Problem::new(
            "member_id",
            ProblemCode::UnknownValue,
        )));
    }
    let producer = |id: ProducerId| async move {
        repo::producers::find(db, amap_id, id)
            .await?
            .map(|p| p.id)
            .ok_or_else(|| AppError::field(Problem::new("producer_id", ProblemCode::UnknownValue)))
    };
    let user = member.0;
    match change {
        RoleChange::Admin(on) => {
            repo::memberships::set_flag(db, amap_id, member, Flag::Admin, on).await?;
        }
        RoleChange::Treasurer(on) => {
            repo::memberships::set_flag(db, amap_id, member, Flag::Treasurer, on).await?;
        }
        RoleChange::Coordinator(on) => {
            repo::memberships::set_flag(db, amap_id, member, Flag::Coordinator, on).await?;
        }
        RoleChange::Referent(p, true) => {
            repo::producers::add_referent(db, amap_id, producer(p).await?, user).await?
        }
        RoleChange::Referent(p, false) => {
            repo::producers::remove_referent(db, amap_id, producer(p).await?, user).await?
        }
        RoleChange::Producer(p, true) => {
            repo::producers::add_producer_user(db, amap_id, producer(p).await?, user).await?
        }
        RoleChange::Producer(p, false) => {
            repo::producers::remove_producer_user(db, amap_id, producer(p).await?, user).await?
        }
    }
    Ok(())
}

/// Every member of the AMAP with roles, in four queries whatever their number.
pub async fn list(db: &impl ConnectionTrait, amap_id: i64) -> AppResult<Vec<MemberView>> {
    views_of(db, amap_id, None).await
}

/// One member with roles and contact details.
pub async fn show(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    member: UserId,
) -> AppResult<MemberView> {
    one(db, caller.amap.id, member).await
}

async fn one(db: &impl ConnectionTrait, amap_id: i64, member: UserId) -> AppResult<MemberView> {
    views_of(db, amap_id, Some(member))
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

async fn views_of(
    db: &impl ConnectionTrait,
    amap_id: i64,
    only: Option<UserId>,
) -> AppResult<Vec<MemberView>> {
    let members = repo::memberships::list_with_users(db, amap_id).await?;
    let producers: HashMap<i64, producer::Model> = repo::producers::list(db, amap_id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let by_user = |links: Vec<(i64, i64)>| {
        let mut map: HashMap<i64, Vec<ProducerRef>> = HashMap::new();
        for (user, producer) in links {
            if let Some(p) = producers.get(&producer) {
                map.entry(user).or_default().push(views::producer_ref(p));
            }
        }
        map
    };
    let mut referent_of = by_user(
        repo::producers::referent_links(db, amap_id)
            .await?
            .into_iter()
            .map(|l| (l.user_id, l.producer_id))
            .collect(),
    );
    let mut producer_of = by_user(
        repo::producers::producer_user_links(db, amap_id)
            .await?
            .into_iter()
            .map(|l| (l.user_id, l.producer_id))
            .collect(),
    );
    Ok(members
        .iter()
        .filter(|(_, account)| only.is_none_or(|id| id.0 == account.id))
        .map(|(membership, account)| {
            let refers = referent_of.remove(&account.id).unwrap_or_default();
            let supplies = producer_of.remove(&account.id).unwrap_or_default();
            views::member(membership, account, refers, supplies)
        })
        .collect())
}
