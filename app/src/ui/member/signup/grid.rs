//! LIBRE and CARTE_PREPAYEE: one row per date, one column per product — a table on wide
//! screens, a list per date on phones (CSS only) — with totals per date, per product and for
//! the contract. "Copier la 1ère ligne partout" is the live layer's (hidden without it).

use super::form::{Problems, QtyInput, Shown, Total};
use super::model::Figure;
use crate::domain::contract::entry::CellState;
use crate::domain::contract::signup::{cell_field, date_field, product_field};
use crate::i18n::{t_string, use_i18n};
use crate::ui::kit::form::locale;
use crate::ui::kit::format::{capitalized, long_date};
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub(super) fn GridEntry(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let products = shown.model.page.products.clone();
    let dates = shown.model.page.offer.dates.clone();
    let heads = products
        .iter()
        .map(|p| {
            view! {
                <th scope="col">{p.name.clone()}<span class="unit">{format!("{} · {}", p.packaging, p.price)}</span></th>
            }
        })
        .collect_view();
    let rows = dates
        .into_iter()
        .map(|date| view! { <GridRow shown=shown.clone() date/> })
        .collect_view();
    let feet = products
        .into_iter()
        .map(|p| {
            let field = product_field(p.id);
            view! {
                <td data-label=p.name>
                    <Total shown=shown.clone() figure=Figure::Product(p.id)/>
                    <Problems shown=shown.clone() field/>
                </td>
            }
        })
        .collect_view();
    let total = t_string!(i18n, contracts.total);
    view! {
        <button type="button" class="secondary" data-copy-first="" hidden>
            {t_string!(i18n, contracts.copy_first)}
        </button>
        <div class="grid-scroll">
            <table class="signup-grid">
                <thead><tr>
                    <th scope="col">{t_string!(i18n, contracts.date)}</th>
                    {heads}
                    <th scope="col">{total}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr>
                    <th scope="row">{total}</th>
                    {feet}
                    <td class="total" data-label=total>
                        <Total shown figure=Figure::Contract/>
                    </td>
                </tr></tfoot>
            </table>
        </div>
    }
}

#[component]
fn GridRow(shown: Shown, date: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let day = capitalized(&long_date(locale(), date));
    let m = shown.model.clone();
    let ctx = m.ctx();
    let cells = m
        .page
        .products
        .iter()
        .map(|p| {
            let field = cell_field(m.page.offer.nature, date, p.id);
            match ctx.cell_state(&m.editable, date, p.id) {
                CellState::Cancelled => view! {
                    <td class="cancelled" data-label=p.name.clone()>
                        "—"<span class="sr-only">{t_string!(i18n, contracts.cancelled)}</span>
                    </td>
                }
                .into_any(),
                cell => {
                    let locked = cell == CellState::Locked;
                    let unit = format!("{} · {}", p.packaging, p.price);
                    view! {
                        <td class:locked=locked>
                            <QtyInput shown=shown.clone() name=field label=p.name.clone() unit context=format!(" — {day}") locked/>
                        </td>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{day.clone()}</th>
            {cells}
            <td class="total" data-label=t_string!(i18n, contracts.total)>
                <Total shown=shown.clone() figure=Figure::Date(date)/>
                <Problems shown field=date_field(date)/>
            </td>
        </tr>
    }
}
