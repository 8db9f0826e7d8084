use super::stored::{SignUpRule, WindowKind};
use sea_orm::entity::prelude::*;

/// A rota period: its sign-up rule and window (`app::domain::rota`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "duty_period")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub name: String,
    pub description: String,
    pub rule: SignUpRule,
    pub window_kind: WindowKind,
    pub window_until: Option<Date>,
    pub window_days: Option<i32>,
    pub over_quota: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
