//! The rota's mails: duties published, a duty offered and taken over, a reminder, the
//! planning of a period.

use super::{Composed, Letter, escape};
use app::i18n::{Locale, td_string};

/// A member's duties in a rota period just published.
pub struct Duties<'a> {
    pub amap: &'a str,
    pub period: &'a str,
    /// (date, role), in date order.
    pub duties: &'a [(chrono::NaiveDate, String)],
    pub link: String,
}

/// "Vos permanences": each date and role the coordinator's publication gave the member.
pub fn duties_assigned(locale: Locale, first_name: &str, d: &Duties<'_>) -> Composed {
    use app::ui::kit::format::long_date;
    let mut paragraphs = vec![td_string!(locale, mail.duties_body, period = d.period).to_string()];
    paragraphs.extend(
        d.duties
            .iter()
            .map(|(day, role)| format!("• {} — {role}", long_date(locale, *day))),
    );
    Letter {
        subject: td_string!(
            locale,
            mail.duties_subject,
            amap = d.amap,
            period = d.period
        )
        .to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs,
        action: Some((
            td_string!(locale, mail.duties_action).to_string(),
            d.link.clone(),
        )),
        after: Vec::new(),
        signature: td_string!(locale, mail.signature, amap = d.amap).to_string(),
        table: None,
    }
    .compose()
}

/// A duty someone offers, as the mail to a possible stand-in tells it.
pub struct Offer<'a> {
    pub amap: &'a str,
    pub period: &'a str,
    pub day: chrono::NaiveDate,
    pub role: &'a str,
    pub from: &'a str,
    pub link: String,
}

/// "Permanence à reprendre": who cannot come, when, in which role; the way to take it over.
pub fn duty_offered(locale: Locale, first_name: &str, o: &Offer<'_>) -> Composed {
    use app::ui::kit::format::long_date;
    let day = long_date(locale, o.day);
    Letter {
        subject: td_string!(locale, mail.offer_subject, amap = o.amap, day = day.clone())
            .to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs: vec![
            td_string!(
                locale,
                mail.offer_body,
                name = o.from,
                day = day,
                role = o.role,
                period = o.period
            )
            .to_string(),
        ],
        action: Some((
            td_string!(locale, mail.offer_action).to_string(),
            o.link.clone(),
        )),
        after: Vec::new(),
        signature: td_string!(locale, mail.signature, amap = o.amap).to_string(),
        table: None,
    }
    .compose()
}

/// An offered duty taken over, as the one who offered it and the coordinators read it.
pub struct Swap<'a> {
    pub amap: &'a str,
    pub period: &'a str,
    pub day: chrono::NaiveDate,
    pub role: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub link: String,
}

pub fn duty_swapped(locale: Locale, first_name: &str, s: &Swap<'_>) -> Composed {
    use app::ui::kit::format::long_date;
    let day = long_date(locale, s.day);
    Letter {
        subject: td_string!(
            locale,
            mail.swapped_subject,
            amap = s.amap,
            day = day.clone()
        )
        .to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs: vec![
            td_string!(
                locale,
                mail.swapped_body,
                to = s.to,
                day = day,
                role = s.role,
                period = s.period,
                from = s.from
            )
            .to_string(),
        ],
        action: Some((
            td_string!(locale, mail.duties_action).to_string(),
            s.link.clone(),
        )),
        after: Vec::new(),
        signature: td_string!(locale, mail.signature, amap = s.amap).to_string(),
        table: None,
    }
    .compose()
}

/// A duty coming up, as its reminder tells it.
pub struct Reminder<'a> {
    pub amap: &'a str,
    pub period: &'a str,
    pub day: chrono::NaiveDate,
    pub role: &'a str,
    /// Where and when the AMAP distributes (free text, may be empty).
    pub place: &'a str,
    pub hours: &'a str,
    /// "Marie Dubois (Accueil)" for each other person on duty that day.
    pub others: &'a [String],
    pub link: String,
}

/// "Rappel : vous êtes de permanence jeudi": the day, the role, where and when, who else.
pub fn duty_reminder(locale: Locale, first_name: &str, r: &Reminder<'_>) -> Composed {
    use app::ui::kit::format::long_date;
    let day = long_date(locale, r.day);
    let mut paragraphs = vec![
        td_string!(
            locale,
            mail.reminder_body,
            day = day.clone(),
            role = r.role,
            period = r.period
        )
        .to_string(),
    ];
    let at: Vec<&str> = [r.place, r.hours]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !at.is_empty() {
        paragraphs.push(at.join(", "));
    }
    paragraphs.push(if r.others.is_empty() {
        td_string!(locale, mail.reminder_alone).to_owned()
    } else {
        td_string!(locale, mail.reminder_others, others = r.others.join(", ")).to_string()
    });
    paragraphs.push(td_string!(locale, mail.reminder_cannot).to_owned());
    Letter {
        subject: td_string!(locale, mail.reminder_subject, amap = r.amap, day = day).to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs,
        action: Some((
            td_string!(locale, mail.duties_action).to_string(),
            r.link.clone(),
        )),
        after: Vec::new(),
        signature: td_string!(locale, mail.signature, amap = r.amap).to_string(),
        table: None,
    }
    .compose()
}

/// The planning of a period, as mailed to one participant.
pub struct Planning<'a> {
    pub amap: &'a str,
    pub planning: &'a app::api::rota::PlanningView,
    /// The recipient's own duties: (date, role), in date order.
    pub mine: &'a [(chrono::NaiveDate, String)],
    /// Duties the recipient still owes.
    pub owed: u32,
    pub link: String,
}

/// "Planning des permanences": the recipient's duties first, then every date with who is
/// on duty (a table in HTML, one line per date in text); the spreadsheet is attached.
pub fn planning(locale: Locale, first_name: &str, p: &Planning<'_>) -> Composed {
    use app::api::rota::PlanningCell;
    use app::ui::kit::format::long_date;
    let name = &p.planning.name;
    let mut paragraphs = vec![td_string!(locale, mail.planning_body, period = name).to_string()];
    if p.mine.is_empty() {
        paragraphs.push(td_string!(locale, mail.planning_none_yet).to_owned());
    } else {
        let mine: Vec<String> = p
            .mine
            .iter()
            .map(|(day, role)| format!("• {} — {role}", long_date(locale, *day)))
            .collect();
        paragraphs.push(format!(
            "{}\n{}",
            td_string!(locale, mail.planning_yours),
            mine.join("\n")
        ));
    }
    if p.owed > 0 {
        paragraphs.push(td_string!(locale, mail.planning_owed, count = p.owed).to_string());
    }
    let free = td_string!(locale, mail.planning_free);
    let cell_text = |cell: &PlanningCell| match cell {
        PlanningCell::Held { name } => Some(name.clone()),
        PlanningCell::Free => Some(free.to_owned()),
        PlanningCell::NoPlace => None,
    };
    let lines: Vec<String> = p
        .planning
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<String> = p
                .planning
                .columns
                .iter()
                .zip(&row.cells)
                .filter_map(|(column, cell)| Some(format!("{column} : {}", cell_text(cell)?)))
                .collect();
            format!("• {} — {}", long_date(locale, row.day), cells.join(" ; "))
        })
        .collect();
    let mut table = String::from(
        "<table style=\"border-collapse:collapse;font-size:.9em\"><thead><tr><th style=\"text-align:left;padding:.2em .5em\"></th>",
    );
    for column in &p.planning.columns {
        table.push_str(&format!(
            "<th style=\"text-align:left;padding:.2em .5em\">{}</th>",
            escape(column)
        ));
    }
    table.push_str("</tr></thead><tbody>");
    for row in &p.planning.rows {
        table.push_str(&format!(
            "<tr><th style=\"text-align:left;padding:.2em .5em;border-top:1px solid #ccc\">{}</th>",
            escape(&long_date(locale, row.day))
        ));
        for cell in &row.cells {
            table.push_str(&format!(
                "<td style=\"padding:.2em .5em;border-top:1px solid #ccc\">{}</td>",
                escape(&cell_text(cell).unwrap_or_default())
            ));
        }
        table.push_str("</tr>");
    }
    table.push_str("</tbody></table>");
    Letter {
        subject: td_string!(locale, mail.planning_subject, amap = p.amap, period = name)
            .to_string(),
        greeting: td_string!(locale, mail.greeting, name = first_name).to_string(),
        paragraphs,
        action: Some((
            td_string!(locale, mail.duties_action).to_string(),
            p.link.clone(),
        )),
        after: vec![td_string!(locale, mail.planning_attached).to_owned()],
        signature: td_string!(locale, mail.signature, amap = p.amap).to_string(),
        table: Some((table, lines.join("\n"))),
    }
    .compose()
}
