use sea_orm::entity::prelude::*;

/// One mail to send, written in the transaction of the event that causes it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_mail")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `None` for deployment mails that belong to no AMAP (a password reset).
    pub amap_id: Option<i64>,
    pub kind: super::stored::MailKind,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub state: super::stored::MailState,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    /// The SMTP server's answer to the last failed attempt.
    pub last_error: Option<String>,
    /// `<…@…>`, fixed when queued: a mail resent after a crash keeps it.
    #[sea_orm(unique)]
    pub message_id: String,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    /// Whom replies go to when a person wrote the mail (else the deployment's reply-to).
    pub reply_to: Option<String>,
    /// One attached file (the producer's delivery sheet), with its name.
    pub attachment_name: Option<String>,
    pub attachment: Option<Vec<u8>>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
