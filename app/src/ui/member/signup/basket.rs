//! ABONNEMENT: one quantity per product, delivered on every date, and a calendar with the
//! total of each date and, when the contract offers them, its joker.

use super::form::{Problems, QtyInput, Shown, Total};
use super::model::Figure;
use crate::domain::contract::signup::{date_field, joker_field, product_field};
use crate::i18n::{Locale, td_string};
use crate::ui::kit::format::long_date;
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub(super) fn BasketEntry(shown: Shown) -> impl IntoView {
    let locale = shown.locale;
    let m = shown.model.clone();
    let ctx = m.ctx();
    let (products, dates, locked, jokers, policy) = (
        m.page.products.clone(),
        m.page.offer.dates.clone(),
        !ctx.basket_editable(),
        ctx.jokers_offered(),
        m.page.offer.jokers,
    );
    let items = products
        .into_iter()
        .map(|p| {
            let id = p.id;
            let label = format!("{} ({}) — {}", p.name, p.packaging, p.price);
            view! {
                <div class="field basket-item">
                    <QtyInput shown=shown.clone() name=product_field(id) label locked/>
                    <p class="muted"><Total shown=shown.clone() figure=Figure::Product(id)/></p>
                </div>
            }
        })
        .collect_view();
    let rows = dates
        .into_iter()
        .map(|date| view! { <CalendarRow shown=shown.clone() date jokers/> })
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
fn CalendarRow(shown: Shown, date: NaiveDate, jokers: bool) -> impl IntoView {
    let locale = shown.locale;
    let m = shown.model.clone();
    let ctx = m.ctx();
    let (delivers, editable, absence, targets) = (
        m.page.offer.delivers_on(date),
        ctx.joker_editable(&m.editable, date),
        ctx.joker_absence(),
        ctx.joker_targets(&m.editable, date),
    );
    let day = long_date(locale, date);
    let joker = match (jokers, delivers, editable) {
        (false, _, _) => ().into_any(),
        (true, false, _) => {
            view! { <td data-label=td_string!(locale, contracts.joker)>"—"</td> }.into_any()
        }
        (true, true, true) => view! {
            <td><JokerSelect shown=shown.clone() date day=day.clone() absence targets/></td>
        }
        .into_any(),
        (true, true, false) => view! { <td><JokerFixed shown=shown.clone() date/></td> }.into_any(),
    };
    let total = if delivers {
        view! { <Total shown=shown.clone() figure=Figure::Date(date)/> }.into_any()
    } else {
        td_string!(locale, contracts.cancelled).into_any()
    };
    view! {
        <tr class:cancelled=!delivers>
            <th scope="row">{day.clone()}</th>
            {joker}
            <td class="total" data-label=td_string!(locale, contracts.total)>
                {total}
                <Problems shown field=date_field(date)/>
            </td>
        </tr>
    }
}

/// The sentence for a joker's value (`absence`, a target date, or none).
fn joker_text(locale: Locale, value: &str, target: Option<NaiveDate>) -> String {
    match (value, target) {
        ("absence", _) => td_string!(locale, contracts.joker_absence).to_owned(),
        (_, Some(to)) => {
            td_string!(locale, contracts.joker_to, date = long_date(locale, to)).to_string()
        }
        _ => td_string!(locale, contracts.joker_none).to_owned(),
    }
}

#[component]
fn JokerSelect(
    shown: Shown,
    date: NaiveDate,
    day: String,
    absence: bool,
    targets: Vec<NaiveDate>,
) -> impl IntoView {
    let locale = shown.locale;
    let name = joker_field(date);
    let id = format!("f-{name}");
    let error_id = format!("{id}-error");
    let initial = match shown.value(&name) {
        value if value.is_empty() => "none".to_owned(),
        value => value,
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
    let field = name.clone();
    view! {
        <label for=id.clone() class="cell-label">
            {td_string!(locale, contracts.joker)}<span class="sr-only">{format!(" — {day}")}</span>
        </label>
        <select id=id name=name aria-describedby=error_id>
            {options}
        </select>
        <Problems shown field/>
    }
}

/// A joker that can no longer change: said, and posted back as it is.
#[component]
fn JokerFixed(shown: Shown, date: NaiveDate) -> impl IntoView {
    let locale = shown.locale;
    let name = joker_field(date);
    let value = shown.value(&name);
    let text = joker_text(locale, &value, value.parse().ok());
    let field = name.clone();
    view! {
        <span>{text}</span>
        {(!value.is_empty()).then(|| view! { <input type="hidden" name=name value=value/> })}
        <Problems shown field/>
    }
}
