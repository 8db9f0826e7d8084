//! The admins' mail page: every mail the AMAP sent or is sending, its state, and the SMTP
//! server's reason when it failed.

use super::client;
use super::error::ApiError;
use crate::domain::mail::{MailKind, MailState};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub fn mails_path(slug: &str) -> String {
    format!("{}/amaps/{slug}/mails", super::BASE)
}

pub fn retry_path(slug: &str, mail: i64) -> String {
    format!("{}/{mail}/retry", mails_path(slug))
}

/// One mail of the outbox, as admins read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MailView {
    pub id: i64,
    pub kind: MailKind,
    pub recipient: String,
    pub subject: String,
    /// The plain-text part (what the HTML part says too).
    pub text: String,
    pub state: MailState,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// Failed (or held, once SMTP is configured): an admin may queue it again.
    pub may_retry: bool,
}

/// A page of the AMAP's mails, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MailsPage {
    pub mails: Vec<MailView>,
    pub total: u64,
    /// Whether an SMTP server is configured (otherwise mails are held, readable here).
    pub sends: bool,
    /// The AMAP's time zone, in which the page shows each mail's times.
    pub time_zone: String,
}

pub async fn mails(slug: String) -> Result<MailsPage, ApiError> {
    client::get(mails_path(&slug)).await
}
