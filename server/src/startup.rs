//! Builds the whole application (database, keys, routes) and serves it until a signal.

use crate::api;
use crate::auth::session;
use crate::auth::throttle::LoginThrottle;
use crate::auth::token::TokenKeys;
use crate::config::Config;
use crate::http::limits::time_limit;
use crate::http::method_override::method_override;
use crate::http::observe::{REQUEST_ID, observe};
use crate::state::AppState;
use crate::{db, repo, web};
use anyhow::{Context, bail};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::routing::get;
use axum::{Json, middleware};
use base64::Engine;
use leptos::config::LeptosOptions;
use secrecy::{ExposeSecret, SecretString};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa_swagger_ui::SwaggerUi;

pub struct Application {
    listener: TcpListener,
    router: Router,
    pub addr: SocketAddr,
    pub state: AppState,
}

fn random_secret() -> String {
    base64::engine::general_purpose::STANDARD.encode(rand::random::<[u8; 32]>())
}

fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("amapola")
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build()
}

/// `/health`: 200 when the database answers, 503 otherwise (for load balancers and monitors).
async fn health(State(state): State<AppState>) -> (StatusCode, Json<serde_json::Value>) {
    match state.db.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(serde_json::json!({ "status": "ok", "database": "ok" })),
        ),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "degraded", "database": "unreachable" })),
            )
        }
    }
}

/// Every route of the application around one state.
pub fn app_router(state: AppState) -> Router {
    let (api_routes, openapi) = api::router();
    let docs: Router<AppState> = SwaggerUi::new("/api/v1/docs")
        .external_url_unchecked("/api/v1/openapi.json", openapi)
        .into();
    let api: Router = api_routes.merge(docs).with_state(state.clone());
    let pages = web::router(leptos_options(&state.config), api.clone());
    let headers = [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
    ];
    let mut router = Router::new()
        .route("/health", get(health))
        .with_state(state.clone())
        .merge(api)
        .merge(pages)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session::renew,
        ));
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    // Outermost first: a request id, the request's span and log line, then the verb
    // override, which must run before routing: it wraps the finished router as a service, and
    // an outer router with no route of its own hands every request to it.
    let request_id = HeaderName::from_static(REQUEST_ID);
    let concurrency = state.config.max_concurrent_requests.max(1);
    let overridden = tower::ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
        .layer(PropagateRequestIdLayer::new(request_id))
        .layer(middleware::from_fn(observe))
        // The time limit counts the wait for a turn too.
        .layer(middleware::from_fn_with_state(state, time_limit))
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(concurrency))
        .layer(middleware::from_fn(method_override))
        .service(router);
    Router::new().fallback_service(overridden)
}

impl Application {
    pub async fn build(mut config: Config) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("binding {}", config.addr))?;
        let addr = listener.local_addr()?;
        // Links in mails point here unless the deployment says where it is reached from.
        config
            .public_url
            .get_or_insert_with(|| format!("http://{addr}"));
        // Page sentences with counts ("3 livraisons") need the plural rules installed.
        app::i18n_data::install();
        let db = db::connect(&config.database_url)
            .await
            .with_context(|| "opening the database (DATABASE_URL)")?;
        let secret: SecretString = match &config.jwt_secret {
            Some(secret) if secret.expose_secret().len() >= 32 => secret.clone(),
            Some(_) => bail!("AMAPOLA_JWT_SECRET must be at least 32 characters"),
            None => repo::secrets::get_or_create(&db, "jwt_signing_key", random_secret)
                .await?
                .into(),
        };
        let mailer = crate::mail::Mailer::from_config(&config)?;
        mailer.load_own_servers(&db).await?;
        let state = AppState {
            db,
            keys: Arc::new(TokenKeys::new(
                secret.expose_secret().as_bytes(),
                chrono::Duration::hours(config.session_hours),
            )),
            throttle: Arc::new(LoginThrottle::new(
                config.login_max_failures,
                config.login_max_client_failures,
                Duration::from_secs(config.login_window_secs),
            )),
            reset_throttle: Arc::new(crate::state::ResetThrottle::default()),
            imports: Arc::new(crate::imports::drafts::Drafts::default()),
            directory: Arc::default(),
            rota: Arc::default(),
            mailer,
            config: Arc::new(config.clone()),
            clock: crate::clock::Clock::system(),
        };
        Ok(Self {
            router: app_router(state.clone()),
            listener,
            addr,
            state,
        })
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let jobs = if self.state.config.background_jobs {
            vec![
                // The outbox worker runs beside the server (it stops with the process: a mail
                // being sent at that moment is queued again once its claim lapses).
                crate::mail::worker::spawn(self.state.clone()),
                // Producers' delivery sheets are queued by their own passes (`mail::sheets`).
                crate::mail::sheets::spawn(self.state.clone()),
                // And the people on duty's reminders (see `mail::duty_reminders`).
                crate::mail::duty_reminders::spawn(self.state.clone()),
            ]
            .into_iter()
            // The nightly backup, of an SQLite database (`backup`).
            .chain(crate::backup::spawn(self.state.clone()))
            .collect()
        } else {
            Vec::new()
        };
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await;
        for job in jobs {
            job.abort();
        }
        served
    }
}

/// Ctrl-C or SIGTERM: stop accepting, let requests in flight finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
    tracing::info!("shutting down");
}
