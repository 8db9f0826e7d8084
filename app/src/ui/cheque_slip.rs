//! `/a/{slug}/gestion/contrats/{id}/remises/{remittance_id}`: a deposit slip ready to print
//! (each cheque, the total cross-checked, the real hand-over date), its files, and its
//! cancellation; `/a/{slug}/gestion/contrats/{id}/cheques/journal`: the cheque audit trail.

use super::form::ErrorNotice;
use super::layout::use_slug;
use super::manage_kit::{Echo, ManageForm, day};
use super::manage_labels::Downloads;
use super::manage_template::{not_found, use_template_id};
use super::payment_labels::{action_label, state_label};
use super::print_button::PrintButton;
use crate::api::payments::{AuditLog, Slip, audit, remittance_path, slip};
use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

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
    let register = format!("/a/{slug}/gestion/contrats/{id}/cheques");
    let here = format!("/a/{slug}/gestion/contrats/{id}/remises/{}", slip.id);
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
    let rows = slip
        .lines
        .into_iter()
        .map(|l| {
            view! {
                <tr>
                    <th scope="row">{l.member}</th>
                    <td>{l.bank}</td>
                    <td>{l.number}</td>
                    <td>{l.drawer}</td>
                    <td class="num">{l.amount.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let navigate = use_navigate();
    let back = register.clone();
    let on_deleted = Callback::new(move |_| navigate(&back, Default::default()));
    let form = "delete-slip".to_owned();
    let errors = Echo::from_query().errors(&form);
    view! {
        <Title text=title.clone()/>
        <main class="page wide slip">
            <p class="no-print"><a href=register.clone()>{t_string!(i18n, payments.back_to_register)}</a></p>
            <h1>{title}</h1>
            <p>{slip.template.name.clone()}</p>
            <p>{meta}</p>
            {(!slip.consistent).then(|| view! { <p class="alert" role="alert">{t_string!(i18n, payments.slip_inconsistent)}</p> })}
            <div class="no-print"><Downloads api_path=api.clone()/><PrintButton/></div>
            <table class="grid">
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
                <ManageForm form action=api.clone() here next=register errors on_success=on_deleted>
                    <input type="hidden" name="_method" value="DELETE"/>
                    <button type="submit" class="danger">{t_string!(i18n, payments.slip_delete)}</button>
                </ManageForm>
            </div>
        </main>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let data = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move { audit(slug, id.ok_or_else(not_found)?).await },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().zip(id.get()).map(|(loaded, id)| match loaded {
                Ok(log) => view! { <AuditView slug=slug.get() id log/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn AuditView(slug: String, id: crate::domain::TemplateId, log: AuditLog) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, payments.audit_title, name = log.template.name.clone()).to_string();
    let register = format!("/a/{slug}/gestion/contrats/{id}/cheques");
    let rows = log
        .entries
        .into_iter()
        .map(|e| {
            let moved = match (e.from, e.to) {
                (Some(from), Some(to)) if from != to => {
                    format!("{} → {}", state_label(from), state_label(to))
                }
                (_, Some(to)) => state_label(to).to_owned(),
                (Some(from), None) => state_label(from).to_owned(),
                (None, None) => String::new(),
            };
            view! {
                <tr>
                    <td>{e.at.format("%d/%m/%Y %H:%M UTC").to_string()}</td>
                    <td>{e.actor}</td>
                    <td>{e.member}</td>
                    <td>{action_label(e.action)}</td>
                    <td>{moved}</td>
                    <td>{e.date.map(day).unwrap_or_default()}</td>
                    <td class="num">{e.amount.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone()/>
        <main class="page wide">
            <p><a href=register>{t_string!(i18n, payments.back_to_register)}</a></p>
            <h1>{title}</h1>
            <div class="scroll">
                <table class="grid">
                    <thead><tr>
                        <th scope="col">{t_string!(i18n, payments.at)}</th>
                        <th scope="col">{t_string!(i18n, payments.actor)}</th>
                        <th scope="col">{t_string!(i18n, payments.member)}</th>
                        <th scope="col">{t_string!(i18n, payments.action)}</th>
                        <th scope="col">{t_string!(i18n, payments.state)}</th>
                        <th scope="col">{t_string!(i18n, payments.date)}</th>
                        <th scope="col">{t_string!(i18n, payments.amount)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </main>
    }
}
