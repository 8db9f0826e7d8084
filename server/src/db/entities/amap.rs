use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "amap")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub city: String,
    pub time_zone: String,
    /// Suggested yearly membership fee, in cents.
    pub membership_fee_cents: i64,
    /// Where distributions happen, as members should read it (free text, may be empty).
    pub distribution_place: String,
    /// When ("jeudi 18 h 30 – 19 h 30"), free text.
    pub distribution_hours: String,
    /// Who sees members' e-mail addresses, phones and postal addresses in the member list.
    pub directory_email: super::stored::Visibility,
    pub directory_phone: super::stored::Visibility,
    pub directory_address: super::stored::Visibility,
    /// Days before a duty that its reminder leaves (0: none).
    pub duty_reminder_days: i32,
    /// Offers to a stand-in close this many days before the duty.
    pub swap_close_days: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
