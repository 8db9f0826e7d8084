//! "Mes adhésions": each membership period with mine — adhere, change the amount or withdraw
//! while the server says I may — and the membership form to print (bulletin d'adhésion).

use super::super::kit::labels::{adhesion_state, enrolment_label, payment_kind};
use crate::api::adhesions::{BulletinView, MyPeriod, bulletin, mine, my_period_path};
use crate::domain::PeriodId;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::ui::kit::fields::{FieldNotes, Input};
use crate::ui::kit::format::short_date;
use crate::ui::kit::print::PrintButton;
use crate::ui::kit::{Echo, ErrorNotice, Form};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MyAdhesionsPage() -> impl IntoView {
    let slug = use_slug();
    let loaded = Resource::new(move || slug.get(), mine);
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(periods) => view! { <MyAdhesions periods slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn MyAdhesions(periods: Vec<MyPeriod>, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let empty = periods
        .is_empty()
        .then(|| view! { <p>{t!(i18n, adhesions.none_yet)}</p> });
    let cards = periods
        .into_iter()
        .map(|period| view! { <MyPeriodCard period slug=slug.clone()/> })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, adhesions.mine_title)/>
        <main class="page narrow">
            <h1>{t!(i18n, adhesions.mine_title)}</h1>
            <p class="hint">{t!(i18n, adhesions.mine_intro)}</p>
            {empty}
            {cards}
        </main>
    }
}

/// "Du 1 sept. 2026 au 31 août 2027".
pub fn period_dates(
    locale: Locale,
    starts_on: chrono::NaiveDate,
    ends_on: chrono::NaiveDate,
) -> String {
    crate::i18n::td_string!(
        locale,
        adhesions.dates,
        from = short_date(locale, starts_on),
        to = short_date(locale, ends_on)
    )
    .to_string()
}

#[component]
fn MyPeriodCard(period: MyPeriod, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let amap = Amap::new(slug.clone());
    let here = amap.adhesions();
    let p = period.period.clone();
    let form = format!("adhere-{}", p.id);
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let withdraw_form = format!("withdraw-{}", p.id);
    let withdraw_errors = echo.errors(&withdraw_form);
    let current = period
        .mine
        .as_ref()
        .map(|a| a.amount.as_input())
        .unwrap_or_else(|| p.suggested.as_input());
    let amount = echo.value(&form, "amount", current);
    let status = match &period.mine {
        Some(a) => {
            let state = adhesion_state(locale, a.state);
            let kind = a.payment_kind.map(|k| payment_kind(locale, k));
            let received = a.received_on.map(|d| short_date(locale, d));
            let detail = [kind.map(str::to_owned), received]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            view! {
                <p data-testid="my-adhesion">
                    <strong>{t_string!(i18n, adhesions.adhered_with, amount = a.amount.to_string()).to_string()}</strong>
                    " "<span class="badge">{state}</span>
                    {(!detail.is_empty()).then(|| format!(" {detail}"))}
                </p>
            }
            .into_any()
        }
        None => {
            view! { <p data-testid="my-adhesion">{t!(i18n, adhesions.not_adhered)}</p> }.into_any()
        }
    };
    let label = if period.mine.is_some() {
        t_string!(i18n, adhesions.change_amount)
    } else {
        t_string!(i18n, adhesions.adhere)
    };
    let hint = t_string!(
        i18n,
        adhesions.amount_hint,
        minimum = p.minimum.to_string(),
        suggested = p.suggested.to_string()
    )
    .to_string();
    let change = period.may_change.then(|| {
        let withdraw = period.mine.is_some().then(|| {
            view! {
                <Form form=withdraw_form.clone() action=my_period_path(&slug, p.id) here=here.clone() errors=withdraw_errors method="DELETE" class="inline-form">
                    <FieldNotes errors=withdraw_errors fields=&["amount"]/>
                    <button type="submit" class="secondary">{t!(i18n, adhesions.withdraw)}</button>
                </Form>
            }
        });
        view! {
            <Form form=form.clone() action=my_period_path(&slug, p.id) here=here.clone() errors method="PUT" class="stack-form">
                <Input form=form.clone() name="amount" inputmode="decimal" label=t_string!(i18n, adhesions.amount).to_owned() errors value=amount hint/>
                <button type="submit" class="primary">{label}</button>
            </Form>
            {withdraw}
        }
    });
    let closed = (!period.may_change).then(|| {
        let why = match &period.mine {
            Some(a) if a.state == crate::domain::adhesion::AdhesionState::Cashed => {
                t_string!(i18n, adhesions.cashed_hint)
            }
            _ => t_string!(i18n, adhesions.closed_hint),
        };
        view! { <p class="hint">{why}</p> }
    });
    view! {
        <section class="card" data-testid="period">
            <h2>{p.name.clone()}</h2>
            <p>{period_dates(locale, p.starts_on, p.ends_on)}" · "{enrolment_label(locale, p.enrolment)}</p>
            {(!p.payment_text.is_empty()).then(|| view! { <p class="pre-line">{p.payment_text.clone()}</p> })}
            {status}
            {change}
            {closed}
            <p><a href=amap.bulletin(p.id)>{t!(i18n, adhesions.print_form)}</a></p>
        </section>
    }
}

#[component]
pub fn BulletinPage() -> impl IntoView {
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
                Some(period) => bulletin(slug, period).await,
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
                Ok(form) => view! { <Bulletin form slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

/// One labelled line of the form, a blank to fill in by hand when the AMAP does not know it.
fn line(label: String, value: String) -> impl IntoView {
    view! {
        <div class="bulletin-line">
            <span class="bulletin-label">{label}</span>
            <span class="bulletin-value">{value}</span>
        </div>
    }
}

#[component]
fn Bulletin(form: BulletinView, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let p = &form.period;
    let title = t_string!(i18n, adhesions.bulletin_title, period = p.name.clone()).to_string();
    let amount = form.amount.map(|a| a.to_string()).unwrap_or_default();
    let amount_hint = t_string!(
        i18n,
        adhesions.amount_hint,
        minimum = p.minimum.to_string(),
        suggested = p.suggested.to_string()
    )
    .to_string();
    let town = format!("{} {}", form.postcode, form.town).trim().to_owned();
    let amap_line = if form.amap_city.is_empty() {
        form.amap_name.clone()
    } else {
        format!("{} — {}", form.amap_name, form.amap_city)
    };
    view! {
        <Title text=title.clone()/>
        <main class="page narrow bulletin">
            <p class="no-print"><a href=Amap::new(slug).adhesions()>{t!(i18n, adhesions.back)}</a></p>
            <PrintButton/>
            <h1>{title}</h1>
            <p><strong>{amap_line}</strong></p>
            <p>{period_dates(locale, p.starts_on, p.ends_on)}</p>
            {line(t_string!(i18n, import.col_last_name).to_owned(), form.last_name.clone())}
            {line(t_string!(i18n, import.col_first_name).to_owned(), form.first_name.clone())}
            {line(t_string!(i18n, import.col_email).to_owned(), form.email.clone())}
            {line(t_string!(i18n, account.phone1).to_owned(), form.phone.clone())}
            {line(t_string!(i18n, account.address).to_owned(), form.address.clone())}
            {line(t_string!(i18n, account.town).to_owned(), town)}
            {line(t_string!(i18n, adhesions.amount).to_owned(), amount)}
            <p class="hint">{amount_hint}</p>
            {(!p.payment_text.is_empty()).then(|| view! { <p class="pre-line">{p.payment_text.clone()}</p> })}
            <p>{t!(i18n, adhesions.bulletin_commitment)}</p>
            {line(t_string!(i18n, adhesions.bulletin_date).to_owned(), String::new())}
            {line(t_string!(i18n, adhesions.bulletin_signature).to_owned(), String::new())}
        </main>
    }
}
