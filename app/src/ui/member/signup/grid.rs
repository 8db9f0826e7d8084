//! LIBRE and CARTE_PREPAYEE: one row per date, one column per product — a table on wide
//! screens, a list per date on phones (CSS only) — with totals per date, per product and for
//! the contract.

use super::form::{Problems, QtyInput, Total};
use super::lang;
use super::state::{Figure, FormState};
use crate::domain::contract::agenda::day_month_year;
use crate::domain::contract::entry::CellState;
use crate::domain::contract::signup::{cell_field, date_field, product_field};
use crate::i18n::td_string;
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub(super) fn GridEntry(state: FormState) -> impl IntoView {
    let locale = lang();
    let (products, dates) = state
        .model
        .with_value(|m| (m.page.products.clone(), m.page.offer.dates.clone()));
    // The copy button needs the hydrated app; without JavaScript it is simply absent.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
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
        .map(|date| view! { <GridRow state date/> })
        .collect_view();
    let feet = products
        .into_iter()
        .map(|p| {
            let id = p.id;
            let field = product_field(id);
            view! {
                <td data-label=p.name>
                    <Total state figure=Figure::Product(id)/>
                    <Problems state field/>
                </td>
            }
        })
        .collect_view();
    let total = td_string!(locale, contracts.total);
    view! {
        <Show when=move || hydrated.get()>
            <button type="button" class="secondary" on:click=move |_| copy_first_row(state)>
                {td_string!(locale, contracts.copy_first)}
            </button>
        </Show>
        <div class="grid-scroll">
            <table class="signup-grid">
                <thead><tr>
                    <th scope="col">{td_string!(locale, contracts.date)}</th>
                    {heads}
                    <th scope="col">{total}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr>
                    <th scope="row">{total}</th>
                    {feet}
                    <td class="total" data-label=total>
                        <Total state figure=Figure::Contract/>
                    </td>
                </tr></tfoot>
            </table>
        </div>
    }
}

#[component]
fn GridRow(state: FormState, date: NaiveDate) -> impl IntoView {
    let locale = lang();
    let day = day_month_year(date);
    let cells: Vec<_> = state.model.with_value(|m| {
        let ctx = m.ctx();
        m.page
            .products
            .iter()
            .map(|p| {
                let field = cell_field(m.page.offer.nature, date, p.id);
                (
                    field,
                    p.name.clone(),
                    ctx.cell_state(&m.editable, date, p.id),
                )
            })
            .collect()
    });
    let cells = cells
        .into_iter()
        .map(|(field, name, cell)| match cell {
            CellState::Cancelled => view! {
                <td class="cancelled" data-label=name>
                    "—"<span class="sr-only">{td_string!(locale, contracts.cancelled)}</span>
                </td>
            }
            .into_any(),
            CellState::Open | CellState::Locked => {
                let locked = cell == CellState::Locked;
                view! {
                    <td class:locked=locked>
                        <QtyInput state name=field label=name context=format!(" — {day}") locked/>
                    </td>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{day.clone()}</th>
            {cells}
            <td class="total" data-label=td_string!(locale, contracts.total)>
                <Total state figure=Figure::Date(date)/>
                <Problems state field=date_field(date)/>
            </td>
        </tr>
    }
}

/// "Copy the first row everywhere": the first date the entrant may change gives its
/// quantities to every other cell that is open on both dates.
fn copy_first_row(state: FormState) {
    let copies: Vec<(String, String)> = state.model.with_value(|m| {
        let ctx = m.ctx();
        let offer = &m.page.offer;
        let Some(first) = ctx.first_open_date(&m.editable) else {
            return Vec::new();
        };
        let open = |date, product| ctx.cell_state(&m.editable, date, product) == CellState::Open;
        offer
            .dates
            .iter()
            .filter(|d| **d != first)
            .flat_map(|&date| {
                offer
                    .products
                    .iter()
                    .filter(move |p| open(first, p.id) && open(date, p.id))
                    .map(move |p| {
                        (
                            cell_field(offer.nature, first, p.id),
                            cell_field(offer.nature, date, p.id),
                        )
                    })
            })
            .collect()
    });
    let values: Vec<(String, String)> = state.fields.with_untracked(|f| {
        copies
            .into_iter()
            .map(|(from, to)| (to, f.get(&from).cloned().unwrap_or_default()))
            .collect()
    });
    state.set_all(values);
}
