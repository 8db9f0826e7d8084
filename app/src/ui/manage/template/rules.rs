//! The editor's entry rules ("règles de saisie"): one sentence per rule, each with its delete
//! button, and the form that adds one.

use super::ctx::TemplateCtx;
use crate::api::templates::{TemplateProductView, TemplateView};
use crate::domain::ProductId;
use crate::domain::contract::{Binds, DateScope, EntryRule, Operator, ProductScope};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Check, Form, Input, Select, day};
use leptos::prelude::*;

/// "Vin : par multiple de 6, à chaque date".
fn sentence(rule: &EntryRule, products: &[TemplateProductView]) -> String {
    let i18n = use_i18n();
    let name = |id: &ProductId| {
        products
            .iter()
            .find(|p| p.id == *id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    let which = match &rule.products {
        ProductScope::One(id) => name(id),
        ProductScope::Several(ids) => ids.iter().map(name).collect::<Vec<_>>().join(", "),
        ProductScope::All => t_string!(i18n, manage.rule_all_products).to_owned(),
    };
    let value = rule.value;
    let how = match rule.operator {
        Operator::Equal => t_string!(i18n, manage.rule_equal, value = value).to_string(),
        Operator::AtLeast => t_string!(i18n, manage.rule_at_least, value = value).to_string(),
        Operator::AtMost => t_string!(i18n, manage.rule_at_most, value = value).to_string(),
        Operator::MultipleOf => t_string!(i18n, manage.rule_multiple_of, value = value).to_string(),
    };
    let when = match &rule.dates {
        DateScope::EachDate => t_string!(i18n, manage.rule_each_date).to_string(),
        DateScope::WholeContract => t_string!(i18n, manage.rule_whole_contract).to_string(),
        DateScope::OneDate(d) => t_string!(i18n, manage.rule_one_date, date = day(*d)).to_string(),
        DateScope::SeveralDates(ds) => {
            let dates = ds.iter().map(|d| day(*d)).collect::<Vec<_>>().join(", ");
            t_string!(i18n, manage.rule_several_dates, dates = dates).to_string()
        }
    };
    let mut text = format!("{which} : {how}, {when}");
    if rule.binds == Binds::Everyone {
        text.push_str(t_string!(i18n, manage.rule_everyone));
    }
    if let Some(message) = &rule.message {
        text.push_str(&format!(" — « {message} »"));
    }
    text
}

#[component]
pub fn RulesSection(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let empty = view.rules.is_empty();
    let items = view
        .rules
        .iter()
        .map(|rule| {
            let text = sentence(&rule.rule, &view.products);
            let form = format!("rule-{}", rule.id);
            let label = t_string!(i18n, manage.delete_rule, rule = text.clone()).to_string();
            view! {
                <li>
                    <span>{text}</span>" "
                    <Form form=form.clone() action=format!("{}/rules/{}", ctx.api, rule.id) here=ctx.here.clone() errors=ctx.echo.errors(&form) method="DELETE" class="inline">
                        <button type="submit" class="link" aria-label=label>{t!(i18n, manage.delete)}</button>
                    </Form>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" id="regles">
            <h2>{t!(i18n, manage.rules)}</h2>
            <Show when=move || empty>
                <p class="empty">{t!(i18n, manage.no_rules)}</p>
            </Show>
            <ul class="rules">{items}</ul>
            <h3>{t!(i18n, manage.add_rule)}</h3>
            <RuleForm ctx view/>
        </section>
    }
}

#[component]
fn RuleForm(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let form = "rule".to_owned();
    let echo = ctx.echo.clone();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, fallback: &str| echo.value(&form, field, fallback)
    };
    let options = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(v, l)| ((*v).to_owned(), (*l).to_owned()))
            .collect::<Vec<_>>()
    };
    let product_scopes = options(&[
        ("one", t_string!(i18n, manage.rule_scope_one)),
        ("all", t_string!(i18n, manage.rule_all_products)),
    ]);
    let products: Vec<(String, String)> = view
        .products
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    let operators = options(&[
        ("multiple_of", t_string!(i18n, manage.op_multiple_of)),
        ("at_least", t_string!(i18n, manage.op_at_least)),
        ("at_most", t_string!(i18n, manage.op_at_most)),
        ("equal", t_string!(i18n, manage.op_equal)),
    ]);
    let date_scopes = options(&[
        ("each_date", t_string!(i18n, manage.rule_each_date)),
        (
            "whole_contract",
            t_string!(i18n, manage.rule_whole_contract),
        ),
        ("one_date", t_string!(i18n, manage.scope_one_date)),
        ("several_dates", t_string!(i18n, manage.scope_several_dates)),
    ]);
    view! {
        <Form form=form.clone() action=format!("{}/rules", ctx.api) here=ctx.here.clone() errors class="stack-form">
            <Select form=form.clone() name="product_scope" label=t_string!(i18n, manage.rule_products).to_owned() errors options=product_scopes selected=v("product_scope", "one")/>
            <Select form=form.clone() name="products" label=t_string!(i18n, manage.product).to_owned() errors options=products selected=v("products", "")/>
            <Select form=form.clone() name="operator" label=t_string!(i18n, manage.operator).to_owned() errors options=operators selected=v("operator", "multiple_of")/>
            <Input form=form.clone() name="value" kind="number" inputmode="numeric" label=t_string!(i18n, manage.value).to_owned() errors value=v("value", "")/>
            <Select form=form.clone() name="date_scope" label=t_string!(i18n, manage.rule_dates).to_owned() errors options=date_scopes selected=v("date_scope", "each_date")/>
            <Input form=form.clone() name="dates" label=t_string!(i18n, manage.rule_date_list).to_owned() errors value=v("dates", "") hint=t_string!(i18n, manage.rule_date_list_hint).to_owned()/>
            <Input form=form.clone() name="message" label=t_string!(i18n, manage.rule_message).to_owned() errors value=v("message", "")/>
            <Check form=form.clone() name="everyone" label=t_string!(i18n, manage.rule_binds_everyone).to_owned() checked=echo.checked(&form, "everyone", false)/>
            <button type="submit" class="secondary">{t!(i18n, manage.add_rule)}</button>
        </Form>
    }
}
