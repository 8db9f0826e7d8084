//! The editor's stock: limits (per product, on every date or one), conversions (a large basket
//! takes two small ones), and the counters (date × stock product: used / capacity).

use super::ctx::TemplateCtx;
use crate::api::templates::{StockStatus, TemplateView};
use crate::domain::ProductId;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Form, Input, Select, day};
use chrono::NaiveDate;
use leptos::prelude::*;

fn name_in(view: &TemplateView, id: ProductId) -> String {
    view.products
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// One date of the counters table: a cell per stock product (empty where it has no counter).
type CounterRow = (NaiveDate, Vec<Option<StockStatus>>);

/// The counters as a table: dates in order, stock products in first-seen order.
fn counter_table(stock: &[StockStatus]) -> (Vec<ProductId>, Vec<CounterRow>) {
    let mut products: Vec<ProductId> = Vec::new();
    let mut dates: Vec<NaiveDate> = Vec::new();
    for s in stock {
        if !products.contains(&s.product) {
            products.push(s.product);
        }
        if !dates.contains(&s.date) {
            dates.push(s.date);
        }
    }
    dates.sort_unstable();
    let rows = dates
        .into_iter()
        .map(|d| {
            let cells = products
                .iter()
                .map(|p| {
                    stock
                        .iter()
                        .find(|s| s.date == d && s.product == *p)
                        .copied()
                })
                .collect();
            (d, cells)
        })
        .collect();
    (products, rows)
}

#[component]
pub fn StockSection(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let all_dates = t_string!(i18n, manage.all_dates).to_owned();
    let limits = view
        .stock_limits
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let product = name_in(&view, l.product);
            let when = l.date.map_or_else(|| all_dates.clone(), day);
            let form = format!("unlimit-{i}");
            let label = t_string!(i18n, manage.remove_limit, product = product.clone(), date = when.clone()).to_string();
            let errors = ctx.echo.errors(&form);
            let product_id = l.product.to_string();
            let date = l.date.map(|d| d.to_string()).unwrap_or_default();
            let available = l.available;
            view! {
                <tr>
                    <td data-label=t_string!(i18n, manage.product)>{product}</td>
                    <td data-label=t_string!(i18n, manage.date)>{when}</td>
                    <td data-label=t_string!(i18n, manage.available)>{available}</td>
                    <td data-label=t_string!(i18n, manage.actions)>
                        <Form form=form.clone() action=format!("{}/stock", ctx.api) here=ctx.here.clone() errors method="PUT" class="inline">
                            <input type="hidden" name="product_id" value=product_id/>
                            <input type="hidden" name="date" value=date/>
                            <input type="hidden" name="available" value=""/>
                            <button type="submit" class="link" aria-label=label>{t!(i18n, manage.remove)}</button>
                        </Form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let conversions = view
        .conversions
        .iter()
        .map(|c| {
            let text = t_string!(
                i18n,
                manage.conversion_line,
                product = name_in(&view, c.product),
                coefficient = c.coefficient,
                stock_product = name_in(&view, c.stock_product)
            )
            .to_string();
            view! { <li>{text}</li> }
        })
        .collect_view();
    let limits = if view.stock_limits.is_empty() {
        view! { <p class="empty">{t!(i18n, manage.no_limits)}</p> }.into_any()
    } else {
        view! {
            <table class="members limits">
                <thead><tr>
                    <th scope="col">{t!(i18n, manage.product)}</th>
                    <th scope="col">{t!(i18n, manage.date)}</th>
                    <th scope="col">{t!(i18n, manage.available)}</th>
                    <th scope="col">{t!(i18n, manage.actions)}</th>
                </tr></thead>
                <tbody>{limits}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="card" id="stock">
            <h2>{t!(i18n, manage.stock)}</h2>
            {limits}
            <LimitForm ctx=ctx.clone() view=view.clone()/>
            <h3>{t!(i18n, manage.conversions)}</h3>
            <ul class="plain">{conversions}</ul>
            <ConversionForm ctx view=view.clone()/>
            <Counters view/>
        </section>
    }
}

#[component]
fn LimitForm(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let form = "limit".to_owned();
    let echo = ctx.echo.clone();
    let errors = echo.errors(&form);
    let products: Vec<(String, String)> = view
        .products
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    let dates: Vec<(String, String)> =
        std::iter::once((String::new(), t_string!(i18n, manage.all_dates).to_owned()))
            .chain(view.dates.iter().map(|d| (d.to_string(), day(*d))))
            .collect();
    view! {
        <h3>{t!(i18n, manage.set_limit)}</h3>
        <Form form=form.clone() action=format!("{}/stock", ctx.api) here=ctx.here.clone() errors method="PUT" class="stack-form">
            <Select form=form.clone() name="product_id" label=t_string!(i18n, manage.product).to_owned() errors options=products selected=echo.value(&form, "product_id", "")/>
            <Select form=form.clone() name="date" label=t_string!(i18n, manage.date).to_owned() errors options=dates selected=echo.value(&form, "date", "")/>
            <Input form=form.clone() name="available" kind="number" inputmode="numeric" label=t_string!(i18n, manage.available).to_owned() errors value=echo.value(&form, "available", "")/>
            <button type="submit" class="secondary">{t!(i18n, manage.set_limit)}</button>
        </Form>
    }
}

#[component]
fn ConversionForm(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let form = "conversion".to_owned();
    let echo = ctx.echo.clone();
    let errors = echo.errors(&form);
    let products: Vec<(String, String)> = view
        .products
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    view! {
        <Form form=form.clone() action=format!("{}/stock", ctx.api) here=ctx.here.clone() errors method="PUT" class="stack-form">
            <Select form=form.clone() name="product_id" label=t_string!(i18n, manage.conversion_product).to_owned() errors options=products.clone() selected=echo.value(&form, "product_id", "")/>
            <Select form=form.clone() name="stock_product_id" label=t_string!(i18n, manage.conversion_stock_product).to_owned() errors options=products selected=echo.value(&form, "stock_product_id", "")/>
            <Input form=form.clone() name="coefficient" kind="number" inputmode="numeric" label=t_string!(i18n, manage.coefficient).to_owned() errors value=echo.value(&form, "coefficient", "")/>
            <button type="submit" class="secondary">{t!(i18n, manage.set_conversion)}</button>
        </Form>
    }
}

/// Date × stock product: used / capacity.
#[component]
fn Counters(view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let (products, rows) = counter_table(&view.stock);
    if products.is_empty() {
        return ().into_any();
    }
    let heads = products
        .iter()
        .map(|p| view! { <th scope="col">{name_in(&view, *p)}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|(date, cells)| {
            let cells = cells
                .into_iter()
                .map(|c| {
                    let text = c
                        .map(|s| format!("{} / {}", s.used, s.capacity))
                        .unwrap_or_default();
                    view! { <td>{text}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{day(date)}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <h3>{t!(i18n, manage.counters)}</h3>
        <div class="scroll">
            <table class="grid">
                <thead><tr><th scope="col">{t!(i18n, manage.date)}</th>{heads}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
