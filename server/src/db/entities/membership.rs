use sea_orm::entity::prelude::*;

/// A person in an AMAP, with the roles stored as flags (référent and producer roles are
/// derived from the producer link tables, as in AmapJ).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "membership")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub amap_id: i64,
    pub user_id: i64,
    pub active: bool,
    pub admin: bool,
    pub treasurer: bool,
    /// Coordinates the duty rota ("permanences").
    pub coordinator: bool,
    /// "Mails que je reçois" (`app::domain::mail::MailChoices`).
    pub mail_openings: bool,
    pub mail_confirmations: bool,
    pub mail_delivery_sheets: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
