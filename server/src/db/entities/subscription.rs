use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "subscription")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub template_id: i64,
    pub user_id: i64,
    pub late: bool,
    pub edited_by_referent: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Credit ("avoir") brought into this contract, in cents.
    pub credit_cents: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
