//! "Mes contrats": the contracts open to me, mine, and the finished ones; and the sign-up
//! page of one contract (`ContractForm` on the member's own endpoints).

use super::contract_form::ContractForm;
use super::form::ErrorNotice;
use super::layout::use_slug;
use super::schedule_form::ScheduleSection;
use super::schedule_preview::SchedulePreview;
use crate::api::contracts::{MyContract, MyContracts, mine, my_contract_path, sign_up_page};
use crate::api::templates::TemplateSummary;
use crate::api::{ApiError, ErrorKind};
use crate::domain::TemplateId;
use crate::domain::contract::Nature;
use crate::domain::contract::agenda::day_month_year;
use crate::i18n::{Locale, t_string, use_i18n};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

pub fn contracts_page(slug: &str) -> String {
    format!("/a/{slug}/contrats")
}

/// One contract's page (sign-up form and "Mon échéancier").
pub fn contract_page(slug: &str, template: TemplateId) -> String {
    format!("{}/{template}", contracts_page(slug))
}

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
    let link = move |id: TemplateId| contract_page(&slug, id);
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
            first = day_month_year(first),
            last = day_month_year(last)
        )
        .to_string(),
        _ => t_string!(i18n, contracts.no_dates).to_owned(),
    };
    view! {
        <h3>{template.name}</h3>
        <p>{template.producer.name}" · "{nature_name(i18n, template.nature)}</p>
        <p class="muted">{t_string!(i18n, contracts.deadline, date = day_month_year(template.deadline)).to_string()}</p>
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

/// `/a/{slug}/contrats/{template_id}`: signing up, or changing one's contract.
#[component]
pub fn ContractPage() -> impl IntoView {
    let slug = use_slug();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|p| p.get("template_id").and_then(|v| v.parse::<i64>().ok()))
    });
    let page = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move {
            match id {
                Some(id) => sign_up_page(slug, TemplateId(id)).await,
                None => Err(ApiError::new(ErrorKind::NotFound, "no such template")),
            }
        },
    );
    let i18n = use_i18n();
    view! {
        <Suspense fallback=|| ()>
            {move || page.get().map(|result| match result {
                Ok(page) => {
                    let slug = slug.get();
                    let api = my_contract_path(&slug, page.template.id);
                    let name = page.template.name.clone();
                    let producer = page.template.producer.name.clone();
                    let nature = nature_name(i18n, page.template.nature);
                    let description = page.description.clone();
                    let typed_grid = RwSignal::new(None);
                    view! {
                        <Title text=name.clone()/>
                        <main class="page">
                            <p><a href=contracts_page(&slug)>{t_string!(i18n, contracts.back)}</a></p>
                            <h1>{name}</h1>
                            <p class="muted">{producer}" · "{nature}</p>
                            <p>{description}</p>
                            {(!page.as_referent).then(|| view! {
                                <ScheduleSection page=page.clone() action=format!("{api}/payments")/>
                            })}
                            <ContractForm page=page.clone() action=api.clone() delete_action=api.clone() next=contracts_page(&slug) typed_grid/>
                            <SchedulePreview page grid=typed_grid/>
                        </main>
                    }.into_any()
                }
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}
