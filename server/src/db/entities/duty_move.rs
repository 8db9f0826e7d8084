use super::stored::MoveKind;
use sea_orm::entity::prelude::*;

/// One line of a rota period's history.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "duty_move")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub period_id: i64,
    pub place_id: Option<i64>,
    pub day: Date,
    pub role_name: String,
    pub kind: MoveKind,
    pub actor_id: Option<i64>,
    pub from_user_id: Option<i64>,
    pub to_user_id: Option<i64>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
