use super::stored::Enrolment;
use sea_orm::entity::prelude::*;

/// A membership period of one AMAP (a season): dates, minimum and suggested amounts.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "adhesion_period")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub name: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub minimum_cents: i64,
    pub suggested_cents: i64,
    pub enrolment: Enrolment,
    pub payment_text: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
