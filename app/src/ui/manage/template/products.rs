//! The editor's products: each one's price in this template, removal, and adding one of the
//! producer's other products. All of them are template changes (previewed once members signed up).

use super::changes::ChangeAction;
use super::ctx::TemplateCtx;
use crate::api::templates::{TemplateProductView, TemplateView};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Input, Select};
use crate::ui::paths::Amap;
use leptos::prelude::*;

/// `12,50` for a price input (what a person types; the parser reads it back exactly).
fn price_input(product: &TemplateProductView) -> String {
    product.price.as_input()
}

#[component]
pub fn ProductsSection(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let echo = ctx.echo.clone();
    let empty = view.products.is_empty();
    let rows = view
        .products
        .iter()
        .map(|p| view! { <ProductRow ctx=ctx.clone() product=p.clone()/> })
        .collect_view();
    let has_others = !view.other_products.is_empty();
    let add = "add-product".to_owned();
    let errors = echo.errors(&add);
    let options: Vec<(String, String)> = view
        .other_products
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    let producer = Amap::new(ctx.slug.clone()).producer(view.summary.producer.id);
    view! {
        <section class="card" id="produits">
            <h2>{t!(i18n, manage.products)}</h2>
            <Show when=move || empty>
                <p class="empty">{t!(i18n, manage.no_products)}</p>
            </Show>
            <table class="members products">
                <thead><tr>
                    <th scope="col">{t!(i18n, manage.product)}</th>
                    <th scope="col">{t!(i18n, manage.price)}</th>
                    <th scope="col">{t!(i18n, manage.actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Show when=move || has_others>
                <h3>{t!(i18n, manage.add_product)}</h3>
            </Show>
            {has_others.then(|| view! {
                <ChangeAction ctx=ctx.clone() form=add.clone() kind="add_product" errors class="stack-form">
                    <Select form=add.clone() name="product_id" label=t_string!(i18n, manage.product).to_owned() errors options=options.clone() selected=echo.value(&add, "product_id", "")/>
                    <Input form=add.clone() name="price" inputmode="decimal" label=t_string!(i18n, manage.price).to_owned() errors value=echo.value(&add, "price", "")/>
                    <button type="submit" class="secondary">{t!(i18n, manage.add_product)}</button>
                </ChangeAction>
            })}
            <p class="muted"><a href=producer>{t!(i18n, manage.catalogue)}</a></p>
        </section>
    }
}

#[component]
fn ProductRow(ctx: TemplateCtx, product: TemplateProductView) -> impl IntoView {
    let i18n = use_i18n();
    let echo = ctx.echo.clone();
    let id = product.id.to_string();
    let price_form = format!("price-{id}");
    let remove_form = format!("remove-{id}");
    let price_errors = echo.errors(&price_form);
    let name = if product.packaging.is_empty() {
        product.name.clone()
    } else {
        format!("{} ({})", product.name, product.packaging)
    };
    let price_label = t_string!(i18n, manage.price_of, product = product.name.clone()).to_string();
    let remove_label =
        t_string!(i18n, manage.remove_product, product = product.name.clone()).to_string();
    let price = echo.value(&price_form, "price", price_input(&product));
    let remove_errors = echo.errors(&remove_form);
    let id2 = id.clone();
    view! {
        <tr data-product=product.name.clone()>
            <td data-label=t_string!(i18n, manage.product)>{name}</td>
            <td data-label=t_string!(i18n, manage.price)>
                <ChangeAction ctx=ctx.clone() form=price_form.clone() kind="set_price" errors=price_errors notes=&["product_id"] class="row-form">
                    <input type="hidden" name="product_id" value=id2/>
                    <Input form=price_form name="price" inputmode="decimal" label=price_label errors=price_errors value=price/>
                    <button type="submit" class="secondary">{t!(i18n, manage.save_price)}</button>
                </ChangeAction>
            </td>
            <td data-label=t_string!(i18n, manage.actions)>
                <ChangeAction ctx form=remove_form kind="remove_product" errors=remove_errors notes=&["product_id"] class="inline">
                    <input type="hidden" name="product_id" value=id/>
                    <button type="submit" class="link" aria-label=remove_label>{t!(i18n, manage.remove)}</button>
                </ChangeAction>
            </td>
        </tr>
    }
}
