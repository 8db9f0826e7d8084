use sea_orm::entity::prelude::*;

/// An AMAP's own SMTP server. `smtp_url` carries the password: it is read by the mail layer
/// only and never sent back (the settings page shows it masked).
#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "amap_mail_server")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub amap_id: i64,
    pub smtp_url: String,
    pub mail_from: Option<String>,
    pub mail_reply_to: Option<String>,
    pub updated_at: DateTimeUtc,
}

/// Printed without the URL, which holds the password.
impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("amap_mail_server::Model")
            .field("amap_id", &self.amap_id)
            .field("mail_from", &self.mail_from)
            .finish_non_exhaustive()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
