use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "producer")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub name: String,
    pub description: String,
    /// "Délai de prévenance", in days.
    pub notice_days: i32,
    pub active: bool,
    /// Its producer accounts may receive and remit its cheques.
    pub handles_cheques: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
