//! Each payment date of the register: its cheques, who has not handed theirs in yet (folded
//! when the list is long), "everything received for this date", and the hand-over to the
//! producer — or, once handed over, its deposit slip.

use super::Ctx;
use crate::api::payments::{PaymentDateView, Register};
use crate::domain::payment::ChequeState;
use crate::i18n::{t_string, use_i18n};
use crate::ui::kit::{Check, FieldNotes, Form, Input, day};
use crate::ui::paths::Amap;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Longer lists of missing members are folded behind their count.
const SHOWN_MISSING: usize = 6;

#[component]
pub(super) fn Dates(ctx: Ctx, register: Register) -> impl IntoView {
    let promised = |date: NaiveDate| -> Vec<String> {
        register
            .rows
            .iter()
            .flat_map(|r| &r.cheques)
            .filter(|c| c.date == date && c.state == ChequeState::Promised)
            .map(|c| c.id.to_string())
            .collect()
    };
    register
        .dates
        .iter()
        .map(|d| {
            let waiting = promised(d.date);
            view! { <DateCard ctx=ctx.clone() date=d.clone() next=register.next_to_remit waiting/> }
        })
        .collect_view()
}

#[component]
fn DateCard(
    ctx: Ctx,
    date: PaymentDateView,
    next: Option<NaiveDate>,
    /// The ids of this date's cheques still promised.
    waiting: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let iso = date.date.to_string();
    let anchor = format!("date-{iso}");
    let summary = t_string!(
        i18n,
        payments.date_summary,
        count = date.cheques,
        amount = date.amount.to_string(),
        received = date.received
    )
    .to_string();
    let missing = missing(&date.missing);
    let action = match &date.remittance {
        Some(r) => {
            let href = Amap::new(ctx.slug.clone()).slip(ctx.id, r.id);
            view! {
                <p>
                    <a href=href>{t_string!(i18n, payments.slip_link)}</a>
                    " · "{t_string!(i18n, payments.remitted_on, date = day(r.handed_on)).to_string()}
                </p>
            }
            .into_any()
        }
        None if date.cheques == 0 => ().into_any(),
        None => view! {
            {(!waiting.is_empty()).then(|| all_received(&ctx, &iso, &anchor, &waiting))}
            {remit_form(&ctx, &date, &anchor, next)}
        }
        .into_any(),
    };
    view! {
        <article class="date-card" id=anchor data-date=iso>
            <h3>{day(date.date)}</h3>
            <p class="muted">{summary}</p>
            {missing}
            {action}
        </article>
    }
}

/// Who is missing: said plainly when they are few, folded behind their count otherwise.
fn missing(names: &[String]) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let list = names.join(", ");
    if names.is_empty() {
        return view! { <p class="done">{t_string!(i18n, payments.none_missing)}</p> }.into_any();
    }
    let label = t_string!(i18n, payments.missing_count, count = names.len()).to_string();
    if names.len() <= SHOWN_MISSING {
        return view! { <p data-testid="missing"><strong>{label}</strong>" : "{list}</p> }
            .into_any();
    }
    view! {
        <details data-testid="missing">
            <summary>{label}</summary>
            <p>{list}</p>
        </details>
    }
    .into_any()
}

/// Every promised cheque of the date marked received at once.
fn all_received(ctx: &Ctx, iso: &str, anchor: &str, waiting: &[String]) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let form = format!("all-{iso}");
    let errors = ctx.echo.errors(&form);
    let count = waiting.len();
    let boxes = waiting
        .iter()
        .map(|id| format!("got.{id}"))
        .map(|name| view! { <input type="hidden" name=name value="on"/> })
        .collect_view();
    view! {
        <Form form action=ctx.api("cheques/receive") here=ctx.at(anchor) errors class="inline-block">
            {boxes}
            <button type="submit" class="secondary">{t_string!(i18n, payments.receive_date, count = count).to_string()}</button>
        </Form>
    }
}

/// The hand-over to the producer (a deposit slip), earliest date first unless confirmed.
fn remit_form(
    ctx: &Ctx,
    date: &PaymentDateView,
    anchor: &str,
    next: Option<NaiveDate>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let form = format!("remit-{}", date.date);
    let errors = ctx.echo.errors(&form);
    let out_of_order = next.is_some_and(|n| n != date.date);
    let label = t_string!(i18n, payments.remit_of, date = day(date.date)).to_string();
    let payment_date = date.date.to_string();
    view! {
        <Form form=form.clone() action=ctx.api("remittances") here=ctx.at(anchor) errors class="inline-form">
            <input type="hidden" name="payment_date" value=payment_date/>
            <Input form=form.clone() name="handed_on" kind="date" label=t_string!(i18n, payments.handed_on).to_owned() errors/>
            {out_of_order.then(|| view! {
                <Check form=form.clone() name="confirm" label=t_string!(i18n, payments.confirm_order).to_owned() checked=false/>
            })}
            <FieldNotes errors fields=&["payment_date"]/>
            <button type="submit" class="secondary">{label}</button>
        </Form>
    }
}
