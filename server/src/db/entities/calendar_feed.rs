use sea_orm::entity::prelude::*;

/// A member's calendar feed in one AMAP: `token` is the secret part of its address. It is
/// kept readable (the member finds the address again on every visit, as calendar services
/// do); resetting it ends the old address.
#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_feed")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub user_id: i64,
    #[sea_orm(unique)]
    pub token: String,
    pub created_at: DateTimeUtc,
}

/// The token stays out of logs.
impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("calendar_feed::Model")
            .field("id", &self.id)
            .field("amap_id", &self.amap_id)
            .field("user_id", &self.user_id)
            .finish_non_exhaustive()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
