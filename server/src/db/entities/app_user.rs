use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "app_user")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Lower-case (see `domain::Email`).
    #[sea_orm(unique)]
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    /// argon2id PHC string; `None` until the person sets a password.
    pub password_hash: Option<String>,
    pub operator: bool,
    /// As typed, normalised (`app::domain::directory::Phone`); empty for none.
    pub phone1: String,
    pub phone2: String,
    pub address: String,
    pub postcode: String,
    pub town: String,
    /// Sessions carry the epoch they were opened in; raising it ends them all.
    pub token_epoch: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
