use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "cheque_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub template_id: i64,
    pub subscription_id: Option<i64>,
    pub cheque_id: Option<i64>,
    pub member_user_id: Option<i64>,
    pub actor_user_id: i64,
    pub at: DateTimeUtc,
    pub action: super::stored::ChequeEvent,
    pub from_state: Option<super::stored::ChequeState>,
    pub to_state: Option<super::stored::ChequeState>,
    pub payment_date: Option<Date>,
    pub amount_cents: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
