//! The member's own space: who I am, my home, my contracts, my deliveries, my cheques.
//! Every page costs a fixed number of queries whatever the number of contracts: the templates
//! a member holds are read together (`repo::templates::load_many`), never one by one.

mod contracts;
pub(crate) mod deliveries;
pub(crate) mod held;
mod payments;
mod summary;

pub use contracts::{my_contracts, save_schedule, sign_up, sign_up_page, withdraw};
pub use deliveries::my_deliveries;
pub use payments::my_payments;
pub use summary::my_summary;

use super::Caller;
use crate::db::entities::app_user;
use crate::error::AppResult;
use crate::repo;
use crate::views;
use app::api::amaps::{MeView, MembershipView};
use app::api::home::HomeView;
use app::api::members::RolesView;
use app::domain::{Action, Grants, ProducerId};
use sea_orm::DatabaseConnection;

/// Who I am and the AMAPs I belong to, with my highest role in each (five queries whatever
/// the number of AMAPs).
pub async fn me(db: &DatabaseConnection, user: &app_user::Model) -> AppResult<MeView> {
    let memberships = repo::amaps::list_active_for_user(db, user.id).await?;
    let refers = repo::producers::referent_links_of_user(db, user.id).await?;
    let supplies = repo::producers::producer_links_of_user(db, user.id).await?;
    let desks = repo::producers::handling_cheques_anywhere(
        db,
        supplies.iter().map(|l| l.producer_id).collect(),
    )
    .await?;
    let producers_in = |amap_id: i64, links: &[(i64, i64)]| -> Vec<ProducerId> {
        links
            .iter()
            .filter(|(amap, _)| *amap == amap_id)
            .map(|(_, p)| ProducerId(*p))
            .collect()
    };
    let refers: Vec<(i64, i64)> = refers.iter().map(|l| (l.amap_id, l.producer_id)).collect();
    let supplies: Vec<(i64, i64)> = supplies
        .iter()
        .map(|l| (l.amap_id, l.producer_id))
        .collect();
    let memberships = memberships
        .into_iter()
        .map(|(membership, amap)| {
            let producer_of = producers_in(amap.id, &supplies);
            let grants = Grants {
                operator: user.operator,
                member: true,
                admin: membership.admin,
                treasurer: membership.treasurer,
                coordinator: membership.coordinator,
                referent_of: producers_in(amap.id, &refers),
                cheque_desk_of: producer_of
                    .iter()
                    .copied()
                    .filter(|p| desks.contains(&p.0))
                    .collect(),
                producer_of,
            };
            MembershipView {
                amap: views::amap(&amap),
                level: grants.level(),
            }
        })
        .collect();
    Ok(MeView {
        user: views::user(user),
        operator: user.operator,
        memberships,
    })
}

/// My home in one AMAP: who I am there and my roles.
pub async fn home(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    admin: bool,
    treasurer: bool,
) -> AppResult<HomeView> {
    caller.require(Action::ViewOwnSpace)?;
    // By name, as the producers list is.
    let producers = repo::producers::list(db, caller.amap.id).await?;
    let named = |ids: &[ProducerId]| {
        producers
            .iter()
            .filter(|p| ids.contains(&ProducerId(p.id)))
            .map(views::producer_ref)
            .collect()
    };
    Ok(HomeView {
        amap: views::amap(caller.amap),
        me: views::user(caller.user),
        level: caller.grants.level(),
        roles: RolesView {
            admin,
            treasurer,
            coordinator: caller.grants.coordinator,
            referent_of: named(&caller.grants.referent_of),
            producer_of: named(&caller.grants.producer_of),
        },
        manages: producers
            .iter()
            .map(|p| ProducerId(p.id))
            .filter(|p| caller.grants.allows(Action::ManageProducer(*p)))
            .collect(),
        may_manage_templates: caller.grants.allows(Action::ManageTemplates),
        may_list_members: caller.grants.allows(Action::ListMembers),
        may_manage_amap: caller.grants.allows(Action::ManageAmap),
        may_manage_adhesions: caller.grants.allows(Action::ManageAdhesions),
        may_manage_rota: caller.grants.allows(Action::ManageRota),
        may_read_sign_in_sheets: caller
            .grants
            .allows(Action::ReadSignInSheet { on_duty: false }),
    })
}

/// "Mails que je reçois" in this AMAP.
pub async fn mail_choices(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
) -> AppResult<app::api::mails::MailChoicesView> {
    caller.require(Action::SignUp)?;
    let membership =
        repo::memberships::find(db, caller.amap.id, app::domain::UserId(caller.user_id()))
            .await?
            .ok_or(crate::error::AppError::NotFound)?;
    Ok(app::api::mails::MailChoicesView {
        choices: repo::memberships::mail_choices(&membership),
        sheets_apply: !caller.grants.referent_of.is_empty()
            || !caller.grants.producer_of.is_empty(),
    })
}

/// Stores which optional mails I receive here.
pub async fn set_mail_choices(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    choices: app::domain::mail::MailChoices,
) -> AppResult<app::api::mails::MailChoicesView> {
    let current = mail_choices(db, caller).await?;
    // Delivery sheets only concern référents and producer accounts: anyone else's form has no
    // such box, and their stored choice stays as it is.
    let choices = app::domain::mail::MailChoices {
        delivery_sheets: if current.sheets_apply {
            choices.delivery_sheets
        } else {
            current.choices.delivery_sheets
        },
        ..choices
    };
    let me = app::domain::UserId(caller.user_id());
    if !repo::memberships::set_mail_choices(db, caller.amap.id, me, choices).await? {
        return Err(crate::error::AppError::NotFound);
    }
    mail_choices(db, caller).await
}
