//! "Mon échéancier": a member's cheques for one contract, below the contract form. Editable
//! lines take an amount; the adjusting line is what `domain::payment` makes of the others,
//! with the "trop-payé" refusal — shown by the server for what was posted, and again by the
//! live layer at each keystroke (`pay-{date}` inputs, `data-adjust` outputs). Bank, cheque
//! number and name on the cheque go with each promised cheque.

use super::model::{Row, Schedule, amount_field, problem_field};
use crate::api::contracts::SignUpPage;
use crate::api::form::FormErrors;
use crate::api::payments::PaymentSettings;
use crate::domain::payment::{ChequeState, LineRole};
use crate::domain::{Money, Problem};
use crate::i18n::{t_string, use_i18n};
use crate::ui::cheques::labels::state_label;
use crate::ui::kit::format::long_date;
use crate::ui::member::signup::{Phrases, Posted, Posting};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The name the schedule form gives itself among the page's forms.
pub const SCHEDULE_FORM: &str = "schedule";

/// The message beside one line: the live problems first, else what the server answered.
pub fn line_message(
    live: &[Problem],
    server: &FormErrors,
    date: chrono::NaiveDate,
    phrases: &Phrases,
) -> Option<String> {
    let field = problem_field(date);
    live.iter()
        .find(|p| p.field == field)
        .or_else(|| server.field(&field))
        .map(|p| phrases.problem(p))
}

#[component]
pub fn ScheduleSection(page: SignUpPage, posting: Posting) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    if page.mine.is_none() {
        return ().into_any();
    }
    let Some(schedule) = Schedule::of(&page) else {
        let message = match page.schedule.settings.message.trim() {
            "" => t_string!(i18n, payments.not_managed).to_owned(),
            custom => custom.to_owned(),
        };
        return view! {
            <section class="card schedule" id="echeancier" data-testid="schedule">
                <h2>{t_string!(i18n, payments.schedule_title)}</h2>
                <p>{message}</p>
            </section>
        }
        .into_any();
    };
    let typed = schedule.typed(&posting.values);
    let (rows, problems) = schedule.live(&typed);
    let phrases = Phrases::new(locale);
    let header = notes(
        &page.schedule.settings,
        schedule.view.credit,
        schedule.total(),
    );
    let editable = schedule.editable();
    let rows = rows
        .into_iter()
        .map(|row| {
            let message = line_message(&problems, &posting.errors, row.line.date, &phrases);
            view! { <ScheduleRow row typed=typed.clone() values=posting.values.clone() message/> }
        })
        .collect_view();
    view! {
        <section class="card schedule" id="echeancier" data-testid="schedule">
            <h2>{t_string!(i18n, payments.schedule_title)}</h2>
            {header}
            <Posted posting form=SCHEDULE_FORM method="PUT" class="schedule-form">
                <table class="members schedule-lines">
                    <thead><tr>
                        <th scope="col">{t_string!(i18n, payments.date)}</th>
                        <th scope="col">{t_string!(i18n, payments.amount)}</th>
                        <th scope="col">{t_string!(i18n, payments.state)}</th>
                        <th scope="col">{t_string!(i18n, payments.bank)}</th>
                        <th scope="col">{t_string!(i18n, payments.number)}</th>
                        <th scope="col">{t_string!(i18n, payments.drawer)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="muted">{t_string!(i18n, payments.adjust_note)}</p>
                {editable.then(|| view! {
                    <button type="submit" class="primary">{t_string!(i18n, payments.save)}</button>
                })}
            </Posted>
        </section>
    }
    .into_any()
}

fn notes(settings: &PaymentSettings, credit: Money, total: Money) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let payee = t_string!(i18n, payments.payee, payee = settings.payee.clone()).to_string();
    let collector = settings
        .collector
        .as_ref()
        .map(|c| t_string!(i18n, payments.hand_to, name = c.name.clone()).to_string());
    let due = settings
        .hand_in_by
        .map(|d| t_string!(i18n, payments.hand_in_by, date = long_date(locale, d)).to_string());
    let to_pay =
        t_string!(i18n, payments.to_pay, amount = (total - credit).to_string()).to_string();
    let credit = (credit != Money::ZERO)
        .then(|| t_string!(i18n, payments.credit, amount = credit.to_string()).to_string());
    view! {
        <p><strong>{payee}</strong></p>
        {collector.map(|c| view! { <p>{c}</p> })}
        {due.map(|d| view! { <p>{d}</p> })}
        {credit.map(|c| view! { <p>{c}</p> })}
        <p>{to_pay}</p>
    }
}

#[component]
fn ScheduleRow(
    row: Row,
    /// What a failed post typed in the amounts, by date.
    typed: BTreeMap<chrono::NaiveDate, String>,
    /// Every value a failed post typed, by field name.
    values: BTreeMap<String, String>,
    message: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let date = row.line.date;
    let id = format!("pay-{date}");
    let error_id = format!("{id}-error");
    let label = long_date(locale, date);
    let amount = match row.role {
        LineRole::Editable => {
            let value = typed
                .get(&date)
                .cloned()
                .unwrap_or_else(|| row.line.amount.as_input());
            let invalid = if message.is_some() { "true" } else { "false" };
            view! {
                <label for=id.clone() class="sr-only">{label.clone()}</label>
                <input id=id name=amount_field(date) type="text" inputmode="decimal" value=value
                    class="amount" aria-invalid=invalid aria-describedby=error_id.clone()/>
            }
            .into_any()
        }
        LineRole::Adjust => view! {
            <output data-testid="adjust" data-adjust=date.to_string() aria-live="polite">{row.line.amount.to_string()}</output>
        }
        .into_any(),
        LineRole::ReadOnly => view! { <span>{row.line.amount.to_string()}</span> }.into_any(),
    };
    let state = match &row.cheque {
        Some(c) => match c.handed_on {
            Some(on) => {
                t_string!(i18n, payments.remitted_on, date = long_date(locale, on)).to_string()
            }
            None => state_label(locale, c.state).to_owned(),
        },
        None if row.line.amount == Money::ZERO => "—".to_owned(),
        None => state_label(locale, ChequeState::Promised).to_owned(),
    };
    let detail = |prefix: &'static str, label: &'static str, current: String| {
        let name = format!("{prefix}.{date}");
        let value = values.get(&name).cloned().unwrap_or(current);
        let id = format!("{prefix}-{date}");
        view! {
            <td data-label=label>
                <label for=id.clone() class="sr-only">{format!("{label} — {}", long_date(locale, date))}</label>
                <input id=id name=name type="text" value=value/>
            </td>
        }
    };
    let details = match row.cheque.clone() {
        Some(c) if c.state != ChequeState::Promised => view! {
            <td data-label=t_string!(i18n, payments.bank)>{c.bank}</td>
            <td data-label=t_string!(i18n, payments.number)>{c.number}</td>
            <td data-label=t_string!(i18n, payments.drawer)>{c.drawer}</td>
        }
        .into_any(),
        stored => {
            let (bank, number, drawer) = stored
                .map(|c| (c.bank, c.number, c.drawer))
                .unwrap_or_default();
            view! {
                {detail("bank", t_string!(i18n, payments.bank), bank)}
                {detail("number", t_string!(i18n, payments.number), number)}
                {detail("drawer", t_string!(i18n, payments.drawer), drawer)}
            }
            .into_any()
        }
    };
    view! {
        <tr data-testid=format!("line-{date}")>
            <th scope="row">{label}</th>
            <td data-label=t_string!(i18n, payments.amount)>{amount}<p class="field-error" id=error_id>{message}</p></td>
            <td data-label=t_string!(i18n, payments.state)>{state}</td>
            {details}
        </tr>
    }
}
