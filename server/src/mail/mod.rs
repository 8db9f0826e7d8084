//! E-mail through a durable outbox.
//!
//! A service that causes a mail writes it into `outbox_mail` with [`outbox::enqueue`], in its
//! own transaction: if the event is rolled back, so is the mail; once it commits, the mail
//! survives any crash. The [`worker`] sends queued mails over SMTP (lettre), one at a time,
//! retrying passing failures with a growing wait ([`app::domain::mail::retry_delay`]) and
//! giving up on permanent ones with the server's reason. Without an SMTP server configured
//! (the default), mails are kept as `held`, readable on the admins' mail page.

pub mod compose;
pub mod duty_reminders;
pub mod outbox;
pub mod sheets;
pub mod worker;

use crate::config::Config;
use app::domain::AmapId;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::Notify;

type Transport = AsyncSmtpTransport<Tokio1Executor>;

/// An AMAP's own SMTP server, sender and reply-to (AmapJ let each instance choose its mail
/// server; here one deployment serves many AMAPs, each may bring its own).
#[derive(Clone)]
pub struct OwnServer {
    transport: Transport,
    pub from: Option<Mailbox>,
    pub reply_to: Option<Mailbox>,
}

impl OwnServer {
    /// Reads an AMAP's settings; each refusal names its field.
    pub fn parse(
        smtp_url: &str,
        from: Option<&str>,
        reply_to: Option<&str>,
    ) -> Result<Self, Vec<(&'static str, String)>> {
        let mut problems = Vec::new();
        let transport = match transport(smtp_url) {
            Ok(t) => Some(t),
            Err(e) => {
                problems.push(("smtp_url", e));
                None
            }
        };
        let mut mailbox = |field: &'static str, raw: Option<&str>| match raw.map(str::trim) {
            None | Some("") => None,
            Some(raw) => match raw.parse::<Mailbox>() {
                Ok(m) => Some(m),
                Err(e) => {
                    problems.push((field, e.to_string()));
                    None
                }
            },
        };
        let from = mailbox("mail_from", from);
        let reply_to = mailbox("mail_reply_to", reply_to);
        match transport {
            Some(transport) if problems.is_empty() => Ok(Self {
                transport,
                from,
                reply_to,
            }),
            _ => Err(problems),
        }
    }
}

/// An SMTP URL as admins may read it back: `smtp://user:••••@host:587`.
pub fn masked(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://")
        && let Some((credentials, host)) = rest.rsplit_once('@')
        && let Some((user, _)) = credentials.split_once(':')
    {
        return format!("{scheme}://{user}:••••@{host}");
    }
    url.to_owned()
}

fn transport(url: &str) -> Result<Transport, String> {
    Ok(Transport::from_url(url.trim())
        .map_err(|e| e.to_string())?
        .timeout(Some(std::time::Duration::from_secs(30)))
        .build())
}

/// Who sends one mail: the transport, the sender, the reply-to when no person wrote it.
pub struct Sender {
    pub transport: Transport,
    pub from: Mailbox,
    pub reply_to: Option<Mailbox>,
}

/// The mail side of the application state: cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    /// `None`: no SMTP server configured, mails are held.
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    pub from: Mailbox,
    pub reply_to: Option<Mailbox>,
    /// Where links in mails point (`https://amap.example.org`, no trailing slash).
    pub public_url: String,
    /// Mails one AMAP may send per 24 hours (AmapJ: `sendingMailNbMax`).
    pub daily_quota: u32,
    /// AMAPs with their own server (`amap_mail_server`), loaded at start and replaced when an
    /// admin saves them.
    own: Arc<RwLock<HashMap<i64, Arc<OwnServer>>>>,
    wake: Arc<Notify>,
}

impl Mailer {
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        let transport = match config.smtp_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(url) => {
                Some(transport(url).map_err(|e| anyhow::anyhow!("AMAPOLA_SMTP_URL: {e}"))?)
            }
        };
        let from = config
            .mail_from
            .parse()
            .map_err(|e| anyhow::anyhow!("AMAPOLA_MAIL_FROM: {e}"))?;
        let reply_to = match config.mail_reply_to.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(
                raw.parse()
                    .map_err(|e| anyhow::anyhow!("AMAPOLA_MAIL_REPLY_TO: {e}"))?,
            ),
        };
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", config.addr))
            .trim_end_matches('/')
            .to_owned();
        Ok(Self {
            transport,
            from,
            reply_to,
            public_url,
            daily_quota: config.mail_daily_quota,
            own: Arc::default(),
            wake: Arc::new(Notify::new()),
        })
    }

    /// Whether an AMAP's mails are sent (its own server, else the deployment's) or held.
    pub fn sends(&self, amap: Option<AmapId>) -> bool {
        self.transport.is_some() || amap.is_some_and(|a| self.own_server(a.0).is_some())
    }

    fn own_server(&self, amap: i64) -> Option<Arc<OwnServer>> {
        self.own
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&amap)
            .cloned()
    }

    /// Uses (or, with `None`, stops using) an AMAP's own server from now on.
    pub fn set_own_server(&self, amap: i64, server: Option<OwnServer>) {
        let mut own = self
            .own
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match server {
            Some(server) => own.insert(amap, Arc::new(server)),
            None => own.remove(&amap),
        };
    }

    /// Who sends an AMAP's mail: its own server, else the deployment's; `None` without any.
    pub fn sender(&self, amap: Option<i64>) -> Option<Sender> {
        match amap.and_then(|a| self.own_server(a)) {
            Some(own) => Some(Sender {
                transport: own.transport.clone(),
                from: own.from.clone().unwrap_or_else(|| self.from.clone()),
                reply_to: own.reply_to.clone().or_else(|| self.reply_to.clone()),
            }),
            None => self.transport.clone().map(|transport| Sender {
                transport,
                from: self.from.clone(),
                reply_to: self.reply_to.clone(),
            }),
        }
    }

    /// Reads every AMAP's own server at start. One that no longer reads (a setting written
    /// by a newer version, say) is skipped with a warning: its mails use the deployment's.
    pub async fn load_own_servers(
        &self,
        db: &impl sea_orm::ConnectionTrait,
    ) -> Result<(), sea_orm::DbErr> {
        use sea_orm::EntityTrait;
        for row in crate::db::entities::amap_mail_server::Entity::find()
            .all(db)
            .await?
        {
            match OwnServer::parse(
                &row.smtp_url,
                row.mail_from.as_deref(),
                row.mail_reply_to.as_deref(),
            ) {
                Ok(server) => self.set_own_server(row.amap_id, Some(server)),
                Err(_) => tracing::warn!(
                    amap = row.amap_id,
                    "outbox: unreadable mail server setting skipped"
                ),
            }
        }
        Ok(())
    }

    /// Tells the worker that mails were committed (it also looks every few seconds).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// An absolute link to a page of this deployment.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }
}
