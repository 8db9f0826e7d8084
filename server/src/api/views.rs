//! Entities → wire views. The only place database rows become what clients see.

use crate::db::entities::{amap, app_user, membership, producer};
use app::api::amaps::AmapView;
use app::api::auth::UserView;
use app::api::members::{MemberView, RolesView};
use app::api::producers::ProducerRef;
use app::domain::{ProducerId, UserId};

pub fn amap(model: &amap::Model) -> AmapView {
    AmapView {
        slug: model.slug.clone(),
        name: model.name.clone(),
        city: model.city.clone(),
        time_zone: model.time_zone.clone(),
    }
}

pub fn user(model: &app_user::Model) -> UserView {
    UserView {
        id: UserId(model.id),
        email: model.email.clone(),
        first_name: model.first_name.clone(),
        last_name: model.last_name.clone(),
    }
}

pub fn producer_ref(model: &producer::Model) -> ProducerRef {
    ProducerRef {
        id: ProducerId(model.id),
        name: model.name.clone(),
    }
}

/// A member with roles, given the producers they refer and supply.
pub fn member(
    membership: &membership::Model,
    account: &app_user::Model,
    referent_of: Vec<ProducerRef>,
    producer_of: Vec<ProducerRef>,
) -> MemberView {
    MemberView {
        id: UserId(account.id),
        first_name: account.first_name.clone(),
        last_name: account.last_name.clone(),
        email: account.email.clone(),
        active: membership.active,
        roles: RolesView {
            admin: membership.admin,
            treasurer: membership.treasurer,
            referent_of,
            producer_of,
        },
    }
}
