//! The treasurer's memberships ("Adhésions"): the periods with their totals and a form for a
//! new one; one period's screen with every membership (amount, state, payment kind, received
//! date, each correctable), the members still without one, and a form to record a paper one.

use crate::api::adhesions::{
    AdhesionView, PeriodLedger, PeriodView, adhesion_path, ledger, ledger_path, period_path,
    periods, periods_path,
};
use crate::domain::PeriodId;
use crate::domain::adhesion::{AdhesionState, AdhesionTotals, Enrolment, PaymentKind};
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::ui::kit::fields::{FieldNotes, Input, Select, TextArea};
use crate::ui::kit::format::short_date;
use crate::ui::kit::labels::{adhesion_state, enrolment_label, payment_kind};
use crate::ui::kit::{Echo, ErrorNotice, Form};
use crate::ui::member::adhesions::period_dates;
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PeriodsPage() -> impl IntoView {
    let slug = use_slug();
    let loaded = Resource::new(move || slug.get(), periods);
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(periods) => view! { <Periods periods slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

fn enrolment_options(locale: Locale) -> Vec<(String, String)> {
    Enrolment::ALL
        .iter()
        .map(|e| {
            (
                e.as_str().to_owned(),
                enrolment_label(locale, *e).to_owned(),
            )
        })
        .collect()
}

fn state_options(locale: Locale) -> Vec<(String, String)> {
    AdhesionState::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), adhesion_state(locale, *s).to_owned()))
        .collect()
}

fn kind_options(locale: Locale) -> Vec<(String, String)> {
    let unknown = crate::i18n::td_string!(locale, adhesions.kind_unknown).to_owned();
    std::iter::once((String::new(), unknown))
        .chain(
            PaymentKind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), payment_kind(locale, *k).to_owned())),
        )
        .collect()
}

/// "12 adhésions · 240,00 € · encaissées : 8 (160,00 €) · à recevoir : 4 (80,00 €) · sans
/// adhésion : 30".
#[component]
fn Totals(totals: AdhesionTotals) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="totals" data-testid="totals">
            <span>{t_string!(i18n, adhesions.total_count, count = totals.count, amount = totals.amount.to_string()).to_string()}</span>
            <span>{t_string!(i18n, adhesions.total_cashed, count = totals.cashed_count, amount = totals.cashed_amount.to_string()).to_string()}</span>
            <span>{t_string!(i18n, adhesions.total_missing, count = totals.missing_count, amount = totals.missing_amount.to_string()).to_string()}</span>
            <span>{t_string!(i18n, adhesions.total_without, count = totals.without).to_string()}</span>
        </p>
    }
}

/// The fields of a period, empty for a new one.
#[component]
fn PeriodFields(form: String, period: Option<PeriodView>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    let p = period.as_ref();
    let text = |f: fn(&PeriodView) -> String| p.map(f).unwrap_or_default();
    view! {
        <Input form=form.clone() name="name" label=t_string!(i18n, adhesions.name).to_owned() errors value=v("name", text(|p| p.name.clone()))/>
        <Input form=form.clone() name="starts_on" kind="date" label=t_string!(i18n, adhesions.starts_on).to_owned() errors value=v("starts_on", text(|p| p.starts_on.to_string()))/>
        <Input form=form.clone() name="ends_on" kind="date" label=t_string!(i18n, adhesions.ends_on).to_owned() errors value=v("ends_on", text(|p| p.ends_on.to_string()))/>
        <Input form=form.clone() name="minimum" inputmode="decimal" label=t_string!(i18n, adhesions.minimum).to_owned() errors value=v("minimum", text(|p| p.minimum.as_input()))/>
        <Input form=form.clone() name="suggested" inputmode="decimal" label=t_string!(i18n, adhesions.suggested).to_owned() errors value=v("suggested", text(|p| p.suggested.as_input()))
            hint=t_string!(i18n, adhesions.suggested_hint).to_owned()/>
        <Select form=form.clone() name="enrolment" label=t_string!(i18n, adhesions.enrolment).to_owned() errors options=enrolment_options(locale)
            selected=v("enrolment", text(|p| p.enrolment.as_str().to_owned()))/>
        <TextArea form=form.clone() name="payment_text" label=t_string!(i18n, adhesions.payment_text).to_owned() errors value=v("payment_text", text(|p| p.payment_text.clone()))
            hint=t_string!(i18n, adhesions.payment_text_hint).to_owned()/>
    }
}

#[component]
fn Periods(periods: Vec<PeriodView>, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let amap = Amap::new(slug.clone());
    let here = amap.adhesion_periods();
    let form = "new-period".to_owned();
    let errors = Echo::current().errors(&form);
    let empty = periods
        .is_empty()
        .then(|| view! { <p>{t!(i18n, adhesions.no_period)}</p> });
    let rows = periods
        .into_iter()
        .map(|p| {
            let totals = p.totals.map(|totals| view! { <Totals totals/> });
            view! {
                <li class="card" data-testid="period">
                    <h2><a href=amap.adhesion_period(p.id)>{p.name.clone()}</a></h2>
                    <p>{period_dates(locale, p.starts_on, p.ends_on)}" · "{enrolment_label(locale, p.enrolment)}</p>
                    {totals}
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, adhesions.title)/>
        <main class="page">
            <h1>{t!(i18n, adhesions.title)}</h1>
            <p class="hint">{t!(i18n, adhesions.intro)}</p>
            {empty}
            <ul class="plain">{rows}</ul>
            <section class="card">
                <h2>{t!(i18n, adhesions.new_period)}</h2>
                <Form form=form.clone() action=periods_path(&slug) here errors class="stack-form">
                    <PeriodFields form=form.clone() period=None/>
                    <button type="submit" class="primary">{t!(i18n, adhesions.create)}</button>
                </Form>
            </section>
        </main>
    }
}

#[component]
pub fn PeriodPage() -> impl IntoView {
    let slug = use_slug();
    let params = use_params_map();
    let period = move || {
        params.with(|p| {
            p.get_str("period_id")
                .and_then(|id| id.parse::<i64>().ok())
                .map(PeriodId)
        })
    };
    let loaded = Resource::new(
        move || (slug.get(), period()),
        |(slug, period)| async move {
            match period {
                Some(period) => ledger(slug, period).await,
                None => Err(crate::api::ApiError::new(
                    crate::api::ErrorKind::NotFound,
                    "no such period",
                )),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(ledger) => view! { <Ledger ledger slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Ledger(ledger: PeriodLedger, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let amap = Amap::new(slug.clone());
    let p = ledger.period.clone();
    let here = amap.adhesion_period(p.id);
    let echo = Echo::current();
    let totals = p.totals.map(|totals| view! { <Totals totals/> });
    let rows = ledger
        .adhesions
        .iter()
        .cloned()
        .map(|a| view! { <Row adhesion=a slug=slug.clone() here=here.clone()/> })
        .collect_view();
    let record = "record".to_owned();
    let record_errors = echo.errors(&record);
    let members: Vec<(String, String)> = std::iter::once((
        String::new(),
        t_string!(i18n, adhesions.choose_member).to_owned(),
    ))
    .chain(ledger.without.iter().map(|m| {
        (
            m.id.to_string(),
            format!("{} {}", m.last_name, m.first_name),
        )
    }))
    .collect();
    let without = ledger
        .without
        .iter()
        .map(|m| format!("{} {}", m.first_name, m.last_name))
        .collect::<Vec<_>>()
        .join(", ");
    let edit = format!("period-{}", p.id);
    let edit_errors = echo.errors(&edit);
    let remove = "remove-period".to_owned();
    let remove_errors = echo.errors(&remove);
    view! {
        <Title text=p.name.clone()/>
        <main class="page">
            <p><a href=amap.adhesion_periods()>{t!(i18n, adhesions.back_periods)}</a></p>
            <h1>{p.name.clone()}</h1>
            <p>{period_dates(locale, p.starts_on, p.ends_on)}" · "{enrolment_label(locale, p.enrolment)}</p>
            {totals}
            <table class="grid" data-testid="adhesions">
                <thead><tr>
                    <th scope="col">{t!(i18n, adhesions.member)}</th>
                    <th scope="col" class="num">{t!(i18n, adhesions.amount)}</th>
                    <th scope="col">{t!(i18n, adhesions.state)}</th>
                    <th scope="col">{t!(i18n, adhesions.payment_kind)}</th>
                    <th scope="col">{t!(i18n, adhesions.received_on)}</th>
                    <th scope="col">{t!(i18n, adhesions.adhered_on)}</th>
                    <th scope="col" class="no-print">{t!(i18n, adhesions.correct)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <section class="card no-print">
                <h2>{t!(i18n, adhesions.record_title)}</h2>
                <Form form=record.clone() action=ledger_path(&slug, p.id) here=here.clone() errors=record_errors class="stack-form">
                    <Select form=record.clone() name="member_id" label=t_string!(i18n, adhesions.member).to_owned() errors=record_errors options=members
                        selected=echo.value(&record, "member_id", "")/>
                    <Input form=record.clone() name="amount" inputmode="decimal" label=t_string!(i18n, adhesions.amount).to_owned() errors=record_errors
                        value=echo.value(&record, "amount", p.suggested.as_input())/>
                    <Select form=record.clone() name="state" label=t_string!(i18n, adhesions.state).to_owned() errors=record_errors options=state_options(locale)
                        selected=echo.value(&record, "state", AdhesionState::Cashed.as_str())/>
                    <Select form=record.clone() name="payment_kind" label=t_string!(i18n, adhesions.payment_kind).to_owned() errors=record_errors options=kind_options(locale)
                        selected=echo.value(&record, "payment_kind", PaymentKind::Cheque.as_str())/>
                    <Input form=record.clone() name="received_on" kind="date" label=t_string!(i18n, adhesions.received_on).to_owned() errors=record_errors
                        value=echo.value(&record, "received_on", "") hint=t_string!(i18n, adhesions.received_hint).to_owned()/>
                    <button type="submit" class="primary">{t!(i18n, adhesions.record)}</button>
                </Form>
            </section>
            <section class="card">
                <h2>{t!(i18n, adhesions.without_title)}</h2>
                <p data-testid="without">{without}</p>
            </section>
            <details class="card no-print">
                <summary>{t!(i18n, adhesions.edit_period)}</summary>
                <Form form=edit.clone() action=period_path(&slug, p.id) here=here.clone() errors=edit_errors method="PUT" class="stack-form">
                    <PeriodFields form=edit.clone() period=Some(ledger.period.clone())/>
                    <button type="submit" class="primary">{t!(i18n, account.save)}</button>
                </Form>
                <Form form=remove action=period_path(&slug, p.id) here next=amap.adhesion_periods() errors=remove_errors method="DELETE">
                    <FieldNotes errors=remove_errors fields=&["period"]/>
                    <button type="submit" class="danger">{t!(i18n, adhesions.delete_period)}</button>
                </Form>
            </details>
        </main>
    }
}

/// One membership: its line, and the treasurer's correction in a fold.
#[component]
fn Row(adhesion: AdhesionView, slug: String, here: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let a = adhesion;
    let form = format!("adhesion-{}", a.id);
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let remove = format!("remove-adhesion-{}", a.id);
    let remove_errors = echo.errors(&remove);
    let name = format!("{} {}", a.last_name, a.first_name);
    let kind = a
        .payment_kind
        .map(|k| payment_kind(locale, k))
        .unwrap_or_default();
    let received = a
        .received_on
        .map(|d| short_date(locale, d))
        .unwrap_or_default();
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    view! {
        <tr data-testid="adhesion">
            <th scope="row">{name}</th>
            <td class="num">{a.amount.to_string()}</td>
            <td><span class="badge">{adhesion_state(locale, a.state)}</span></td>
            <td>{kind}</td>
            <td>{received}</td>
            <td>{short_date(locale, a.adhered_on)}</td>
            <td class="no-print">
                <details>
                    <summary>{t!(i18n, adhesions.correct)}</summary>
                    <Form form=form.clone() action=adhesion_path(&slug, a.id) here=here.clone() errors method="PUT" class="stack-form">
                        <Input form=form.clone() name="amount" inputmode="decimal" label=t_string!(i18n, adhesions.amount).to_owned() errors value=v("amount", a.amount.as_input())/>
                        <Select form=form.clone() name="state" label=t_string!(i18n, adhesions.state).to_owned() errors options=state_options(locale)
                            selected=v("state", a.state.as_str().to_owned())/>
                        <Select form=form.clone() name="payment_kind" label=t_string!(i18n, adhesions.payment_kind).to_owned() errors options=kind_options(locale)
                            selected=v("payment_kind", a.payment_kind.map(|k| k.as_str().to_owned()).unwrap_or_default())/>
                        <Input form=form.clone() name="received_on" kind="date" label=t_string!(i18n, adhesions.received_on).to_owned() errors
                            value=v("received_on", a.received_on.map(|d| d.to_string()).unwrap_or_default())/>
                        <button type="submit" class="primary">{t!(i18n, account.save)}</button>
                    </Form>
                    <Form form=remove action=adhesion_path(&slug, a.id) here errors=remove_errors method="DELETE">
                        <FieldNotes errors=remove_errors fields=&["adhesion"]/>
                        <button type="submit" class="danger">{t!(i18n, adhesions.delete)}</button>
                    </Form>
                </details>
            </td>
        </tr>
    }
}
