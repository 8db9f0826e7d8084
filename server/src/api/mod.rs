//! The versioned JSON API (`/api/v1`), one use case per file. Routes are registered
//! together with their OpenAPI description (utoipa-axum), so an endpoint cannot exist
//! without appearing in `/api/v1/openapi.json` — and the authorization test matrix walks
//! that document, so it cannot be forgotten there either.

mod add_rule;
mod change_role;
mod change_template;
mod cheque_audit;
mod cheque_register;
mod contract_credit;
mod copy_template;
mod create_amap;
mod create_member;
mod create_producer;
mod create_product;
mod create_remittance;
mod create_template;
mod delete_remittance;
mod delete_rule;
mod delete_subscription;
mod delete_template;
mod delivery_sheet;
mod edit_cheque;
mod list_amaps;
mod list_candidates;
mod list_members;
mod list_producers;
mod list_subscriptions;
mod list_templates;
mod login;
mod logout;
mod me;
mod member_home;
mod my_contracts;
mod my_deliveries;
mod my_payments;
mod payment_settings;
mod product_access;
mod receive_cheques;
mod recompute_all;
mod recompute_schedule;
mod refresh;
mod save_schedule;
mod save_subscription;
mod set_member_active;
mod set_stock;
mod set_template_state;
mod show_amap;
mod show_producer;
mod show_remittance;
mod show_subscription;
mod show_template;
mod sign_up;
mod sign_up_page;
mod synthesis;
mod update_producer;
mod update_product;
mod update_template;
pub mod views;
mod withdraw;

pub use change_role::apply_role_change;
pub use create_amap::create_amap_with;
pub use create_member::add_member;

use crate::http::errors::{form_posts, localize};
use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use tower_http::catch_panic::CatchPanicLayer;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(title = "Amapola API", version = "1", description = "Contracts, cheques and rotas of AMAPs. \
        Authenticate with POST /api/v1/auth/login, then send the token as `Authorization: Bearer …` \
        (browsers use the HttpOnly cookie it also sets). Errors share one shape (`ApiError`); \
        messages follow `Accept-Language` (French by default, English available)."),
    modifiers(&SecurityAddon),
    tags((name = "auth"), (name = "amaps"), (name = "members"), (name = "producers"),
        (name = "templates", description = "Contract templates as référents manage them"),
        (name = "contracts", description = "A member's own contracts, deliveries and cheques"),
        (name = "cheques", description = "Payment plans, the treasurer's register and deposit slips"))
)]
struct ApiDoc;

struct SecurityAddon;

impl utoipa::Modify for SecurityAddon {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::auth::session::COOKIE,
            ))),
        );
    }
}

/// Largest JSON body accepted; real forms are a few hundred bytes.
const BODY_LIMIT: usize = 64 * 1024;

/// The API router and its OpenAPI document.
pub fn router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(login::login))
        .routes(routes!(logout::logout))
        .routes(routes!(refresh::refresh))
        .routes(routes!(me::me))
        .routes(routes!(list_amaps::list_amaps, create_amap::create_amap))
        .routes(routes!(show_amap::show_amap))
        .routes(routes!(member_home::member_home))
        .routes(routes!(
            list_members::list_members,
            create_member::create_member
        ))
        .routes(routes!(set_member_active::set_member_active))
        .routes(routes!(change_role::change_role))
        .routes(routes!(
            list_producers::list_producers,
            create_producer::create_producer
        ))
        .routes(routes!(
            show_producer::show_producer,
            update_producer::update_producer
        ))
        .routes(routes!(create_product::create_product))
        .routes(routes!(update_product::update_product))
        .routes(routes!(
            list_templates::list_templates,
            create_template::create_template
        ))
        .routes(routes!(
            show_template::show_template,
            update_template::update_template
        ))
        .routes(routes!(set_template_state::set_template_state))
        .routes(routes!(copy_template::copy_template))
        .routes(routes!(delete_template::delete_template))
        .routes(routes!(change_template::change_template))
        .routes(routes!(add_rule::add_rule))
        .routes(routes!(delete_rule::delete_rule))
        .routes(routes!(set_stock::set_stock))
        .routes(routes!(list_subscriptions::list_subscriptions))
        .routes(routes!(list_candidates::list_candidates))
        .routes(routes!(synthesis::synthesis))
        .routes(routes!(delivery_sheet::delivery_sheet))
        .routes(routes!(
            show_subscription::show_subscription,
            save_subscription::save_subscription
        ))
        .routes(routes!(delete_subscription::delete_subscription))
        .routes(routes!(my_contracts::my_contracts))
        .routes(routes!(sign_up_page::sign_up_page, sign_up::sign_up))
        .routes(routes!(withdraw::withdraw))
        .routes(routes!(my_deliveries::my_deliveries))
        .routes(routes!(my_payments::my_payments))
        .routes(routes!(save_schedule::save_schedule))
        .routes(routes!(
            payment_settings::show_payment_settings,
            payment_settings::set_payment_settings
        ))
        .routes(routes!(cheque_register::cheque_register))
        .routes(routes!(cheque_register::cheque_collection))
        .routes(routes!(cheque_register::cheque_report))
        .routes(routes!(cheque_audit::cheque_audit))
        .routes(routes!(receive_cheques::receive_cheques))
        .routes(routes!(edit_cheque::edit_cheque))
        .routes(routes!(create_remittance::create_remittance))
        .routes(routes!(show_remittance::show_remittance))
        .routes(routes!(delete_remittance::delete_remittance))
        .routes(routes!(contract_credit::set_credit))
        .routes(routes!(contract_credit::carry_over_credit))
        .routes(routes!(recompute_all::recompute_all))
        .routes(routes!(
            recompute_schedule::preview_recompute,
            recompute_schedule::apply_recompute
        ))
        .split_for_parts();
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
    (router, openapi)
}
