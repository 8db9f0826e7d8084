//! ABONNEMENT: one quantity per product, delivered on every date, and a calendar with the
//! total of each date and, when the contract offers them, its joker.

use super::{FormState, QtyInput};
use crate::domain::contract::agenda::day_month_year;
use crate::domain::contract::entry::product_amount;
use crate::domain::contract::signup::{date_field, joker_field, product_field};
use crate::i18n::{t, t_string, use_i18n};
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub(super) fn BasketEntry(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let (products, dates, locked, jokers, policy) = state.model.with_value(|m| {
        let ctx = m.ctx();
        (
            m.page.products.clone(),
            m.page.offer.dates.clone(),
            !ctx.basket_editable(),
            ctx.jokers_offered(),
            m.page.offer.jokers,
        )
    });
    let items = products
        .into_iter()
        .map(|p| {
            let id = p.id;
            let label = format!("{} ({}) — {}", p.name, p.packaging, p.price);
            let totals = move || {
                let (units, amount) = state.grid(|g, m| {
                    (g.product_total(id), product_amount(&m.page.offer, g, id))
                });
                t_string!(i18n, contracts.product_total, count = units, amount = amount.to_string())
                    .to_string()
            };
            view! {
                <div class="field basket-item">
                    <QtyInput state name=product_field(id) label locked/>
                    <p class="muted">{totals}</p>
                </div>
            }
        })
        .collect_view();
    let rows = dates
        .into_iter()
        .map(|date| view! { <CalendarRow state date jokers/> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="basket-title">
            <h2 id="basket-title">{t!(i18n, contracts.basket)}</h2>
            <p class="muted">{t!(i18n, contracts.basket_intro)}</p>
            {items}
        </section>
        <section class="card" aria-labelledby="calendar-title">
            <h2 id="calendar-title">{t!(i18n, contracts.calendar)}</h2>
            <Show when=move || jokers>
                <p class="muted">{t!(i18n, contracts.jokers_rule, min = policy.min, max = policy.max)}</p>
            </Show>
            <table class="signup-grid by-date">
                <thead><tr>
                    <th scope="col">{t!(i18n, contracts.date)}</th>
                    <Show when=move || jokers><th scope="col">{t!(i18n, contracts.joker)}</th></Show>
                    <th scope="col">{t!(i18n, contracts.total)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
fn CalendarRow(state: FormState, date: NaiveDate, jokers: bool) -> impl IntoView {
    let i18n = use_i18n();
    let (delivers, editable, absence, targets) = state.model.with_value(|m| {
        let ctx = m.ctx();
        (
            m.page.offer.delivers_on(date),
            ctx.joker_editable(&m.editable, date),
            ctx.joker_absence(),
            ctx.joker_targets(&m.editable, date),
        )
    });
    let day = day_month_year(date);
    let joker = match (jokers, delivers, editable) {
        (false, _, _) => ().into_any(),
        (true, false, _) => view! { <td data-label=t_string!(i18n, contracts.joker)>"—"</td> }.into_any(),
        (true, true, true) => view! {
            <td><JokerSelect state date day=day.clone() absence targets/></td>
        }
        .into_any(),
        (true, true, false) => view! { <td><JokerFixed state date/></td> }.into_any(),
    };
    let date_problems = date_field(date);
    let total = move || {
        if delivers {
            state
                .grid(|g, m| g.date_amount(date, |p| m.price(p)))
                .to_string()
        } else {
            t_string!(i18n, contracts.cancelled).to_owned()
        }
    };
    view! {
        <tr class:cancelled=!delivers>
            <th scope="row">{day.clone()}</th>
            {joker}
            <td class="total" data-label=t_string!(i18n, contracts.total)>
                {total}
                <p class="field-error">{move || state.message(&date_problems)}</p>
            </td>
        </tr>
    }
}

/// The sentence for a joker's value (`absence`, a target date, or none).
fn joker_text(
    i18n: leptos_i18n::I18nContext<crate::i18n::Locale>,
    value: &str,
    target: Option<NaiveDate>,
) -> String {
    match (value, target) {
        ("absence", _) => t_string!(i18n, contracts.joker_absence).to_owned(),
        (_, Some(to)) => t_string!(i18n, contracts.joker_to, date = day_month_year(to)).to_string(),
        _ => t_string!(i18n, contracts.joker_none).to_owned(),
    }
}

#[component]
fn JokerSelect(
    state: FormState,
    date: NaiveDate,
    day: String,
    absence: bool,
    targets: Vec<NaiveDate>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = joker_field(date);
    let id = format!("f-{name}");
    let error_id = format!("{id}-error");
    let chosen = move |name: &str| {
        let value = state.value(name);
        if value.is_empty() {
            "none".to_owned()
        } else {
            value
        }
    };
    let initial = {
        let value = state.initial(&name);
        if value.is_empty() {
            "none".to_owned()
        } else {
            value
        }
    };
    let mut options = vec![("none".to_owned(), joker_text(i18n, "none", None))];
    if absence {
        options.push(("absence".to_owned(), joker_text(i18n, "absence", None)));
    }
    for to in targets {
        options.push((to.to_string(), joker_text(i18n, "", Some(to))));
    }
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == initial;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    let (shown, typed, problems) = (name.clone(), name.clone(), name.clone());
    view! {
        <label for=id.clone() class="cell-label">
            {t!(i18n, contracts.joker)}<span class="sr-only">{format!(" — {day}")}</span>
        </label>
        <select
            id=id
            name=name
            prop:value=move || chosen(&shown)
            aria-describedby=error_id.clone()
            on:change=move |ev| state.input(&typed, event_target_value(&ev))
        >
            {options}
        </select>
        <p class="field-error" id=error_id>{move || state.message(&problems)}</p>
    }
}

/// A joker that can no longer change: said, and posted back as it is.
#[component]
fn JokerFixed(state: FormState, date: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let name = joker_field(date);
    let value = state.initial(&name);
    let text = joker_text(i18n, &value, crate::api::templates::parse_date(&value));
    let problems = name.clone();
    view! {
        <span>{text}</span>
        {(!value.is_empty()).then(|| view! { <input type="hidden" name=name value=value/> })}
        <p class="field-error">{move || state.message(&problems)}</p>
    }
}
