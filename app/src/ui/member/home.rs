//! A member's home in one AMAP: a summary that tells the truth — the next delivery (when,
//! where, what), the cheques still to bring and by when, the contracts open to sign up, my
//! next duties and what I still owe the rota — each with the way to its page.

use crate::api::home::{ChequesToBring, HomeSummary, HomeView, NextDelivery, member_home, summary};
use crate::api::rota::{MyDutiesView, my_duties};
use crate::api::templates::TemplateSummary;
use crate::domain::access::RoleLevel;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::cheques::labels::cheque_group_lines;
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::form::locale;
use crate::ui::kit::format::{capitalized, long_date};
use crate::ui::member::rota::HomeDuties;
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let slug = use_slug();
    let home = Resource::new(move || slug.get(), member_home);
    let summary = Resource::new(move || slug.get(), summary);
    // The duties are a part of the page: when they fail, the rest still shows.
    let duties = Resource::new(move || slug.get(), my_duties);
    let data = move || Some((home.get()?, summary.get()?, duties.get()?));
    view! {
        <Suspense fallback=|| ()>
            {move || data().map(|loaded| match loaded {
                (Ok(home), Ok(summary), duties) => view! { <Home home summary duties=duties.ok()/> }.into_any(),
                (Err(error), _, _) | (_, Err(error), _) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

pub fn role_name(
    i18n: leptos_i18n::I18nContext<crate::i18n::Locale>,
    level: RoleLevel,
) -> &'static str {
    match level {
        RoleLevel::Member => t_string!(i18n, roles.member),
        RoleLevel::Producer => t_string!(i18n, roles.producer),
        RoleLevel::Referent => t_string!(i18n, roles.referent),
        RoleLevel::Treasurer => t_string!(i18n, roles.treasurer),
        RoleLevel::Admin => t_string!(i18n, roles.admin),
    }
}

fn names(list: &[crate::api::producers::ProducerRef]) -> String {
    list.iter()
        .map(|p| p.name.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn Home(home: HomeView, summary: HomeSummary, duties: Option<MyDutiesView>) -> impl IntoView {
    let i18n = use_i18n();
    let pages = Amap::new(home.amap.slug.clone());
    let role = role_name(i18n, home.level);
    let referent_of = names(&home.roles.referent_of);
    let producer_of = names(&home.roles.producer_of);
    let where_when = [
        home.amap.distribution_hours.clone(),
        home.amap.distribution_place.clone(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <Title text=home.amap.name.clone()/>
        <main class="page">
            <h1>{t!(i18n, home.greeting, name = home.me.first_name.clone())}</h1>
            <p class="muted">{t!(i18n, home.role, role = role)}</p>
            {(!referent_of.is_empty()).then(|| view! {
                <p class="muted">{t!(i18n, home.referent_of, producers = referent_of.clone())}</p>
            })}
            {(!producer_of.is_empty()).then(|| view! {
                <p class="muted">{t!(i18n, home.producer_of, producers = producer_of.clone())}</p>
            })}
            <div class="sections">
                <Delivery next=summary.next_delivery where_when all=pages.deliveries()/>
                <Cheques to_bring=summary.to_bring all=pages.payments()/>
                <Contracts open=summary.open running=summary.running pages=pages.clone()/>
                {duties.map(|duties| view! { <HomeDuties duties pages=pages.clone()/> })}
            </div>
        </main>
    }
}

#[component]
fn Delivery(next: Option<NextDelivery>, where_when: String, all: String) -> impl IntoView {
    let i18n = use_i18n();
    let body = match next {
        None => view! { <p class="empty">{t!(i18n, home.deliveries_empty)}</p> }.into_any(),
        Some(next) => {
            let lines = next
                .lines
                .into_iter()
                .map(|l| {
                    let what = match l.packaging.is_empty() {
                        true => l.product.clone(),
                        false => format!("{} ({})", l.product, l.packaging),
                    };
                    view! {
                        <li data-product=l.product.clone()>
                            <strong>{format!("{} × ", l.qty)}</strong>{what}
                            <span class="muted">{format!(" — {}", l.producer)}</span>
                        </li>
                    }
                })
                .collect_view();
            let day = capitalized(&long_date(locale(), next.date));
            view! {
                <p class="when"><strong>{day}</strong></p>
                {(!where_when.is_empty()).then(|| view! { <p class="where">{where_when.clone()}</p> })}
                <ul class="collect">{lines}</ul>
            }
            .into_any()
        }
    };
    view! {
        <section class="card" aria-labelledby="next-delivery" id="home-delivery">
            <h2 id="next-delivery">{t!(i18n, home.next_delivery)}</h2>
            {body}
            <p><a href=all>{t!(i18n, home.all_deliveries)}</a></p>
        </section>
    }
}

#[component]
fn Cheques(to_bring: Vec<ChequesToBring>, all: String) -> impl IntoView {
    let i18n = use_i18n();
    let body = match to_bring.is_empty() {
        true => view! { <p class="empty">{t!(i18n, home.payments_empty)}</p> }.into_any(),
        false => to_bring
            .into_iter()
            .map(|c| {
                let groups = cheque_group_lines(&c.cheques)
                    .into_iter()
                    .map(|text| view! { <li>{text}</li> })
                    .collect_view();
                let due = c.hand_in_by.map(|d| {
                    t_string!(i18n, payments.hand_in_by, date = long_date(locale(), d)).to_string()
                });
                let payee = t_string!(i18n, payments.payee, payee = c.payee.clone()).to_string();
                view! {
                    <div class="to-bring" data-template=c.template.id.to_string()>
                        <h3>{c.template.name.clone()}</h3>
                        {due.map(|due| view! { <p><strong>{due}</strong></p> })}
                        <ul>{groups}</ul>
                        <p class="muted">{payee}</p>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <section class="card" aria-labelledby="to-bring" id="home-cheques">
            <h2 id="to-bring">{t!(i18n, home.cheques_to_bring)}</h2>
            {body}
            <p><a href=all>{t!(i18n, home.all_payments)}</a></p>
        </section>
    }
}

#[component]
fn Contracts(open: Vec<TemplateSummary>, running: u32, pages: Amap) -> impl IntoView {
    let i18n = use_i18n();
    let running_text = match running {
        0 => t_string!(i18n, home.contracts_empty).to_owned(),
        n => t_string!(i18n, home.running, count = n).to_string(),
    };
    let open_list = match open.is_empty() {
        true => view! { <p class="empty">{t!(i18n, home.open_empty)}</p> }.into_any(),
        false => {
            let items = open
                .into_iter()
                .map(|t| {
                    let until = t_string!(
                        i18n,
                        contracts.deadline,
                        date = long_date(locale(), t.deadline)
                    )
                    .to_string();
                    view! {
                        <li data-template=t.id.to_string()>
                            <a href=pages.contract(t.id)>{t.name.clone()}</a>
                            <span class="muted">{format!(" — {}", t.producer.name)}</span>
                            <br/><span>{until}</span>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="open-contracts">{items}</ul> }.into_any()
        }
    };
    view! {
        <section class="card" aria-labelledby="open-contracts" id="home-contracts">
            <h2 id="open-contracts">{t!(i18n, home.open_contracts)}</h2>
            {open_list}
            <p>{running_text}" · "<a href=pages.contracts()>{t!(i18n, contracts.home_contracts)}</a></p>
        </section>
    }
}
