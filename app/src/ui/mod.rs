//! The Leptos UI, HTML first. Pages are components that run **on the server only**: they read
//! the API in-process and send complete HTML whose forms post and redirect, so every page
//! works without JavaScript and most pages ship none. The few parts that compute while the
//! member types are `#[island]`s (`member::signup`): they alone are compiled to WebAssembly,
//! hydrate in the browser, and call the same `crate::domain` functions the server re-checks.
//!
//! Areas, as the routes below: `shell` (document, header, login, chooser, not found), `kit`
//! (forms, fields, labels, formats), `member`, `manage` (templates, producers, outputs),
//! `cheques`, `admin`; page URLs come from `paths`.

pub mod admin;
pub mod cheques;
pub mod kit;
pub mod manage;
pub mod member;
pub mod paths;
pub mod shell;

use crate::i18n::I18nContextProvider;
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};
pub use shell::document::{Assets, shell};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Every route waits for its data before sending HTML, so pages are complete
    // without JavaScript (no streamed fragments to swap in).
    view! {
        <I18nContextProvider>
            <Title text="Amapola"/>
            <Router>
                <Routes fallback=shell::not_found::NotFoundPage>
                    <Route path=path!("/") view=shell::root::RootPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=shell::login::LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/mot-de-passe-oublie") view=shell::password::ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/mot-de-passe") view=shell::password::NewPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/confirmer-email") view=shell::password::ConfirmEmailPage ssr=SsrMode::Async/>
                    <ParentRoute path=path!("/a/:slug") view=shell::layout::AmapLayout ssr=SsrMode::Async>
                        <Route path=path!("") view=member::home::HomePage ssr=SsrMode::Async/>
                        <Route path=path!("contrats") view=member::contracts::MyContractsPage ssr=SsrMode::Async/>
                        <Route path=path!("contrats/:template_id") view=member::contract::ContractPage ssr=SsrMode::Async/>
                        <Route path=path!("livraisons") view=member::deliveries::MyDeliveriesPage ssr=SsrMode::Async/>
                        <Route path=path!("paiements") view=member::payments::MyPaymentsPage ssr=SsrMode::Async/>
                        <Route path=path!("adherents") view=member::directory::DirectoryPage ssr=SsrMode::Async/>
                        <Route path=path!("compte") view=member::account::AccountPage ssr=SsrMode::Async/>
                        <Route path=path!("adhesions") view=member::adhesions::MyAdhesionsPage ssr=SsrMode::Async/>
                        <Route path=path!("adhesions/:period_id/bulletin") view=member::adhesions::BulletinPage ssr=SsrMode::Async/>
                        <Route path=path!("permanences") view=member::rota::RotasPage ssr=SsrMode::Async/>
                        <Route path=path!("permanences/:period_id") view=member::rota::RotaPage ssr=SsrMode::Async/>
                        <Route path=path!("permanences/:period_id/planning") view=member::rota::PlanningPage ssr=SsrMode::Async/>
                        <Route path=path!("permanences/:period_id/historique") view=member::rota::HistoryPage ssr=SsrMode::Async/>
                        <Route path=path!("distributions") view=member::distributions::DistributionsPage ssr=SsrMode::Async/>
                        <Route path=path!("distributions/:day") view=member::distributions::SignInSheetPage ssr=SsrMode::Async/>
                        <Route path=path!("tresorerie/adhesions") view=admin::adhesions::PeriodsPage ssr=SsrMode::Async/>
                        <Route path=path!("tresorerie/adhesions/:period_id") view=admin::adhesions::PeriodPage ssr=SsrMode::Async/>
                        <Route path=path!("admin/members") view=admin::members::AdminMembersPage ssr=SsrMode::Async/>
                        <Route path=path!("admin/members/import") view=admin::import::ImportPage ssr=SsrMode::Async/>
                        <Route path=path!("admin/members/:member_id") view=admin::member::MemberPage ssr=SsrMode::Async/>
                        <Route path=path!("admin/reglages") view=admin::settings::SettingsPage ssr=SsrMode::Async/>
                        <Route path=path!("admin/mails") view=admin::mails::MailsPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats") view=manage::templates::TemplatesPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/ecrire") view=manage::write::WritePage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id") view=manage::template::TemplatePage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/inscrits") view=manage::subscriptions::SubscriptionsPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/inscrits/:member_id") view=manage::subscriptions::SubscriptionPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/synthese") view=manage::outputs::SynthesisPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/livraison/:date") view=manage::outputs::DeliveryPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/cheques") view=cheques::register::RegisterPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/cheques/journal") view=cheques::audit::AuditPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/contrats/:id/remises/:remittance_id") view=cheques::slip::SlipPage ssr=SsrMode::Async/>
                        <Route path=path!("gestion/producteurs/:producer_id") view=manage::producer::ProducerPage ssr=SsrMode::Async/>
                        <Route path=path!("*any") view=shell::not_found::NotFoundPage ssr=SsrMode::Async/>
                    </ParentRoute>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}
