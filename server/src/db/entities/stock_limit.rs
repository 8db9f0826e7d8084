use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "stock_limit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub producer_id: i64,
    pub template_id: Option<i64>,
    pub product_id: i64,
    pub date: Option<Date>,
    pub available: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
