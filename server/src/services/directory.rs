//! *Liste des adhérents* and one's own contact details ("Mon compte").

use super::Caller;
use crate::db::entities::app_user;
use crate::error::{AppError, AppResult};
use crate::repo;
use app::api::directory::{Contact, ContactForm, DirectoryEntry, DirectoryView, MemberStatus};
use app::domain::access::Decision;
use app::domain::directory::{Address, ContactField, DirectoryRules};
use app::domain::{Action, UserId};
use sea_orm::DatabaseConnection;

/// The AMAP's choice of who sees what.
pub fn rules_of(amap: &crate::db::entities::amap::Model) -> DirectoryRules {
    DirectoryRules {
        email: amap.directory_email.into(),
        phone: amap.directory_phone.into(),
        address: amap.directory_address.into(),
    }
}

fn entry(
    rules: &DirectoryRules,
    caller: &Caller<'_>,
    user: &app_user::Model,
    active: bool,
) -> DirectoryEntry {
    let me = user.id == caller.user.id;
    let shows = |field| rules.shows(caller.grants, field, me);
    let phones = [user.phone1.clone(), user.phone2.clone()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let address = Address {
        street: user.address.clone(),
        postcode: user.postcode.clone(),
        town: user.town.clone(),
    };
    DirectoryEntry {
        id: UserId(user.id),
        first_name: user.first_name.clone(),
        last_name: user.last_name.clone(),
        email: shows(ContactField::Email).then(|| user.email.clone()),
        phones: if shows(ContactField::Phone) {
            phones
        } else {
            Vec::new()
        },
        address: (shows(ContactField::Address) && !address.is_empty()).then_some(address),
        me,
        active,
    }
}

/// The members of `status` (inactive ones only for admins and treasurers), with what the
/// caller may see of each (the server decides: a hidden field never leaves it).
pub async fn list(
    db: &DatabaseConnection,
    cache: &crate::directory_cache::DirectoryCache,
    caller: &Caller<'_>,
    status: MemberStatus,
) -> AppResult<DirectoryView> {
    caller.require(Action::ViewOwnSpace)?;
    let may_manage = caller.grants.decide(Action::ListMembers) == Decision::Allowed;
    if status != MemberStatus::Active {
        caller.require(Action::ListMembers)?;
    }
    let rules = rules_of(caller.amap);
    let people = cache.people(db, caller.amap.id).await?;
    let entries = people
        .iter()
        .filter(|(membership, _)| status.includes(membership.active))
        .map(|(membership, user)| entry(&rules, caller, user, membership.active))
        .collect();
    Ok(DirectoryView {
        entries,
        rules,
        may_manage,
    })
}

/// One's own phones and address, as stored.
pub fn contact_of(user: &app_user::Model) -> ContactForm {
    ContactForm {
        phone1: user.phone1.clone(),
        phone2: user.phone2.clone(),
        address: user.address.clone(),
        postcode: user.postcode.clone(),
        town: user.town.clone(),
    }
}

/// Saves one's phones and address (normalised: "06 12 34 56 78").
pub async fn set_contact(
    db: &DatabaseConnection,
    user: &app_user::Model,
    contact: &Contact,
) -> AppResult<ContactForm> {
    repo::users::set_contact(
        db,
        user.id,
        repo::users::ContactRow {
            phone1: contact.phone1.as_str(),
            phone2: contact.phone2.as_str(),
            address: &contact.address.street,
            postcode: &contact.address.postcode,
            town: &contact.address.town,
        },
    )
    .await?;
    let stored = repo::users::find(db, UserId(user.id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(contact_of(&stored))
}
