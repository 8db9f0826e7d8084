use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_counter")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub pool: String,
    pub product_id: i64,
    pub date: Date,
    pub capacity: i32,
    pub used: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
