//! Before signing up, a member sees the cheques the AMAP's plan would propose for the
//! quantities being typed: `PaymentPlan::propose`, the code the server runs when the contract
//! is saved. Read-only (the amounts are changed in "Mon échéancier" once the contract
//! exists). The server renders the section for what is in the form (usually nothing: it is
//! then hidden); the live layer fills it as quantities are typed (`data-preview`).

use crate::api::contracts::SignUpPage;
use crate::domain::contract::deadline::Window;
use crate::domain::contract::{Nature, Quantities};
use crate::domain::payment::{Contract, Line, delivered_values, frozen_before};
use crate::domain::{Money, collect};
use crate::i18n::Locale;
use crate::i18n::{t_string, use_i18n};
use crate::ui::kit::format::long_date;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Whether the page shows a proposal at all: a member not yet signed up, in an AMAP that
/// manages this contract's payments.
pub(super) fn offered(page: &SignUpPage) -> bool {
    page.mine.is_none() && !page.as_referent && page.schedule.settings.plan.managed()
}

/// The lines the plan proposes for `grid` on a new contract (no cheque held yet), without
/// the empty ones.
pub(super) fn proposal(page: &SignUpPage, grid: &Quantities) -> Vec<Line> {
    if grid.is_empty() {
        return Vec::new();
    }
    let late = matches!(page.window, Window::LateFrom { .. });
    let prepaid = page.offer.nature == Nature::PrepaidCard;
    let frozen: Option<NaiveDate> = frozen_before(late, prepaid, page.now.date());
    let deliveries = delivered_values(&page.offer, grid);
    let remitted: BTreeSet<NaiveDate> = collect::set(page.schedule.remitted_dates.iter().copied());
    let contract = Contract {
        template_dates: &page.offer.dates,
        deliveries: &deliveries,
        credit: page.schedule.credit,
        held: &[],
        remitted: &remitted,
        frozen_before: frozen,
    };
    let mut lines = page.schedule.settings.plan.propose(&contract);
    lines.retain(|l| l.amount != Money::ZERO);
    lines
}

/// One row of the proposal, as the live layer builds it too.
pub(super) fn row_cells(locale: Locale, line: &Line) -> (String, String, String) {
    (
        format!("preview-{}", line.date),
        long_date(locale, line.date),
        line.amount.to_string(),
    )
}

#[component]
pub fn SchedulePreview(page: SignUpPage, grid: Quantities) -> impl IntoView {
    let i18n = use_i18n();
    if !offered(&page) {
        return ().into_any();
    }
    let lines = proposal(&page, &grid);
    let hidden = lines.is_empty();
    let payee = t_string!(
        i18n,
        payments.payee,
        payee = page.schedule.settings.payee.clone()
    )
    .to_string();
    let rows = lines
        .iter()
        .map(|l| {
            let (testid, date, amount) = row_cells(i18n.get_locale_untracked(), l);
            view! { <tr data-testid=testid><th scope="row">{date}</th><td class="num">{amount}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="card schedule" data-testid="schedule-preview" data-preview="" aria-live="polite" hidden=hidden>
            <h2>{t_string!(i18n, payments.preview_title)}</h2>
            <p>{payee}</p>
            <table class="grid">
                <thead><tr>
                    <th scope="col">{t_string!(i18n, payments.date)}</th>
                    <th scope="col">{t_string!(i18n, payments.amount)}</th>
                </tr></thead>
                <tbody data-preview-rows="">{rows}</tbody>
            </table>
            <p class="muted">{t_string!(i18n, payments.preview_note)}</p>
        </section>
    }
    .into_any()
}
