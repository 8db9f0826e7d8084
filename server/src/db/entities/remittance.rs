use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "remittance")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub template_id: i64,
    pub payment_date: Date,
    pub handed_on: Date,
    pub total_cents: i64,
    pub cheque_count: i32,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
