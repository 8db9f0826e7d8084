//! "Mes contrats": the contracts open to me, mine, and the finished ones.

use crate::api::contracts::{MyContract, MyContracts, mine};
use crate::api::templates::TemplateSummary;
use crate::domain::TemplateId;
use crate::domain::contract::Nature;
use crate::i18n::{Locale, t_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::form::locale;
use crate::ui::kit::format::{long_date, short_date};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;

pub(super) fn nature_name(i18n: I18nContext<Locale>, nature: Nature) -> &'static str {
    match nature {
        Nature::FixedBasket => t_string!(i18n, contracts.nature_subscription),
        Nature::Free => t_string!(i18n, contracts.nature_free),
        Nature::PrepaidCard => t_string!(i18n, contracts.nature_prepaid_card),
    }
}

#[component]
pub fn MyContractsPage() -> impl IntoView {
    let slug = use_slug();
    let contracts = Resource::new(move || slug.get(), mine);
    view! {
        <Suspense fallback=|| ()>
            {move || contracts.get().map(|result| match result {
                Ok(contracts) => view! { <ContractLists slug=slug.get() contracts/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ContractLists(slug: String, contracts: MyContracts) -> impl IntoView {
    let i18n = use_i18n();
    let pages = Amap::new(slug);
    let link = move |id: TemplateId| pages.contract(id);
    let offered = contracts
        .offered
        .into_iter()
        .map(|t| {
            let href = link(t.id);
            let name = t.name.clone();
            view! {
                <li class="card">
                    <Summary template=t/>
                    <a class="button" href=href>
                        {t_string!(i18n, contracts.sign_up)}<span class="sr-only">{format!(" : {name}")}</span>
                    </a>
                </li>
            }
            .into_any()
        })
        .collect::<Vec<_>>();
    let subscribed = |list: Vec<MyContract>| {
        list.into_iter()
            .map(|c| view! { <Subscribed href=link(c.template.id) contract=c/> }.into_any())
            .collect::<Vec<_>>()
    };
    let current = subscribed(contracts.mine);
    let history = subscribed(contracts.history);
    view! {
        <Title text=t_string!(i18n, contracts.title)/>
        <main class="page">
            <h1>{t_string!(i18n, contracts.title)}</h1>
            <Section id="offered" title=t_string!(i18n, contracts.offered) empty=t_string!(i18n, contracts.offered_empty) items=offered/>
            <Section id="current" title=t_string!(i18n, contracts.current) empty=t_string!(i18n, contracts.current_empty) items=current/>
            <Section id="history" title=t_string!(i18n, contracts.history) empty=t_string!(i18n, contracts.history_empty) items=history/>
        </main>
    }
}

#[component]
fn Section(
    id: &'static str,
    title: &'static str,
    empty: &'static str,
    items: Vec<AnyView>,
) -> impl IntoView {
    let none = items.is_empty();
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {none.then(|| view! { <p class="empty">{empty}</p> })}
            <ul class="contract-list">{items}</ul>
        </section>
    }
}

/// Name, producer, nature, deadline and dates of a template.
#[component]
fn Summary(template: TemplateSummary) -> impl IntoView {
    let i18n = use_i18n();
    let dates = match (template.first_date, template.last_date) {
        (Some(first), Some(last)) => t_string!(
            i18n,
            contracts.dates,
            count = template.date_count,
            first = short_date(locale(), first),
            last = short_date(locale(), last)
        )
        .to_string(),
        _ => t_string!(i18n, contracts.no_dates).to_owned(),
    };
    view! {
        <h3>{template.name}</h3>
        <p>{template.producer.name}" · "{nature_name(i18n, template.nature)}</p>
        <p class="muted">{t_string!(i18n, contracts.deadline, date = long_date(locale(), template.deadline)).to_string()}</p>
        <p class="muted">{dates}</p>
    }
}

#[component]
fn Subscribed(href: String, contract: MyContract) -> impl IntoView {
    let i18n = use_i18n();
    let name = contract.template.name.clone();
    let id = contract.template.id.to_string();
    let action = if contract.editable {
        t_string!(i18n, contracts.edit)
    } else {
        t_string!(i18n, contracts.view)
    };
    view! {
        <li class="card" data-template=id>
            <Summary template=contract.template/>
            <p>
                <strong>{t_string!(i18n, contracts.amount, amount = contract.amount.to_string()).to_string()}</strong>
                " · "{t_string!(i18n, contracts.units, count = contract.units).to_string()}
            </p>
            <a class="button" href=href>{action}<span class="sr-only">{format!(" : {name}")}</span></a>
        </li>
    }
}
