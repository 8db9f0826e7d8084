use sea_orm::entity::prelude::*;

/// One place on one date; `user_id` holds it (NULL: free). `exclusive_key` is set with
/// `user_id` and unique per (date, user): the period's rule as a constraint.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "duty_place")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub period_id: i64,
    pub date_id: i64,
    pub role_id: i64,
    pub position: i32,
    pub user_id: Option<i64>,
    pub exclusive_key: Option<String>,
    /// The automatic assignment's proposal, seen by coordinators until published.
    pub proposed_user_id: Option<i64>,
    pub taken_at: Option<DateTimeUtc>,
    pub reminded_at: Option<DateTimeUtc>,
    /// The holder offers the duty to a stand-in since then (NULL: not offered).
    pub offered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
