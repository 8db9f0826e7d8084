//! The Leptos UI: one page per route, rendered on the server (complete HTML, usable with
//! JavaScript off) and hydrated in the browser. No business rule lives here: pages call
//! `crate::api` and show what `crate::domain` decided.

mod admin_members;
mod cheque_register;
mod cheque_slip;
mod contract_form;
mod contracts;
mod deliveries;
mod form;
mod home;
mod layout;
mod login;
mod manage_calendar;
mod manage_changes;
mod manage_kit;
mod manage_labels;
mod manage_payments;
mod manage_producer;
mod manage_rules;
mod manage_stock;
mod manage_subscriptions;
mod manage_template;
mod manage_template_products;
mod manage_template_tools;
mod manage_templates;
mod my_payments;
mod not_found;
mod payment_labels;
mod print_button;
mod producer_outputs;
mod root;
mod schedule_form;
mod schedule_preview;

use crate::i18n::I18nContextProvider;
pub use contract_form::ContractForm;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The HTML document around the app (server side only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="stylesheet" href="/pkg/amapola.css"/>
                <link rel="icon" href="data:,"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Marks `<body data-hydrated="true">` once the WASM app has taken over, so that browser
/// tests (and curious people) can tell a hydrated page from a server-only one.
fn mark_hydrated() {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    mark_hydrated();
    // Every route waits for its data before sending HTML, so pages are complete
    // without JavaScript (no streamed fragments to swap in).
    view! {
        <I18nContextProvider>
            <Title text="Amapola"/>
            <Router>
                <Routes fallback=not_found::NotFoundPage>
                    <Route path=path!("/") view=root::RootPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=login::LoginPage ssr=SsrMode::Async/>
                    <ParentRoute path=path!("/a/:slug") view=layout::AmapLayout ssr=SsrMode::Async>
                        <Route path=path!("") view=home::HomePage ssr=SsrMode::Async/>
                        <Route path=path!("admin/members") view=admin_members::AdminMembersPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats") view=manage_templates::TemplatesPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id") view=manage_template::TemplatePage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/inscrits") view=manage_subscriptions::SubscriptionsPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/inscrits/:member_id") view=manage_subscriptions::SubscriptionPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/synthese") view=producer_outputs::SynthesisPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/cheques") view=cheque_register::RegisterPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/cheques/journal") view=cheque_slip::AuditPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/remises/:remittance_id") view=cheque_slip::SlipPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/livraison/:date") view=producer_outputs::DeliveryPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/producteurs/:producer_id") view=manage_producer::ProducerPage ssr=SsrMode::Async/>
                        <Route path=path!("contrats") view=contracts::MyContractsPage ssr=SsrMode::Async/>
                        <Route path=path!("contrats/:template_id") view=contracts::ContractPage ssr=SsrMode::Async/>
                        <Route path=path!("livraisons") view=deliveries::MyDeliveriesPage ssr=SsrMode::Async/>
                        <Route path=path!("paiements") view=my_payments::MyPaymentsPage ssr=SsrMode::Async/>
                    </ParentRoute>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}
