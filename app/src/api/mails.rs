//! The admins' mail page: every mail the AMAP sent or is sending, its state, and the SMTP
//! server's reason when it failed.

use super::client;
use super::error::ApiError;
use crate::domain::mail::{MailChoices, MailKind, MailState};
use crate::domain::{Problem, ProblemCode, Problems, TemplateId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub fn mails_path(slug: &str) -> String {
    format!("{}/amaps/{slug}/mails", super::BASE)
}

/// `POST` a message here: one mail per recipient.
pub fn send_path(slug: &str) -> String {
    mails_path(slug)
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

/// Who a message from an admin or a référent goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Every active member of the AMAP (admins).
    Everyone,
    /// The active members with a contract on this template (its référents, and up).
    Template(TemplateId),
    /// The active members on duty that day, in any rota period (coordinators and admins).
    OnDuty(NaiveDate),
}

impl Audience {
    /// The form's value: `all`, `template:<id>` or `duty:<YYYY-MM-DD>`.
    pub fn value(self) -> String {
        match self {
            Audience::Everyone => "all".to_owned(),
            Audience::Template(id) => format!("template:{id}"),
            Audience::OnDuty(day) => format!("duty:{day}"),
        }
    }

    pub fn parse(raw: &str) -> Option<Audience> {
        let raw = raw.trim();
        if raw == "all" {
            return Some(Audience::Everyone);
        }
        if let Some(day) = raw.strip_prefix("duty:") {
            return crate::domain::wire::parse_day(day).map(Audience::OnDuty);
        }
        raw.strip_prefix("template:")?
            .parse::<i64>()
            .ok()
            .map(|id| Audience::Template(TemplateId(id)))
    }
}

/// "Écrire aux adhérents": one mail per recipient, answered to its author.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BulkMailForm {
    /// `all` (every active member; admins), `template:<id>` (the members with a contract
    /// on it; its référents and up) or `duty:<YYYY-MM-DD>` (the members on duty that day;
    /// coordinators and admins).
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            example = "template:3",
            pattern = "^(all|template:[0-9]{1,18}|duty:[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))$"
        )
    )]
    pub audience: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 120,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub subject: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, max_length = 20000, pattern = "\\S")
    )]
    pub body: String,
}

/// A message that can be sent.
pub struct BulkMail {
    pub audience: Audience,
    pub subject: String,
    pub body: String,
}

impl BulkMailForm {
    /// The AMAP's name goes before it ("[AMAP du Canal] …"), within the 250 a mail keeps.
    pub const SUBJECT_MAX: u32 = 120;
    pub const BODY_MAX: u32 = 20_000;

    pub fn parse(&self) -> Result<BulkMail, Vec<Problem>> {
        let mut problems = Problems::new();
        let audience = match self.audience.trim() {
            "" => problems.take(Err(Problem::new("audience", ProblemCode::Required))),
            raw => problems.take(
                Audience::parse(raw)
                    .ok_or_else(|| Problem::new("audience", ProblemCode::UnknownValue)),
            ),
        };
        let text = |field: &str, raw: &str, max: u32| {
            let text = raw.trim();
            if text.is_empty() {
                Err(Problem::new(field, ProblemCode::Required))
            } else if text.chars().count() > max as usize {
                Err(Problem::with_limit(field, ProblemCode::TooLong, max))
            } else {
                Ok(text.replace("\r\n", "\n"))
            }
        };
        let subject = problems.take(text("subject", &self.subject, Self::SUBJECT_MAX));
        let body = problems.take(text("body", &self.body, Self::BODY_MAX));
        problems.finish(|| {
            Some(BulkMail {
                audience: audience?,
                subject: subject?,
                body: body?,
            })
        })
    }
}

/// How many mails were queued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BulkMailDone {
    pub queued: u32,
}

pub fn mail_choices_path(slug: &str) -> String {
    format!("{}/amaps/{slug}/me/mail-choices", super::BASE)
}

/// "Mails que je reçois" in one AMAP.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MailChoicesView {
    pub choices: MailChoices,
    /// Delivery sheets concern me here (a référent or a producer's account).
    pub sheets_apply: bool,
}

/// The choices as a form sends them: a ticked box is `on` (or `true`), an unticked one is not
/// sent at all — so every choice is given each time (`PUT` replaces).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MailChoicesForm {
    #[serde(default, deserialize_with = "super::form::checkbox")]
    pub openings: bool,
    #[serde(default, deserialize_with = "super::form::checkbox")]
    pub confirmations: bool,
    #[serde(default, deserialize_with = "super::form::checkbox")]
    pub delivery_sheets: bool,
}

impl MailChoicesForm {
    pub fn choices(&self) -> MailChoices {
        MailChoices {
            openings: self.openings,
            confirmations: self.confirmations,
            delivery_sheets: self.delivery_sheets,
        }
    }
}

pub async fn mail_choices(slug: String) -> Result<MailChoicesView, ApiError> {
    client::get(mail_choices_path(&slug)).await
}

pub fn mail_server_path(slug: &str) -> String {
    format!("{}/amaps/{slug}/mail-server", super::BASE)
}

/// The AMAP's own SMTP server, as its admins see it: the password is never sent back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MailServerView {
    /// The AMAP sends through its own server (else through the deployment's, if any).
    pub own_server: bool,
    /// Its URL with the password replaced by `••••` (sent back unchanged, it keeps the
    /// password); empty without an own server.
    pub smtp_url: String,
    pub mail_from: String,
    pub mail_reply_to: String,
    /// The deployment itself has a server (the AMAP's mails go out without its own).
    pub deployment_sends: bool,
}

/// An admin sets the AMAP's own server; an empty `smtp_url` goes back to the deployment's.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MailServerForm {
    /// `smtp://user:password@host:587?tls=required`, `smtps://user:password@host:465` or
    /// `smtp://host:25`; empty: none.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 500,
            pattern = "^(smtps?://([A-Za-z0-9._~!$&'()*+,;=-]+(:[A-Za-z0-9._~!$&'()*+,;=•-]*)?@)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?/?(\\?tls=(required|opportunistic))?)?$"
        )
    )]
    pub smtp_url: String,
    /// `Name <address>` or an address; empty: the deployment's sender.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 320,
            pattern = "^([A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}|[A-Za-zÀ-ÖØ-öø-ÿ0-9'-]+( [A-Za-zÀ-ÖØ-öø-ÿ0-9'-]+)* <[A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}>)?$"
        )
    )]
    pub mail_from: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 320,
            pattern = "^([A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}|[A-Za-zÀ-ÖØ-öø-ÿ0-9'-]+( [A-Za-zÀ-ÖØ-öø-ÿ0-9'-]+)* <[A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}>)?$"
        )
    )]
    pub mail_reply_to: String,
}

pub async fn mail_server(slug: String) -> Result<MailServerView, ApiError> {
    client::get(mail_server_path(&slug)).await
}
