//! Producers of an AMAP and who refers them.

use super::amaps::amap_path;
use super::client;
use super::error::ApiError;
use crate::domain::{ProducerId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProducerRef {
    pub id: ProducerId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PersonRef {
    pub id: UserId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProducerView {
    pub id: ProducerId,
    pub name: String,
    pub description: String,
    /// In order: the first one collects the cheques.
    pub referents: Vec<PersonRef>,
}

pub async fn list(slug: String) -> Result<Vec<ProducerView>, ApiError> {
    client::get(format!("{}/producers", amap_path(&slug))).await
}
