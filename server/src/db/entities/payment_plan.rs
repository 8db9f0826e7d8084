use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "payment_plan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub template_id: i64,
    pub amap_id: i64,
    /// JSON of the domain's `Strategy`.
    pub strategy: String,
    pub payee: String,
    pub hand_in_by: Option<Date>,
    pub minimum_cents: i64,
    pub collector_user_id: Option<i64>,
    pub message: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
