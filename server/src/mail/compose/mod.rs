//! The words of each mail, in the recipient's language (the same translation files as the
//! pages), as a plain-text part and an HTML part saying the same thing.

use app::i18n::{Locale, td_string};

mod rota;

pub use rota::*;

/// A mail's subject and its two bodies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A mail as its parts: a greeting, paragraphs, at most one link to follow, a signature.
struct Letter {
    subject: String,
    greeting: String,
    paragraphs: Vec<String>,
    action: Option<(String, String)>,
    after: Vec<String>,
    signature: String,
    /// A table after the paragraphs (a planning): its HTML, already escaped, and the same
    /// as lines of text for the text part.
    table: Option<(String, String)>,
}

impl Letter {
    fn compose(self) -> Composed {
        let mut text = vec![self.greeting.clone()];
        text.extend(self.paragraphs.iter().cloned());
        if let Some((_, lines)) = &self.table {
            text.push(lines.clone());
        }
        if let Some((label, url)) = &self.action {
            text.push(format!("{label} :\n{url}"));
        }
        text.extend(self.after.iter().cloned());
        text.push(self.signature.clone());

        let mut html = String::from(
            "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5;max-width:36em\">",
        );
        let paragraph = |html: &mut String, words: &str| {
            html.push_str("<p>");
            html.push_str(&escape(words).replace('\n', "<br>"));
            html.push_str("</p>");
        };
        paragraph(&mut html, &self.greeting);
        for p in &self.paragraphs {
            paragraph(&mut html, p);
        }
        if let Some((table, _)) = &self.table {
            html.push_str(table);
        }
        if let Some((label, url)) = &self.action {
            html.push_str(&format!(
                "<p><a href=\"{url}\" style=\"display:inline-block;padding:.6em 1.2em;background:#2e6b30;color:#fff;border-radius:4px;text-decoration:none\">{label}</a></p><p style=\"font-size:.85em;color:#555\">{url}</p>",
                url = escape(url),
                label = escape(label),
            ));
        }
        for p in &self.after {
            paragraph(&mut html, p);
        }
        paragraph(&mut html, &self.signature);
        html.push_str("</body></html>");
        Composed {
            subject: self.subject,
            text: text.join("\n\n") + "\n",
            html,
        }
    }
}

/// HTML text escaping (names and AMAP names are free text).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// "Choose your password": a new member's invitation to `amap`.
pub fn invitation(
    locale: Locale,
    first_name: &str,
    amap: &str,
    email: &str,
    link: &str,
) -> Composed {
    Letter {
        subject: td_string!(locale, mail.invitation_subject, amap = amap).to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs: vec![td_string!(locale, mail.invitation_body, amap = amap).to_string()],
        action: Some((
            td_string!(locale, mail.invitation_action).to_string(),
            link.to_owned(),
        )),
        after: vec![td_string!(locale, mail.invitation_login, email = email).to_string()],
        signature: td_string!(locale, mail.signature, amap = amap).to_string(),
        table: None,
    }
    .compose()
}

/// "Choose a new password", after a request on the login page.
pub fn password_reset(locale: Locale, first_name: &str, link: &str) -> Composed {
    let amapola = td_string!(locale, app_name).to_string();
    Letter {
        subject: td_string!(locale, mail.reset_subject).to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs: vec![td_string!(locale, mail.reset_body).to_string()],
        action: Some((
            td_string!(locale, mail.reset_action).to_string(),
            link.to_owned(),
        )),
        after: vec![td_string!(locale, mail.reset_ignore).to_string()],
        signature: td_string!(locale, mail.signature, amap = amapola).to_string(),
        table: None,
    }
    .compose()
}

/// "Confirm your new address", sent to that address.
pub fn email_change(locale: Locale, first_name: &str, new_email: &str, link: &str) -> Composed {
    let amapola = td_string!(locale, app_name).to_string();
    Letter {
        subject: td_string!(locale, mail.email_change_subject).to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs: vec![td_string!(locale, mail.email_change_body, email = new_email).to_string()],
        action: Some((
            td_string!(locale, mail.email_change_action).to_string(),
            link.to_owned(),
        )),
        after: vec![td_string!(locale, mail.email_change_ignore).to_string()],
        signature: td_string!(locale, mail.signature, amap = amapola).to_string(),
        table: None,
    }
    .compose()
}

/// "Your address changed", sent to the old address once the new one is confirmed (a hijack
/// does not go unnoticed).
pub fn email_changed(locale: Locale, first_name: &str, new_email: &str) -> Composed {
    let amapola = td_string!(locale, app_name).to_string();
    Letter {
        subject: td_string!(locale, mail.email_changed_subject).to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs: vec![
            td_string!(locale, mail.email_changed_body, email = new_email).to_string(),
        ],
        action: None,
        after: Vec::new(),
        signature: td_string!(locale, mail.signature, amap = amapola).to_string(),
        table: None,
    }
    .compose()
}

/// What a saved contract says to its member: the deliveries and the cheques to write.
pub struct ContractSummary<'a> {
    pub amap: &'a str,
    pub template: &'a str,
    pub producer: &'a str,
    /// One line per delivery date ("jeudi 5 mars 2026 : 2 × Panier (15,00 €)").
    pub deliveries: Vec<String>,
    pub total: app::domain::Money,
    pub payee: &'a str,
    /// Each cheque's amount and the date it is cashed from, in date order.
    pub cheques: Vec<(chrono::NaiveDate, app::domain::Money)>,
    pub by_referent: bool,
    pub link: String,
}

/// "Contrat enregistré", after a sign-up or a change.
pub fn contract_saved(locale: Locale, first_name: &str, c: ContractSummary<'_>) -> Composed {
    use app::ui::kit::format::short_date;
    let count = c.deliveries.len();
    let mut paragraphs = vec![
        td_string!(
            locale,
            mail.contract_body,
            template = c.template,
            producer = c.producer,
            count = count,
            total = c.total.to_string()
        )
        .to_string(),
    ];
    if c.by_referent {
        paragraphs.push(td_string!(locale, mail.contract_by_referent).to_string());
    }
    let mut deliveries = vec![td_string!(locale, mail.contract_deliveries).to_string()];
    deliveries.extend(c.deliveries.iter().map(|l| format!("• {l}")));
    paragraphs.push(deliveries.join("\n"));
    if c.cheques.is_empty() {
        paragraphs.push(td_string!(locale, mail.contract_no_cheque).to_string());
    } else {
        let mut cheques =
            vec![td_string!(locale, mail.contract_cheques, payee = c.payee).to_string()];
        cheques.extend(c.cheques.iter().map(|(date, amount)| {
            let line = td_string!(
                locale,
                mail.contract_cheque_line,
                amount = amount.to_string(),
                date = short_date(locale, *date)
            );
            format!("• {line}")
        }));
        paragraphs.push(cheques.join("\n"));
    }
    Letter {
        subject: td_string!(
            locale,
            mail.contract_subject,
            amap = c.amap,
            template = c.template
        )
        .to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs,
        action: Some((td_string!(locale, mail.contract_action).to_string(), c.link)),
        after: Vec::new(),
        signature: td_string!(locale, mail.signature, amap = c.amap).to_string(),
        table: None,
    }
    .compose()
}

/// A message an admin or a référent writes to members: their words as they wrote them,
/// signed, with why the recipient gets it.
pub fn message(locale: Locale, amap: &str, author: &str, subject: &str, body: &str) -> Composed {
    // A subject is one line whatever was pasted into it.
    let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
    let signature = format!("— {author}, {amap}");
    let footer = td_string!(locale, mail.bulk_footer, amap = amap, author = author).to_string();
    let text = format!("{body}\n\n{signature}\n\n{footer}\n");
    let mut html = String::from(
        "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5;max-width:36em\">",
    );
    for paragraph in body.split("\n\n") {
        html.push_str("<p>");
        html.push_str(&escape(paragraph).replace('\n', "<br>"));
        html.push_str("</p>");
    }
    html.push_str(&format!(
        "<p>{}</p><p style=\"font-size:.85em;color:#555\">{}</p></body></html>",
        escape(&signature),
        escape(&footer)
    ));
    Composed {
        subject: format!("[{amap}] {subject}"),
        text,
        html,
    }
}

/// A contract just published: what it is, when it delivers, until when to sign up.
pub struct Opening<'a> {
    pub amap: &'a str,
    pub template: &'a str,
    pub producer: &'a str,
    pub deadline: chrono::NaiveDate,
    pub first: chrono::NaiveDate,
    pub last: chrono::NaiveDate,
    pub link: String,
}

/// "Nouveau contrat", to every active member when a template is published.
pub fn contract_opened(locale: Locale, first_name: &str, o: &Opening<'_>) -> Composed {
    use app::ui::kit::format::short_date;
    Letter {
        subject: td_string!(
            locale,
            mail.opened_subject,
            amap = o.amap,
            template = o.template
        )
        .to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs: vec![
            td_string!(
                locale,
                mail.opened_body,
                template = o.template,
                producer = o.producer
            )
            .to_string(),
            td_string!(
                locale,
                mail.opened_dates,
                first = short_date(locale, o.first),
                last = short_date(locale, o.last),
                deadline = short_date(locale, o.deadline)
            )
            .to_string(),
        ],
        action: Some((
            td_string!(locale, mail.opened_action).to_string(),
            o.link.clone(),
        )),
        after: Vec::new(),
        signature: td_string!(locale, mail.signature, amap = o.amap).to_string(),
        table: None,
    }
    .compose()
}

/// The producer's delivery sheet, N days before a distribution: the totals in the mail, the
/// sheet attached.
pub fn delivery_sheet(
    locale: Locale,
    first_name: &str,
    amap: &str,
    sheet: &app::api::contracts::DeliverySheet,
    link: String,
) -> Composed {
    use app::ui::kit::format::short_date;
    let date = short_date(locale, sheet.date);
    let template = sheet.template.name.as_str();
    let mut totals = vec![td_string!(locale, mail.sheet_totals).to_string()];
    totals.extend(
        sheet
            .products
            .iter()
            .zip(&sheet.totals)
            .filter(|(_, n)| **n > 0)
            .map(|(p, n)| format!("• {n} × {}", p.name)),
    );
    Letter {
        subject: td_string!(
            locale,
            mail.sheet_subject,
            amap = amap,
            date = date.clone(),
            template = template
        )
        .to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs: vec![
            td_string!(
                locale,
                mail.sheet_body,
                amap = amap,
                date = date,
                template = template,
                count = sheet.rows.len(),
                amount = sheet.amount.to_string()
            )
            .to_string(),
            totals.join("\n"),
            td_string!(locale, mail.sheet_attached).to_string(),
        ],
        action: Some((td_string!(locale, mail.sheet_action).to_string(), link)),
        after: Vec::new(),
        signature: td_string!(locale, mail.signature, amap = amap).to_string(),
        table: None,
    }
    .compose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_parts_say_the_same_and_html_is_escaped() {
        let mail = invitation(
            Locale::fr,
            "Zoé",
            "AMAP <Les Pousses>",
            "zoe@example.org",
            "http://localhost/mot-de-passe?jeton=abc&x=1",
        );
        assert!(mail.subject.contains("AMAP <Les Pousses>"));
        assert!(mail.text.contains("Bonjour Zoé"));
        assert!(
            mail.text
                .contains("http://localhost/mot-de-passe?jeton=abc&x=1")
        );
        assert!(mail.html.contains("AMAP &lt;Les Pousses&gt;"));
        assert!(mail.html.contains("jeton=abc&amp;x=1"));
        assert!(!mail.html.contains("<Les Pousses>"));
        let english = password_reset(Locale::en, "Zoe", "http://x/y");
        assert!(english.text.starts_with("Hello Zoe"));
    }
}
