//! "Mon échéancier": a member's cheques for one contract, below the contract form. Editable
//! lines take an amount; the adjusting line is recomputed as the member types, with the
//! "trop-payé" refusal shown at once — by `domain::payment`, the code the server runs again
//! on save. Bank, cheque number and name on the cheque go with each promised cheque. Without
//! JavaScript the same form posts and comes back with the server's verdict.

use super::form::ApiForm;
use super::manage_kit::{Echo, FORM_MARK};
use super::payment_labels::state_label;
use crate::api::contracts::SignUpPage;
use crate::api::form::FormErrors;
use crate::api::payments::{ChequeView, ScheduleView};
use crate::domain::contract::agenda::day_month_year;
use crate::domain::contract::{Nature, Offer, Quantities};
use crate::domain::payment::{
    ChequeState, Contract, Held, Line, LineRole, Terms, adjust_after_edit, check_lines,
    delivered_values, frozen_before,
};
use crate::domain::{Money, Problem};
use crate::i18n::{Locale, t_string, use_i18n};
use crate::messages::problem_message;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::collections::{BTreeMap, BTreeSet};

/// The name the schedule form gives itself among the page's forms.
pub const SCHEDULE_FORM: &str = "schedule";

/// A contract's schedule as the form computes it.
#[derive(Clone)]
struct Schedule {
    view: ScheduleView,
    deliveries: Vec<(NaiveDate, Money)>,
    template_dates: Vec<NaiveDate>,
    frozen_before: Option<NaiveDate>,
}

/// One line of the form: the line, its role, its stored cheque if any.
struct Row {
    line: Line,
    role: LineRole,
    cheque: Option<ChequeView>,
}

impl Schedule {
    fn new(
        view: ScheduleView,
        offer: &Offer,
        grid: &Quantities,
        frozen: Option<NaiveDate>,
    ) -> Self {
        Self {
            view,
            deliveries: delivered_values(offer, grid),
            template_dates: offer.dates.clone(),
            frozen_before: frozen,
        }
    }

    fn held(&self) -> Vec<Held> {
        self.view
            .cheques
            .iter()
            .map(|c| Held {
                date: c.date,
                amount: c.amount,
                state: c.state,
            })
            .collect()
    }

    fn total(&self) -> Money {
        self.deliveries.iter().map(|(_, v)| *v).sum()
    }

    /// The lines with what the member typed in the editable ones and the adjusting line
    /// recomputed; the problems of a schedule that would overpay.
    fn live(&self, typed: &BTreeMap<NaiveDate, String>) -> (Vec<Row>, Vec<Problem>) {
        let plan = &self.view.settings.plan;
        let held = self.held();
        let remitted: BTreeSet<NaiveDate> = self.view.remitted_dates.iter().copied().collect();
        let contract = Contract {
            template_dates: &self.template_dates,
            deliveries: &self.deliveries,
            credit: self.view.credit,
            held: &held,
            remitted: &remitted,
            frozen_before: self.frozen_before,
        };
        let base = if held.is_empty() {
            plan.propose(&contract)
        } else {
            plan.current(&contract)
        };
        let roles = plan.roles(&base);
        let mut lines: Vec<Line> = base
            .into_iter()
            .zip(&roles)
            .map(|(mut line, role)| {
                if *role == LineRole::Editable
                    && let Some(raw) = typed.get(&line.date)
                {
                    line.amount = match raw.trim() {
                        "" => Money::ZERO,
                        raw => Money::parse("", raw).unwrap_or(line.amount),
                    };
                }
                line
            })
            .collect();
        if roles.contains(&LineRole::Adjust) {
            let terms = Terms {
                total: self.total(),
                credit: self.view.credit,
                minimum: Money::ZERO,
            };
            lines = adjust_after_edit(&terms, lines.clone()).unwrap_or(lines);
        }
        let problems = check_lines(&lines).err().unwrap_or_default();
        let rows = lines
            .into_iter()
            .zip(roles)
            .map(|(line, role)| Row {
                cheque: self
                    .view
                    .cheques
                    .iter()
                    .find(|c| c.date == line.date)
                    .cloned(),
                line,
                role,
            })
            .collect();
        (rows, problems)
    }
}

#[component]
pub fn ScheduleSection(page: SignUpPage, action: String) -> impl IntoView {
    let i18n = use_i18n();
    let Some(mine) = page.mine.as_ref() else {
        return ().into_any();
    };
    let settings = page.schedule.settings.clone();
    if !settings.plan.managed() {
        let message = if settings.message.trim().is_empty() {
            t_string!(i18n, payments.not_managed).to_owned()
        } else {
            settings.message.clone()
        };
        return view! {
            <section class="card schedule" id="echeancier" data-testid="schedule">
                <h2>{t_string!(i18n, payments.schedule_title)}</h2>
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
    let echo = Echo::from_query();
    let errors = echo.errors(SCHEDULE_FORM);
    // What a failed plain post typed comes back; hydrated, each keystroke lands here.
    let typed = RwSignal::new(
        schedule
            .get_untracked()
            .view
            .payment_dates
            .iter()
            .chain(page.schedule.cheques.iter().map(|c| &c.date))
            .filter_map(|d| {
                let field = format!("pay.{d}");
                let value = echo.value(SCHEDULE_FORM, &field, "");
                (!value.is_empty()).then_some((*d, value))
            })
            .collect::<BTreeMap<_, _>>(),
    );
    let saved = RwSignal::new(false);
    let here = use_location().pathname.get_untracked();
    let on_success = Callback::new(move |value: serde_json::Value| {
        if let Ok(view) = serde_json::from_value::<ScheduleView>(value) {
            schedule.update(|s| s.view = view);
            typed.set(BTreeMap::new());
            saved.set(true);
        }
    });
    let header = notes(
        &settings,
        schedule.get_untracked().view.credit,
        schedule.with_untracked(Schedule::total),
    );
    let rows = move || {
        let (rows, _) = schedule.with(|s| s.live(&typed.get_untracked()));
        rows.into_iter()
            .map(|row| view! { <ScheduleRow row schedule typed errors echo=echo.clone()/> })
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
            <h2>{t_string!(i18n, payments.schedule_title)}</h2>
            {header}
            <ApiForm action next=here.clone() back=here errors on_success class="schedule-form">
                <input type="hidden" name="_method" value="PUT"/>
                <input type="hidden" name=FORM_MARK value=SCHEDULE_FORM/>
                <div>
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
                </div>
                <p class="muted">{t_string!(i18n, payments.adjust_note)}</p>
                <Show when=move || saved.get()>
                    <p class="notice" role="status">{t_string!(i18n, payments.saved)}</p>
                </Show>
                <Show when=editable>
                    <button type="submit" class="primary">{t_string!(i18n, payments.save)}</button>
                </Show>
            </ApiForm>
        </section>
    }
    .into_any()
}

fn notes(
    settings: &crate::api::payments::PaymentSettings,
    credit: Money,
    total: Money,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let payee = t_string!(i18n, payments.payee, payee = settings.payee.clone()).to_string();
    let collector = settings
        .collector
        .as_ref()
        .map(|c| t_string!(i18n, payments.hand_to, name = c.name.clone()).to_string());
    let due = settings
        .hand_in_by
        .map(|d| t_string!(i18n, payments.hand_in_by, date = day_month_year(d)).to_string());
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
    schedule: RwSignal<Schedule>,
    typed: RwSignal<BTreeMap<NaiveDate, String>>,
    errors: RwSignal<FormErrors>,
    echo: Echo,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale: Locale = i18n.get_locale_untracked();
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
                .unwrap_or_else(|| plain(row.line.amount));
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
                t_string!(i18n, payments.remitted_on, date = day_month_year(on)).to_string()
            }
            None => state_label(c.state).to_owned(),
        },
        None if row.line.amount == Money::ZERO => "—".to_owned(),
        None => state_label(ChequeState::Promised).to_owned(),
    };
    let detail = |prefix: &'static str, label: &'static str, current: String| {
        let name = format!("{prefix}.{date}");
        let value = echo.value(SCHEDULE_FORM, &name, current);
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
            <td data-label=t_string!(i18n, payments.amount)>{amount}<p class="field-error" id=format!("pay-{date}-error")>{message}</p></td>
            <td data-label=t_string!(i18n, payments.state)>{state}</td>
            {details}
        </tr>
    }
}

/// "34" or "33,33": what a member would type.
fn plain(amount: Money) -> String {
    let cents = amount.cents();
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{},{:02}", cents / 100, (cents % 100).abs())
    }
}
