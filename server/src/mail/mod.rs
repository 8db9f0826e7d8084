//! E-mail through a durable outbox.
//!
//! A service that causes a mail writes it into `outbox_mail` with [`outbox::enqueue`], in its
//! own transaction: if the event is rolled back, so is the mail; once it commits, the mail
//! survives any crash. The [`worker`] sends queued mails over SMTP (lettre), one at a time,
//! retrying passing failures with a growing wait ([`app::domain::mail::retry_delay`]) and
//! giving up on permanent ones with the server's reason. Without an SMTP server configured
//! (the default), mails are kept as `held`, readable on the admins' mail page.

pub mod compose;
pub mod outbox;
pub mod sheets;
pub mod worker;

use crate::config::Config;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use std::sync::Arc;
use tokio::sync::Notify;

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
    wake: Arc<Notify>,
}

impl Mailer {
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        let transport = match config.smtp_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("AMAPOLA_SMTP_URL: {e}"))?
                    .timeout(Some(std::time::Duration::from_secs(30)))
                    .build(),
            ),
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
            wake: Arc::new(Notify::new()),
        })
    }

    /// Whether mails are sent (an SMTP server is configured) or held.
    pub fn sends(&self) -> bool {
        self.transport.is_some()
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
