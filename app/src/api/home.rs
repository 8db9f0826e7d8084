//! The member's home page in one AMAP.

use super::amaps::{AmapView, amap_path};
use super::auth::UserView;
use super::client;
use super::error::ApiError;
use super::members::RolesView;
use crate::domain::ProducerId;
use crate::domain::access::RoleLevel;
use serde::{Deserialize, Serialize};

/// Who the member is here. The page's four sections ("Mes contrats, mes livraisons,
/// mes paiements, mes permanences") gain their lists as those features land.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HomeView {
    pub amap: AmapView,
    pub me: UserView,
    pub level: RoleLevel,
    pub roles: RolesView,
    /// The producers whose catalogue and templates I manage (the server's decision).
    pub manages: Vec<ProducerId>,
    /// Contract management opens to me (référent of some producer, treasurer, admin).
    pub may_manage_templates: bool,
    /// The members' list and roles open to me (treasurer, admin).
    pub may_list_members: bool,
}

pub async fn member_home(slug: String) -> Result<HomeView, ApiError> {
    client::get(format!("{}/home", amap_path(&slug))).await
}
