//! The editor's calendar: each date with its state and the buttons that cancel, restore,
//! delete or move it; adding dates; cancelling one product on one date. Every one of them is
//! a template change (see `changes`).

use super::changes::{ChangeAction, product_name};
use super::ctx::TemplateCtx;
use crate::api::templates::TemplateView;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Input, Select, TextArea, day};
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn CalendarSection(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let echo = ctx.echo.clone();
    let rows = view
        .dates
        .iter()
        .map(|d| view! { <DateRow ctx=ctx.clone() date=*d template=view.clone()/> })
        .collect_view();
    let add = "add-dates".to_owned();
    let add_errors = echo.errors(&add);
    let added = echo.value(&add, "date", "");
    let cancel = "cancel-product".to_owned();
    let cancel_errors = echo.errors(&cancel);
    let (cancel_date, cancel_product) = (
        echo.value(&cancel, "date", ""),
        echo.value(&cancel, "product_id", ""),
    );
    let date_options: Vec<(String, String)> = view
        .dates
        .iter()
        .map(|d| (d.to_string(), day(*d)))
        .collect();
    let product_options: Vec<(String, String)> = view
        .products
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    view! {
        <section class="card" id="calendrier">
            <h2>{t!(i18n, manage.calendar)}</h2>
            <table class="members calendar">
                <thead><tr>
                    <th scope="col">{t!(i18n, manage.date)}</th>
                    <th scope="col">{t!(i18n, manage.status)}</th>
                    <th scope="col">{t!(i18n, manage.actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>{t!(i18n, manage.add_dates)}</h3>
            <ChangeAction ctx=ctx.clone() form=add.clone() kind="add_dates" errors=add_errors class="stack-form">
                <TextArea form=add name="date" label=t_string!(i18n, manage.new_dates).to_owned() errors=add_errors value=added hint=t_string!(i18n, manage.date_list_hint).to_owned()/>
                <button type="submit" class="secondary">{t!(i18n, manage.add_dates)}</button>
            </ChangeAction>
            <h3>{t!(i18n, manage.cancel_product)}</h3>
            <ChangeAction ctx form=cancel.clone() kind="cancel" errors=cancel_errors class="stack-form">
                <Select form=cancel.clone() name="date" label=t_string!(i18n, manage.date).to_owned() errors=cancel_errors options=date_options selected=cancel_date/>
                <Select form=cancel name="product_id" label=t_string!(i18n, manage.product).to_owned() errors=cancel_errors options=product_options selected=cancel_product/>
                <button type="submit" class="secondary">{t!(i18n, manage.cancel_product_button)}</button>
            </ChangeAction>
        </section>
    }
}

/// One delivery date: its state, and the buttons that cancel, restore, delete or move it.
#[component]
fn DateRow(ctx: TemplateCtx, date: NaiveDate, template: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let echo = ctx.echo.clone();
    let shown = day(date);
    let iso = date.to_string();
    let whole = template
        .exclusions
        .iter()
        .any(|e| e.date == date && e.product.is_none());
    let status = if whole {
        t_string!(i18n, manage.date_cancelled)
    } else {
        t_string!(i18n, manage.date_open)
    };
    let restores = template
        .exclusions
        .iter()
        .filter(|e| e.date == date)
        .filter_map(|e| e.product)
        .map(|p| {
            let id = p.to_string();
            let name = product_name(&template, &id);
            let form = format!("restore-{iso}-{id}");
            let label = t_string!(i18n, manage.restore_product, product = name.clone(), date = shown.clone()).to_string();
            let text = t_string!(i18n, manage.product_cancelled, product = name).to_string();
            let errors = echo.errors(&form);
            let iso = iso.clone();
            view! {
                <li>
                    {text}" "
                    <ChangeAction ctx=ctx.clone() form kind="restore" errors class="inline">
                        <input type="hidden" name="date" value=iso/>
                        <input type="hidden" name="product_id" value=id/>
                        <button type="submit" class="link" aria-label=label>{t!(i18n, manage.restore)}</button>
                    </ChangeAction>
                </li>
            }
        })
        .collect_view();
    let sheet = format!("{}/livraison/{iso}", ctx.here);
    let (toggle_kind, toggle_label) = if whole {
        (
            "restore",
            t_string!(i18n, manage.restore_date, date = shown.clone()).to_string(),
        )
    } else {
        (
            "cancel",
            t_string!(i18n, manage.cancel_date, date = shown.clone()).to_string(),
        )
    };
    let delete_label = t_string!(i18n, manage.delete_date, date = shown.clone()).to_string();
    let move_label = t_string!(i18n, manage.move_to, date = shown.clone()).to_string();
    let (toggle, delete, moving) = (
        format!("toggle-{iso}"),
        format!("delete-{iso}"),
        format!("move-{iso}"),
    );
    let (toggle_errors, delete_errors, move_errors) = (
        echo.errors(&toggle),
        echo.errors(&delete),
        echo.errors(&moving),
    );
    let moved_to = echo.value(&moving, "to", "");
    let (iso1, iso2, iso3) = (iso.clone(), iso.clone(), iso.clone());
    view! {
        <tr data-date=iso>
            <td data-label=t_string!(i18n, manage.date)><a href=sheet>{shown}</a></td>
            <td data-label=t_string!(i18n, manage.status)>{status}<ul class="plain">{restores}</ul></td>
            <td data-label=t_string!(i18n, manage.actions)>
                <ChangeAction ctx=ctx.clone() form=toggle kind=toggle_kind errors=toggle_errors notes=&["date"] class="inline">
                    <input type="hidden" name="date" value=iso1/>
                    <button type="submit" class="link">{toggle_label}</button>
                </ChangeAction>
                " · "
                <ChangeAction ctx=ctx.clone() form=delete kind="delete_date" errors=delete_errors notes=&["date"] class="inline">
                    <input type="hidden" name="date" value=iso2/>
                    <button type="submit" class="link">{delete_label}</button>
                </ChangeAction>
                <ChangeAction ctx form=moving.clone() kind="move_date" errors=move_errors class="row-form">
                    <input type="hidden" name="date" value=iso3/>
                    <Input form=moving name="to" kind="date" label=move_label errors=move_errors value=moved_to/>
                    <button type="submit" class="secondary">{t!(i18n, manage.move_button)}</button>
                </ChangeAction>
            </td>
        </tr>
    }
}
