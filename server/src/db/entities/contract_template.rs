use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "contract_template")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub producer_id: i64,
    pub name: String,
    pub description: String,
    pub nature: super::stored::Nature,
    pub state: super::stored::TemplateState,
    pub deadline: Date,
    pub prepaid_notice_days: i32,
    pub late_joiners: bool,
    pub joker_kind: super::stored::JokerKind,
    pub joker_min: i32,
    pub joker_max: i32,
    pub joker_days: Option<i32>,
    pub stock_shared: bool,
    /// When members were told the template opened (its first publication).
    pub announced_at: Option<DateTimeUtc>,
    /// The membership period a member must have joined before signing up.
    pub adhesion_period_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
