//! `/a/{slug}/paiements` ("Mes paiements"): for each contract, the cheques still to give
//! (identical amounts together: "3 chèques de 20,00 € : janvier, février, mars"), those the
//! AMAP holds, and those handed to the producer with the real date.

use crate::api::payments::{ChequeView, MyPaymentContract, my_payments};
use crate::domain::Money;
use crate::domain::payment::register::Tally;
use crate::i18n::{t_string, use_i18n};
use crate::ui::cheques::labels::cheque_group_lines;
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::form::locale;
use crate::ui::kit::format::long_date;
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyPaymentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_slug();
    let data = Resource::new(move || slug.get(), my_payments);
    let title = t_string!(i18n, payments.title);
    view! {
        <Title text=title/>
        <main class="page">
            <h1>{title}</h1>
            <Suspense fallback=|| ()>
                {move || data.get().map(|loaded| match loaded {
                    Ok(payments) if payments.contracts.is_empty() => {
                        view! { <p class="empty">{t_string!(i18n, payments.no_contracts)}</p> }.into_any()
                    }
                    Ok(payments) => payments
                        .contracts
                        .into_iter()
                        .map(|contract| view! { <ContractPayments contract/> })
                        .collect_view()
                        .into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn ContractPayments(contract: MyPaymentContract) -> impl IntoView {
    let i18n = use_i18n();
    let t = contract.tally;
    let changed = order_changed(&contract);
    let header = view! {
        <h2>{contract.template.name.clone()}</h2>
        <p class="muted">{contract.template.producer.name.clone()}</p>
    };
    if !contract.managed {
        let message = if contract.message.trim().is_empty() {
            t_string!(i18n, payments.not_managed).to_owned()
        } else {
            contract.message
        };
        return view! { <section class="card">{header}<p>{message}</p></section> }.into_any();
    }
    let to_give = cheque_group_lines(&contract.to_give)
        .into_iter()
        .map(|text| view! { <li>{text}</li> })
        .collect_view();
    let has_to_give = !contract.to_give.is_empty();
    let payee = t_string!(i18n, payments.payee, payee = contract.payee.clone()).to_string();
    let collector = contract
        .collector
        .map(|c| t_string!(i18n, payments.hand_to, name = c.name).to_string());
    let due = contract
        .hand_in_by
        .map(|d| t_string!(i18n, payments.hand_in_by, date = long_date(locale(), d)).to_string());
    view! {
        <section class="card payments" data-template=contract.template.id.to_string()>
            {header}
            <p>
                {t_string!(i18n, payments.ordered, amount = t.ordered.to_string()).to_string()}
                " · "{t_string!(i18n, payments.given, amount = t.given().to_string()).to_string()}
                " · "{left_to_give(t)}
            </p>
            {(t.credit != Money::ZERO).then(|| view! {
                <p>{t_string!(i18n, payments.credit, amount = t.credit.to_string()).to_string()}</p>
            })}
            {changed}
            <Show when=move || has_to_give>
                <h3>{t_string!(i18n, payments.to_give)}</h3>
                <p>{payee.clone()}</p>
                {collector.clone().map(|c| view! { <p>{c}</p> })}
                {due.clone().map(|d| view! { <p>{d}</p> })}
            </Show>
            <ul class="to-give">{to_give}</ul>
            <Cheques title=t_string!(i18n, payments.at_amap) cheques=contract.at_amap/>
            <Cheques title=t_string!(i18n, payments.handed) cheques=contract.remitted/>
        </section>
    }
    .into_any()
}

/// The member's own wording, never the treasurer's signed "solde".
fn left_to_give(t: Tally) -> String {
    let i18n = use_i18n();
    let left = t.left_to_give();
    if left == Money::ZERO {
        t_string!(i18n, payments.settled).to_string()
    } else {
        t_string!(i18n, payments.left_to_give, amount = left.to_string()).to_string()
    }
}

#[component]
fn Cheques(title: &'static str, cheques: Vec<ChequeView>) -> impl IntoView {
    let i18n = use_i18n();
    (!cheques.is_empty()).then(|| {
        let items = cheques
            .into_iter()
            .map(|c| {
                let when = c.handed_on.map(|on| {
                    format!(
                        " — {}",
                        t_string!(i18n, payments.remitted_on, date = long_date(locale(), on))
                    )
                });
                view! { <li>{long_date(locale(), c.date)}" : "{c.amount.to_string()}{when}</li> }
            })
            .collect_view();
        view! { <h3>{title}</h3><ul>{items}</ul> }
    })
}

/// After a price change, a cancelled date or a joker, the cheques no longer add up to the
/// order: say so, and where the promised ones can be adjusted (received and remitted cheques
/// never change by themselves).
fn order_changed(contract: &MyPaymentContract) -> Option<impl IntoView + use<>> {
    let i18n = use_i18n();
    let t = contract.tally;
    let gap = t.schedule_gap();
    (gap != Money::ZERO).then(|| {
        let cheques = gap + t.ordered - t.credit;
        let text = t_string!(
            i18n,
            payments.order_changed,
            ordered = t.ordered.to_string(),
            cheques = cheques.to_string()
        )
        .to_string();
        let slug = use_slug().get_untracked();
        let href = format!(
            "{}#echeancier",
            Amap::new(slug).contract(contract.template.id)
        );
        view! {
            <p class="notice" data-testid="order-changed">{text}" "
                <a href=href>{t_string!(i18n, payments.order_changed_link)}</a>
            </p>
        }
    })
}
