//! Before signing up, a member sees the cheques the AMAP's plan would propose for the
//! quantities being typed: `PaymentPlan::propose`, the code the server runs when the contract
//! is saved. Read-only (the amounts are changed in "Mon échéancier" once the contract
//! exists), and live only in the hydrated island: without JavaScript the schedule appears
//! with the saved contract.

use crate::api::contracts::SignUpPage;
use crate::domain::Money;
use crate::domain::contract::agenda::day_month_year;
use crate::domain::contract::deadline::Window;
use crate::domain::contract::{Nature, Quantities};
use crate::domain::payment::{Contract, Line, delivered_values, frozen_before};
use super::lang;
use crate::i18n::td_string;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The lines the plan proposes for `grid` on a new contract (no cheque held yet).
fn proposal(page: &SignUpPage, grid: &Quantities, frozen: Option<NaiveDate>) -> Vec<Line> {
    let deliveries = delivered_values(&page.offer, grid);
    let remitted: BTreeSet<NaiveDate> = page.schedule.remitted_dates.iter().copied().collect();
    let contract = Contract {
        template_dates: &page.offer.dates,
        deliveries: &deliveries,
        credit: page.schedule.credit,
        held: &[],
        remitted: &remitted,
        frozen_before: frozen,
    };
    page.schedule.settings.plan.propose(&contract)
}

/// The proposal for a member not yet signed up; nothing otherwise. `grid` is the grid being
/// typed, set by the contract form once hydrated.
#[component]
pub fn SchedulePreview(page: SignUpPage, grid: RwSignal<Option<Quantities>>) -> impl IntoView {
    let locale = lang();
    let settings = page.schedule.settings.clone();
    if page.mine.is_some() || page.as_referent || !settings.plan.managed() {
        return ().into_any();
    }
    let late = matches!(page.window, Window::LateFrom { .. });
    let prepaid = page.offer.nature == Nature::PrepaidCard;
    let frozen = frozen_before(late, prepaid, page.now.date());
    let page = StoredValue::new(page);
    let lines = Memo::new(move |_| {
        grid.with(|g| {
            g.as_ref()
                .filter(|g| !g.is_empty())
                .map(|g| page.with_value(|p| proposal(p, g, frozen)))
                .unwrap_or_default()
        })
    });
    let payee = td_string!(locale, payments.payee, payee = settings.payee).to_string();
    let rows = move || {
        lines
            .get()
            .into_iter()
            .filter(|l| l.amount != Money::ZERO)
            .map(|l| {
                view! {
                    <tr data-testid=format!("preview-{}", l.date)>
                        <th scope="row">{day_month_year(l.date)}</th>
                        <td class="num">{l.amount.to_string()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let shown = move || lines.with(|l| l.iter().any(|l| l.amount != Money::ZERO));
    view! {
        <Show when=shown>
            <section class="card schedule" data-testid="schedule-preview" aria-live="polite">
                <h2>{td_string!(locale, payments.preview_title)}</h2>
                <p>{payee.clone()}</p>
                <table class="grid">
                    <thead><tr>
                        <th scope="col">{td_string!(locale, payments.date)}</th>
                        <th scope="col">{td_string!(locale, payments.amount)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="muted">{td_string!(locale, payments.preview_note)}</p>
            </section>
        </Show>
    }
    .into_any()
}
