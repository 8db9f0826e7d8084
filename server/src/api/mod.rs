//! The versioned JSON API (`/api/v1`), grouped by resource, one action per file. A handler
//! extracts, authorizes what it can before any query, parses, and calls its service
//! (`crate::services`). Routes are registered together with their OpenAPI description
//! (utoipa-axum), so an endpoint cannot exist without appearing in `/api/v1/openapi.json` —
//! and the authorization test matrix walks that document, so it cannot be forgotten there.

mod adhesions;
mod amaps;
mod auth;
mod calendar;
mod cheques;
mod conditions;
mod directory;
mod distributions;
mod docs;
mod mails;
mod me;
mod members;
mod params;
mod prelude;
mod producers;
mod rota;
mod subscriptions;
mod templates;

use crate::http::errors::{form_posts, localize};
use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use tower_http::catch_panic::CatchPanicLayer;
use utoipa::OpenApi;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

/// Largest JSON body accepted; real forms are a few hundred bytes.
const BODY_LIMIT: usize = 64 * 1024;

/// The API router and its OpenAPI document, as served (JSON): utoipa's, completed with the
/// shared refusals and the requirements that depend on another field (`conditions`).
pub fn router() -> (Router<AppState>, serde_json::Value) {
    let (router, openapi) = OpenApiRouter::with_openapi(docs::ApiDoc::openapi())
        .routes(routes!(auth::login::login))
        .routes(routes!(auth::logout::logout))
        .routes(routes!(auth::refresh::refresh))
        .routes(routes!(auth::logout_everywhere::logout_everywhere))
        .routes(routes!(auth::password_reset::request_reset))
        .routes(routes!(auth::set_password::set_password))
        .routes(routes!(auth::confirm_email::confirm))
        .routes(routes!(me::password::change_password))
        .routes(routes!(me::email::request_change))
        .routes(routes!(me::identity::me))
        .routes(routes!(me::contact::show, me::contact::update))
        .routes(routes!(directory::list::list))
        .routes(routes!(amaps::list::list, amaps::create::create))
        .routes(routes!(amaps::show::show, amaps::update::update))
        .routes(routes!(amaps::home::home))
        .routes(routes!(amaps::archive::archive))
        .routes(routes!(mails::list::list, mails::send::send))
        .routes(routes!(mails::retry::retry))
        .routes(routes!(mails::server::show, mails::server::update))
        .routes(routes!(members::list::list, members::create::create))
        .routes(routes!(
            members::show::show,
            members::update::update,
            members::delete::delete
        ))
        .routes(routes!(members::deactivate::deactivate))
        .routes(routes!(members::set_active::set_active))
        .routes(
            routes!(members::import_upload::upload)
                .layer(DefaultBodyLimit::max(members::import_upload::FILE_LIMIT)),
        )
        .routes(routes!(
            members::import_preview::preview,
            members::import_apply::apply
        ))
        .routes(routes!(members::import_example::example))
        .routes(routes!(members::change_role::change_role))
        .routes(routes!(producers::list::list, producers::create::create))
        .routes(routes!(producers::show::show, producers::update::update))
        .routes(routes!(producers::create_product::create_product))
        .routes(routes!(producers::update_product::update_product))
        .routes(routes!(templates::list::list, templates::create::create))
        .routes(routes!(
            templates::show::show,
            templates::update::update,
            templates::delete::delete
        ))
        .routes(routes!(templates::set_state::set_state))
        .routes(routes!(templates::copy::copy))
        .routes(routes!(templates::changes::change))
        .routes(routes!(templates::add_rule::add_rule))
        .routes(routes!(templates::delete_rule::delete_rule))
        .routes(routes!(templates::stock::set_stock))
        .routes(routes!(templates::candidates::candidates))
        .routes(routes!(templates::synthesis::synthesis))
        .routes(routes!(templates::delivery_sheet::delivery_sheet))
        .routes(routes!(templates::requirement::set_requirement))
        .routes(routes!(
            adhesions::periods::list,
            adhesions::create_period::create
        ))
        .routes(routes!(
            adhesions::update_period::update,
            adhesions::delete_period::delete
        ))
        .routes(routes!(
            adhesions::ledger::ledger,
            adhesions::record::record
        ))
        .routes(routes!(
            adhesions::correct::correct,
            adhesions::remove::remove
        ))
        .routes(routes!(me::adhesions::mine))
        .routes(routes!(me::adhesions::adhere, me::adhesions::withdraw))
        .routes(routes!(me::adhesions::bulletin))
        .routes(routes!(me::mail_choices::show, me::mail_choices::update))
        .routes(routes!(rota::roles::list, rota::roles::create))
        .routes(routes!(rota::roles::delete))
        .routes(routes!(rota::periods::list, rota::periods::create))
        .routes(routes!(
            rota::periods::show,
            rota::periods::update,
            rota::periods::delete
        ))
        .routes(routes!(rota::dates::add))
        .routes(routes!(rota::dates::delete))
        .routes(routes!(rota::dates::clear))
        .routes(routes!(rota::places::set, rota::places::remove))
        .routes(routes!(rota::places::add))
        .routes(routes!(rota::places::take))
        .routes(routes!(rota::places::leave))
        .routes(routes!(rota::places::offer, rota::places::withdraw))
        .routes(routes!(rota::places::accept))
        .routes(routes!(rota::participants::set))
        .routes(routes!(rota::participants::remove))
        .routes(routes!(rota::participants::absences))
        .routes(routes!(rota::proposal::propose, rota::proposal::discard))
        .routes(routes!(rota::proposal::publish))
        .routes(routes!(rota::outputs::planning))
        .routes(routes!(rota::outputs::mail))
        .routes(routes!(rota::outputs::history))
        .routes(routes!(me::duties::mine))
        .routes(routes!(distributions::list::list))
        .routes(routes!(distributions::sign_in_sheet::sign_in_sheet))
        .routes(routes!(calendar::mine::show))
        .routes(routes!(calendar::mine::reset))
        .routes(routes!(calendar::feeds::member))
        .routes(routes!(calendar::feeds::distributions))
        .routes(routes!(subscriptions::list::list))
        .routes(routes!(
            subscriptions::show::show,
            subscriptions::save::save,
            subscriptions::delete::delete
        ))
        .routes(routes!(subscriptions::credit::set_credit))
        .routes(routes!(subscriptions::carry_over::carry_over))
        .routes(routes!(
            subscriptions::preview_recompute::preview,
            subscriptions::recompute::apply
        ))
        .routes(routes!(me::contracts::contracts))
        .routes(routes!(
            me::sign_up_page::sign_up_page,
            me::sign_up::sign_up,
            me::withdraw::withdraw
        ))
        .routes(routes!(me::deliveries::deliveries))
        .routes(routes!(me::payments::payments))
        .routes(routes!(me::summary::summary))
        .routes(routes!(me::schedule::save_schedule))
        .routes(routes!(cheques::settings::show, cheques::set_settings::set))
        .routes(routes!(cheques::register::register))
        .routes(routes!(cheques::collection::collection))
        .routes(routes!(cheques::report::report))
        .routes(routes!(cheques::audit::audit))
        .routes(routes!(cheques::receive::receive))
        .routes(routes!(cheques::edit::edit))
        .routes(routes!(cheques::recompute_all::recompute_all))
        .routes(routes!(cheques::remit::remit))
        .routes(routes!(
            cheques::slip::slip,
            cheques::delete_slip::delete_slip
        ))
        .split_for_parts();
    let mut openapi = openapi;
    docs::complete(&mut openapi);
    let mut document = serde_json::to_value(&openapi).expect("an OpenAPI document is plain JSON");
    conditions::add(&mut document);
    let router = router
        // Not a fallback: the pages own the application's fallback; this keeps unknown API
        // paths in the JSON error shape.
        .route(
            "/api/v1/{*unknown}",
            axum::routing::any(|| async { crate::error::AppError::NotFound }),
        )
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(form_posts))
        .layer(middleware::from_fn(localize))
        .layer(CatchPanicLayer::new());
    (router, document)
}
