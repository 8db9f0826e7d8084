use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "cheque")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub template_id: i64,
    pub subscription_id: i64,
    pub payment_date: Date,
    pub amount_cents: i64,
    pub state: super::stored::ChequeState,
    pub bank: String,
    pub number: String,
    pub drawer: String,
    pub comment: String,
    pub remittance_id: Option<i64>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
