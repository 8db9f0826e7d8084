//! The mails the test command's SMTP sink received (`.ci/smtp-sink`: a real SMTP server that
//! writes each accepted message to a folder). Tests find their own mails by `Message-ID`,
//! which the outbox fixes when it queues a mail, so parallel tests never read each other's.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use server::db::entities::outbox_mail;
use std::path::PathBuf;
use std::time::Duration;

/// The sink's URL, when the test command started it. Without it, mails stay `held` and the
/// tests that read mails fail with [`folder`]'s message rather than pass without mail.
pub fn smtp_url() -> Option<String> {
    std::env::var("AMAPOLA_TEST_SMTP_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

fn folder() -> PathBuf {
    std::env::var_os("AMAPOLA_TEST_MAILDIR")
        .map(PathBuf::from)
        .expect(
            "no SMTP sink: run the tests with `make test`, or start `.ci/smtp-sink` and export \
             the AMAPOLA_TEST_SMTP_URL and AMAPOLA_TEST_MAILDIR it prints",
        )
}

/// One received mail, decoded.
pub struct Received {
    pub to: String,
    pub from: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Attached files: name and bytes.
    pub attachments: Vec<(String, Vec<u8>)>,
}

/// Every leaf part of a MIME tree (a mail with an attachment nests its text and HTML).
fn leaves<'a>(part: &'a mailparse::ParsedMail<'a>, out: &mut Vec<&'a mailparse::ParsedMail<'a>>) {
    if part.subparts.is_empty() {
        out.push(part);
    }
    for sub in &part.subparts {
        leaves(sub, out);
    }
}

fn decode(raw: &[u8]) -> Received {
    let mail = mailparse::parse_mail(raw).expect("a MIME message");
    let header = |name: &str| {
        mailparse::MailHeaderMap::get_first_value(&mail.headers[..], name).unwrap_or_default()
    };
    let mut parts = Vec::new();
    leaves(&mail, &mut parts);
    let part = |kind: &str| {
        parts
            .iter()
            .find(|p| p.ctype.mimetype == kind)
            .and_then(|p| p.get_body().ok())
            .unwrap_or_default()
    };
    let attachments = parts
        .iter()
        .filter_map(|p| {
            let disposition = p.get_content_disposition();
            let name = disposition.params.get("filename")?.clone();
            Some((name, p.get_body_raw().ok()?))
        })
        .collect();
    Received {
        to: header("To"),
        from: header("From"),
        subject: header("Subject"),
        text: part("text/plain"),
        html: part("text/html"),
        attachments,
    }
}

/// How many copies of each of `ids` arrived so far (the folder is read once).
pub fn counts(ids: &[String]) -> std::collections::HashMap<String, usize> {
    let wanted: std::collections::HashMap<String, &String> =
        ids.iter().map(|id| (id.to_ascii_lowercase(), id)).collect();
    let mut counts = std::collections::HashMap::new();
    let Ok(entries) = std::fs::read_dir(folder()) else {
        return counts;
    };
    for raw in entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".eml"))
        .filter_map(|e| std::fs::read(e.path()).ok())
    {
        let text = String::from_utf8_lossy(&raw).to_ascii_lowercase();
        let id = text
            .lines()
            .find_map(|l| l.strip_prefix("message-id: "))
            .map(str::trim);
        if let Some(original) = id.and_then(|id| wanted.get(id)) {
            *counts.entry((*original).clone()).or_insert(0) += 1;
        }
    }
    counts
}

/// Every copy of the mail `message_id` that arrived so far.
pub fn copies(message_id: &str) -> Vec<Received> {
    let needle = format!("Message-ID: {message_id}").to_ascii_lowercase();
    let Ok(entries) = std::fs::read_dir(folder()) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".eml"))
        .filter_map(|e| std::fs::read(e.path()).ok())
        .filter(|raw| {
            String::from_utf8_lossy(raw)
                .to_ascii_lowercase()
                .contains(&needle)
        })
        .map(|raw| decode(&raw))
        .collect()
}

/// Waits (up to 30 s) for the mail `message_id` to arrive, and returns it.
pub async fn arrival(message_id: &str) -> Received {
    folder();
    for _ in 0..300 {
        if let Some(mail) = copies(message_id).into_iter().next() {
            return mail;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("mail {message_id} never reached the SMTP sink");
}

/// The outbox rows of `app` sent to `recipient`, oldest first.
pub async fn queued_to(app: &crate::helpers::TestApp, recipient: &str) -> Vec<outbox_mail::Model> {
    outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Recipient.eq(recipient))
        .order_by_asc(outbox_mail::Column::Id)
        .all(&app.state.db)
        .await
        .expect("outbox")
}

/// The one mail of `app` to `recipient` (it must be the only one), once it has arrived.
pub async fn only_mail_to(app: &crate::helpers::TestApp, recipient: &str) -> Received {
    let rows = queued_to(app, recipient).await;
    assert_eq!(rows.len(), 1, "mails to {recipient}: {rows:?}");
    arrival(&rows[0].message_id).await
}

/// The path and query of the first link to this server in a mail's text (`/mot-de-passe?…`).
pub fn link_in(text: &str, base: &str) -> String {
    let start = text.find(base).expect("a link to the server") + base.len();
    text[start..]
        .split_whitespace()
        .next()
        .expect("link")
        .to_owned()
}
