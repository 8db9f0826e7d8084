//! `/a/{slug}/gestion/contrats/{id}/remises/{remittance_id}`: a deposit slip ready to print
//! (each cheque, the total cross-checked, the real hand-over date), its files, and its
//! cancellation.

use crate::api::payments::{Slip, remittance_path, slip};
use crate::i18n::{t_string, use_i18n};
use crate::ui::kit::Downloads;
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::print::PrintButton;
use crate::ui::kit::{Echo, Form, day};
use crate::ui::manage::template::{not_found, use_template_id};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SlipPage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let params = use_params_map();
    let remittance = Memo::new(move |_| {
        params.with(|p| {
            p.get("remittance_id")
                .and_then(|r| r.parse::<i64>().ok())
                .map(crate::domain::RemittanceId)
        })
    });
    let data = Resource::new(
        move || (slug.get(), id.get(), remittance.get()),
        |(slug, id, remittance)| async move {
            match (id, remittance) {
                (Some(id), Some(r)) => slip(slug, id, r).await,
                _ => Err(not_found()),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().zip(id.get()).map(|(loaded, id)| match loaded {
                Ok(slip) => view! { <SlipView slug=slug.get() id slip/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn SlipView(slug: String, id: crate::domain::TemplateId, slip: Slip) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, payments.slip_title, name = slip.producer.clone()).to_string();
    let pages = Amap::new(slug.clone());
    let register = pages.register(id);
    let here = pages.slip(id, slip.id);
    let api = remittance_path(&slug, id, slip.id);
    let meta = t_string!(
        i18n,
        payments.slip_meta,
        date = day(slip.payment_date),
        handed = day(slip.handed_on),
        payee = slip.payee.clone()
    )
    .to_string();
    let total = t_string!(
        i18n,
        payments.slip_total,
        amount = slip.total.to_string(),
        count = slip.count
    )
    .to_string();
    // On a phone each cheque is a card whose cells name themselves (data-label).
    let labels = [
        t_string!(i18n, payments.bank),
        t_string!(i18n, payments.number),
        t_string!(i18n, payments.drawer),
        t_string!(i18n, payments.amount),
    ];
    let rows = slip
        .lines
        .into_iter()
        .map(|l| {
            view! {
                <tr>
                    <th scope="row">{l.member}</th>
                    <td data-label=labels[0]>{l.bank}</td>
                    <td data-label=labels[1]>{l.number}</td>
                    <td data-label=labels[2]>{l.drawer}</td>
                    <td class="num" data-label=labels[3]>{l.amount.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let form = "delete-slip".to_owned();
    let errors = Echo::current().errors(&form);
    view! {
        <Title text=title.clone()/>
        <main class="page wide slip">
            <p class="no-print"><a href=register.clone()>{t_string!(i18n, payments.back_to_register)}</a></p>
            <h1>{title}</h1>
            <p>{slip.template.name.clone()}</p>
            <p>{meta}</p>
            {(!slip.consistent).then(|| view! { <p class="alert" role="alert">{t_string!(i18n, payments.slip_inconsistent)}</p> })}
            <div class="no-print"><Downloads api_path=api.clone()/><PrintButton/></div>
            <table class="slip-lines">
                <thead><tr>
                    <th scope="col">{t_string!(i18n, payments.member)}</th>
                    <th scope="col">{t_string!(i18n, payments.bank)}</th>
                    <th scope="col">{t_string!(i18n, payments.number)}</th>
                    <th scope="col">{t_string!(i18n, payments.drawer)}</th>
                    <th scope="col">{t_string!(i18n, payments.amount)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="slip-total"><strong>{total}</strong></p>
            <div class="no-print">
                <Form form action=api.clone() here next=register errors method="DELETE">
                    <button type="submit" class="danger">{t_string!(i18n, payments.slip_delete)}</button>
                </Form>
            </div>
        </main>
    }
}
