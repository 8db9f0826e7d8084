//! What the caller holds here, as the domain's access rules read it (`domain::access`):
//! menus and pages show exactly the screens those rules open.

use crate::api::home::HomeView;
use crate::domain::access::{Grants, RoleLevel};

/// What the caller holds here, as the access rules read it.
pub fn grants_of(home: &HomeView) -> Grants {
    Grants {
        operator: false,
        member: true,
        admin: home.roles.admin || home.level == RoleLevel::Admin,
        treasurer: home.roles.treasurer,
        referent_of: home.roles.referent_of.iter().map(|p| p.id).collect(),
        producer_of: home.roles.producer_of.iter().map(|p| p.id).collect(),
        // Known per producer page (`ProducerDetail::handles_cheques`), not from the home view.
        cheque_desk_of: Vec::new(),
    }
}
