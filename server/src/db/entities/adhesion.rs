use super::stored::{AdhesionState, PaymentKind};
use sea_orm::entity::prelude::*;

/// One member's membership of one period (at most one per member and period).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "adhesion")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub period_id: i64,
    pub user_id: i64,
    pub amount_cents: i64,
    pub state: AdhesionState,
    pub payment_kind: Option<PaymentKind>,
    pub received_on: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
