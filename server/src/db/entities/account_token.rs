use sea_orm::entity::prelude::*;

/// A single-use account link (invitation, password reset, e-mail change). Only the SHA-256
/// of the secret is kept: a leaked database opens no account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account_token")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub purpose: super::stored::TokenPurpose,
    #[sea_orm(unique)]
    pub token_hash: String,
    /// For an e-mail change: the address to confirm.
    pub new_email: Option<String>,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
