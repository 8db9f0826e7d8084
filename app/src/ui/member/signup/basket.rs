//! ABONNEMENT: one quantity per product, delivered on every date, and a calendar with the
//! total of each date and, when the contract offers them, its joker.

use super::form::{Problems, QtyInput, Total};
use super::lang;
use super::state::{Figure, FormState};
use crate::domain::contract::agenda::day_month_year;
use crate::domain::contract::signup::{date_field, joker_field, product_field};
use crate::i18n::td_string;
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub(super) fn BasketEntry(state: FormState) -> impl IntoView {
    let locale = lang();
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
            view! {
                <div class="field basket-item">
                    <QtyInput state name=product_field(id) label locked/>
                    <p class="muted"><Total state figure=Figure::Product(id)/></p>
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
            <h2 id="basket-title">{td_string!(locale, contracts.basket)}</h2>
            <p class="muted">{td_string!(locale, contracts.basket_intro)}</p>
            {items}
        </section>
        <section class="card" aria-labelledby="calendar-title">
            <h2 id="calendar-title">{td_string!(locale, contracts.calendar)}</h2>
            {jokers.then(|| view! {
                <p class="muted">{td_string!(locale, contracts.jokers_rule, min = policy.min, max = policy.max).to_string()}</p>
            })}
            <table class="signup-grid by-date">
                <thead><tr>
                    <th scope="col">{td_string!(locale, contracts.date)}</th>
                    {jokers.then(|| view! { <th scope="col">{td_string!(locale, contracts.joker)}</th> })}
                    <th scope="col">{td_string!(locale, contracts.total)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
fn CalendarRow(state: FormState, date: NaiveDate, jokers: bool) -> impl IntoView {
    let locale = lang();
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
        (true, false, _) => {
            view! { <td data-label=td_string!(locale, contracts.joker)>"—"</td> }.into_any()
        }
        (true, true, true) => view! {
            <td><JokerSelect state date day=day.clone() absence targets/></td>
        }
        .into_any(),
        (true, true, false) => view! { <td><JokerFixed state date/></td> }.into_any(),
    };
    let total = if delivers {
        view! { <Total state figure=Figure::Date(date)/> }.into_any()
    } else {
        td_string!(locale, contracts.cancelled).into_any()
    };
    view! {
        <tr class:cancelled=!delivers>
            <th scope="row">{day.clone()}</th>
            {joker}
            <td class="total" data-label=td_string!(locale, contracts.total)>
                {total}
                <Problems state field=date_field(date)/>
            </td>
        </tr>
    }
}

/// The sentence for a joker's value (`absence`, a target date, or none).
fn joker_text(
    locale: crate::i18n::Locale,
    value: &str,
    target: Option<NaiveDate>,
) -> String {
    match (value, target) {
        ("absence", _) => td_string!(locale, contracts.joker_absence).to_owned(),
        (_, Some(to)) => td_string!(locale, contracts.joker_to, date = day_month_year(to)).to_string(),
        _ => td_string!(locale, contracts.joker_none).to_owned(),
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
    let locale = lang();
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
    let mut options = vec![("none".to_owned(), joker_text(locale, "none", None))];
    if absence {
        options.push(("absence".to_owned(), joker_text(locale, "absence", None)));
    }
    for to in targets {
        options.push((to.to_string(), joker_text(locale, "", Some(to))));
    }
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == initial;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    let (shown, typed, field) = (name.clone(), name.clone(), name.clone());
    view! {
        <label for=id.clone() class="cell-label">
            {td_string!(locale, contracts.joker)}<span class="sr-only">{format!(" — {day}")}</span>
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
        <Problems state field id=error_id/>
    }
}

/// A joker that can no longer change: said, and posted back as it is.
#[component]
fn JokerFixed(state: FormState, date: NaiveDate) -> impl IntoView {
    let locale = lang();
    let name = joker_field(date);
    let value = state.initial(&name);
    let text = joker_text(locale, &value, value.parse().ok());
    let field = name.clone();
    view! {
        <span>{text}</span>
        {(!value.is_empty()).then(|| view! { <input type="hidden" name=name value=value/> })}
        <Problems state field/>
    }
}
