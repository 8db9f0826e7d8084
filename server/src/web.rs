//! The pages: Leptos server-side rendering of `app::App`, the built front end under
//! `/pkg` (content-hashed names, served pre-compressed and cached for a year), the flash
//! cookie handed to the page after a form post, and the language switch.
//!
//! While rendering, pages call the JSON API in-process (same router, same handlers, same
//! authorization) through the `InProcessApi` put in the Leptos context.

use app::api::client::{ApiRequest, ApiResponse, InProcessApi};
use app::api::form::local_path;
use app::ui::Assets;
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, Request, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::http::errors::LANGUAGE_COOKIE;
use crate::http::flash;
use axum::middleware;

/// Largest API answer a page may read in-process.
const IN_PROCESS_LIMIT: usize = 16 * 1024 * 1024;

fn in_process_api(api: Router) -> InProcessApi {
    InProcessApi(Arc::new(move |call: ApiRequest| {
        let api = api.clone();
        Box::pin(async move {
            let mut builder = Request::builder()
                .method(call.method)
                .uri(&call.path)
                .header(header::ACCEPT, "application/json");
            for (name, value) in &call.headers {
                builder = builder.header(name.as_str(), value.as_str());
            }
            if call.body.is_some() {
                builder = builder.header(header::CONTENT_TYPE, "application/json");
            }
            let Ok(request) = builder.body(Body::from(call.body.unwrap_or_default())) else {
                return ApiResponse {
                    status: 400,
                    body: String::new(),
                };
            };
            let Ok(response) = api.oneshot(request).await;
            let status = response.status().as_u16();
            let body = axum::body::to_bytes(response.into_body(), IN_PROCESS_LIMIT)
                .await
                .unwrap_or_default();
            ApiResponse {
                status,
                body: String::from_utf8_lossy(&body).into_owned(),
            }
        })
    }))
}

/// `/lang/{fr|en}?next=/page`: remembers the choice (the cookie leptos_i18n reads) and goes back.
async fn set_language(
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    jar: CookieJar,
) -> Response {
    let next = local_path(query.get("next").map(String::as_str), "/");
    let Some(code) = ["fr", "en"].into_iter().find(|c| *c == code) else {
        return Redirect::to(&next).into_response();
    };
    let cookie = Cookie::build((LANGUAGE_COOKIE, code))
        .path("/")
        .same_site(SameSite::Lax)
        .max_age(time::Duration::days(365))
        .build();
    (jar.add(cookie), Redirect::to(&next)).into_response()
}

/// Which built file serves which role, as `.ci/build-site` wrote it next to the files.
fn load_assets(pkg_dir: &std::path::Path) -> Assets {
    let manifest = pkg_dir.join("manifest.json");
    match std::fs::read_to_string(&manifest)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(assets) => assets,
        Err(error) => {
            tracing::warn!(%error, path = %manifest.display(), "no front-end build: pages are served without CSS or islands (run .ci/build-site)");
            Assets::default()
        }
    }
}

/// The page routes, found once per process by running the app with resources suppressed.
/// That suppression is a process-wide flag in leptos: a page whose resource first polls
/// while another router is being built would wait forever (leptos issue #4773), which is
/// what happened when tests built servers side by side. Listing the routes once closes it.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The pages a mailed link opens carry its secret in their address (`?jeton=`): no cache may
/// keep them, not even the browser's.
const LINK_PAGES: [&str; 2] = ["/mot-de-passe", "/confirmer-email"];

async fn link_pages_unstored(
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let secret = LINK_PAGES.contains(&request.uri().path());
    let mut response = next.run(request).await;
    if secret {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store, private"),
        );
    }
    response
}

pub fn router(options: LeptosOptions, api: Router) -> Router {
    let routes = route_list();
    let in_process = in_process_api(api);
    let pkg_dir = PathBuf::from(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let assets = load_assets(&pkg_dir);
    // Every name under /pkg carries a hash of its content: a new build is a new URL, so a
    // browser may keep each file for a year without asking again.
    let files = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ))
        .service(
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        );
    let shell_options = options.clone();
    // What every page may reach while it renders (the 404 page included).
    let context = move || {
        provide_context(in_process.clone());
        provide_context(assets.clone());
    };
    let pages = Router::new()
        .route("/lang/{code}", get(set_language))
        .leptos_routes_with_context(&options, routes, context.clone(), move || {
            shell(shell_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context, shell,
        ))
        .with_state(options)
        // Pages are personal and change with every action: always asked for again.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache, private"),
        ))
        .layer(middleware::from_fn(link_pages_unstored))
        .layer(middleware::from_fn(flash::consume));
    Router::new()
        .nest_service("/pkg", files)
        .merge(pages)
        // Pages are compressed on the fly; `/pkg` files already are (their Content-Encoding
        // makes this layer leave them alone). Level 4, not the codecs' default: brotli's is
        // its slowest (11, a 4 MiB window), which spent ~40 ms and tens of megabytes per
        // 350 KiB page; at 4 the same page compresses in a few milliseconds and still to
        // a twentieth.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
}
