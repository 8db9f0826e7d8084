//! "Mon échéancier": a member's cheques for one contract, below the contract form (inside the
//! contract island). Editable lines take an amount; the adjusting line is recomputed as the
//! member types, with the "trop-payé" refusal shown at once — by `domain::payment`, the code
//! the server runs again on save. Bank, cheque number and name on the cheque go with each
//! promised cheque. Without JavaScript the same form posts and comes back with the server's
//! verdict.

use super::model::{Row, Schedule};
use crate::api::contracts::SignUpPage;
use crate::api::form::FormErrors;
use crate::api::payments::PaymentSettings;
use crate::domain::Money;
use crate::domain::contract::Nature;
use crate::domain::contract::agenda::day_month_year;
use crate::domain::payment::{ChequeState, LineRole, frozen_before};
use crate::i18n::{Locale, td_string};
use crate::messages::problem_message;
use crate::ui::cheques::labels::state_label;
use crate::ui::member::signup::{Posted, Posting, lang};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The name the schedule form gives itself among the page's forms.
pub const SCHEDULE_FORM: &str = "schedule";

#[component]
pub fn ScheduleSection(page: SignUpPage, posting: Posting) -> impl IntoView {
    let locale = lang();
    let Some(mine) = page.mine.as_ref() else {
        return ().into_any();
    };
    let settings = page.schedule.settings.clone();
    if !settings.plan.managed() {
        let message = if settings.message.trim().is_empty() {
            td_string!(locale, payments.not_managed).to_owned()
        } else {
            settings.message.clone()
        };
        return view! {
            <section class="card schedule" id="echeancier" data-testid="schedule">
                <h2>{td_string!(locale, payments.schedule_title)}</h2>
                <p>{message}</p>
            </section>
        }
        .into_any();
    }
    let prepaid = page.offer.nature == Nature::PrepaidCard;
    let frozen = frozen_before(mine.late, prepaid, page.now.date());
    let schedule = RwSignal::new(Schedule::new(
        page.schedule.clone(),
        &page.offer,
        &mine.grid,
        frozen,
    ));
    let errors = RwSignal::new(posting.errors.clone());
    let echoed = posting.values.clone();
    // What a failed plain post typed comes back; hydrated, each keystroke lands here.
    let typed = RwSignal::new(
        schedule
            .get_untracked()
            .view
            .payment_dates
            .iter()
            .chain(page.schedule.cheques.iter().map(|c| &c.date))
            .filter_map(|d| {
                let value = echoed.get(&format!("pay.{d}"))?;
                (!value.is_empty()).then(|| (*d, value.clone()))
            })
            .collect::<BTreeMap<_, _>>(),
    );
    let header = notes(
        &settings,
        schedule.get_untracked().view.credit,
        schedule.with_untracked(Schedule::total),
    );
    let echoed = posting.values.clone();
    let rows = move || {
        let (rows, _) = schedule.with(|s| s.live(&typed.get_untracked()));
        rows.into_iter()
            .map(|row| view! { <ScheduleRow row schedule typed errors echoed=echoed.clone()/> })
            .collect_view()
    };
    let editable = move || {
        schedule.with(|s| {
            let (rows, _) = s.live(&BTreeMap::new());
            rows.iter().any(|r| {
                r.role != LineRole::ReadOnly
                    || r.cheque
                        .as_ref()
                        .is_none_or(|c| c.state == ChequeState::Promised)
            })
        })
    };
    view! {
        <section class="card schedule" id="echeancier" data-testid="schedule">
            <h2>{td_string!(locale, payments.schedule_title)}</h2>
            {header}
            <Posted posting form=SCHEDULE_FORM class="schedule-form">
                <div>
                    <table class="members schedule-lines">
                        <thead><tr>
                            <th scope="col">{td_string!(locale, payments.date)}</th>
                            <th scope="col">{td_string!(locale, payments.amount)}</th>
                            <th scope="col">{td_string!(locale, payments.state)}</th>
                            <th scope="col">{td_string!(locale, payments.bank)}</th>
                            <th scope="col">{td_string!(locale, payments.number)}</th>
                            <th scope="col">{td_string!(locale, payments.drawer)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="muted">{td_string!(locale, payments.adjust_note)}</p>
                <Show when=editable>
                    <button type="submit" class="primary">{td_string!(locale, payments.save)}</button>
                </Show>
            </Posted>
        </section>
    }
    .into_any()
}

fn notes(settings: &PaymentSettings, credit: Money, total: Money) -> impl IntoView + use<> {
    let locale = lang();
    let payee = td_string!(locale, payments.payee, payee = settings.payee.clone()).to_string();
    let collector = settings
        .collector
        .as_ref()
        .map(|c| td_string!(locale, payments.hand_to, name = c.name.clone()).to_string());
    let due = settings
        .hand_in_by
        .map(|d| td_string!(locale, payments.hand_in_by, date = day_month_year(d)).to_string());
    let to_pay =
        td_string!(locale, payments.to_pay, amount = (total - credit).to_string()).to_string();
    let credit = (credit != Money::ZERO)
        .then(|| td_string!(locale, payments.credit, amount = credit.to_string()).to_string());
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
    schedule: RwSignal<Schedule>,
    typed: RwSignal<BTreeMap<NaiveDate, String>>,
    errors: RwSignal<FormErrors>,
    /// What a failed post typed, by field name.
    echoed: BTreeMap<String, String>,
) -> impl IntoView {
    let locale: Locale = lang();
    let date = row.line.date;
    let field = format!("payments.{date}");
    let id = format!("pay-{date}");
    let error_id = format!("{id}-error");
    let message = {
        let field = field.clone();
        move || {
            let live = schedule.with(|s| s.live(&typed.get()).1);
            live.iter()
                .find(|p| p.field == field)
                .cloned()
                .or_else(|| errors.with(|e| e.field(&field).cloned()))
                .map(|p| problem_message(locale, &p))
        }
    };
    let label = day_month_year(date);
    let amount = match row.role {
        LineRole::Editable => {
            let name = format!("pay.{date}");
            let initial = typed
                .with_untracked(|t| t.get(&date).cloned())
                .unwrap_or_else(|| row.line.amount.as_input());
            let invalid = message.clone();
            view! {
                <label for=id.clone() class="sr-only">{label.clone()}</label>
                <input id=id.clone() name=name type="text" inputmode="decimal" value=initial
                    class="amount"
                    aria-invalid=move || if invalid().is_some() { "true" } else { "false" }
                    aria-describedby=error_id.clone()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        typed.update(|t| { t.insert(date, value); });
                    }/>
            }
            .into_any()
        }
        LineRole::Adjust => {
            let live = move || {
                schedule.with(|s| {
                    let (rows, _) = s.live(&typed.get());
                    rows.iter()
                        .find(|r| r.line.date == date)
                        .map(|r| r.line.amount.to_string())
                        .unwrap_or_default()
                })
            };
            view! { <output data-testid="adjust" aria-live="polite">{live}</output> }.into_any()
        }
        LineRole::ReadOnly => view! { <span>{row.line.amount.to_string()}</span> }.into_any(),
    };
    let state = match &row.cheque {
        Some(c) => match c.handed_on {
            Some(on) => {
                td_string!(locale, payments.remitted_on, date = day_month_year(on)).to_string()
            }
            None => state_label(locale, c.state).to_owned(),
        },
        None if row.line.amount == Money::ZERO => "—".to_owned(),
        None => state_label(locale, ChequeState::Promised).to_owned(),
    };
    let detail = |prefix: &'static str, label: &'static str, current: String| {
        let name = format!("{prefix}.{date}");
        let value = echoed.get(&name).cloned().unwrap_or(current);
        let id = format!("{prefix}-{date}");
        view! {
            <td data-label=label>
                <label for=id.clone() class="sr-only">{format!("{label} — {}", day_month_year(date))}</label>
                <input id=id name=name type="text" value=value/>
            </td>
        }
    };
    let details = match row.cheque.clone() {
        Some(c) if c.state != ChequeState::Promised => view! {
            <td data-label=td_string!(locale, payments.bank)>{c.bank}</td>
            <td data-label=td_string!(locale, payments.number)>{c.number}</td>
            <td data-label=td_string!(locale, payments.drawer)>{c.drawer}</td>
        }
        .into_any(),
        stored => {
            let (bank, number, drawer) = stored
                .map(|c| (c.bank, c.number, c.drawer))
                .unwrap_or_default();
            view! {
                {detail("bank", td_string!(locale, payments.bank), bank)}
                {detail("number", td_string!(locale, payments.number), number)}
                {detail("drawer", td_string!(locale, payments.drawer), drawer)}
            }
            .into_any()
        }
    };
    view! {
        <tr data-testid=format!("line-{date}")>
            <th scope="row">{label}</th>
            <td data-label=td_string!(locale, payments.amount)>{amount}<p class="field-error" id=format!("pay-{date}-error")>{message}</p></td>
            <td data-label=td_string!(locale, payments.state)>{state}</td>
            {details}
        </tr>
    }
}
