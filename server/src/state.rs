use crate::auth::throttle::{LoginThrottle, Throttle};
use crate::auth::token::TokenKeys;
use crate::clock::Clock;
use crate::config::Config;
use crate::imports::drafts::Drafts;
use crate::mail::Mailer;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// What every handler may reach: cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub keys: Arc<TokenKeys>,
    pub throttle: Arc<LoginThrottle>,
    /// Password-reset requests, per client address and per e-mail address.
    pub reset_throttle: Arc<ResetThrottle>,
    pub mailer: Mailer,
    /// Member lists read and waiting for the admin's "Importer".
    pub imports: Arc<Drafts>,
    /// The member list's people, kept for a moment (`directory_cache`).
    pub directory: Arc<crate::directory_cache::DirectoryCache>,
    /// Rota periods as stored, kept for a moment (`services::rota::cache`).
    pub rota: Arc<crate::services::rota::cache::RotaCache>,
    pub config: Arc<Config>,
    /// The time decisions are taken at (fixed by tests).
    pub clock: Clock,
}

/// Limits on "forgotten password" requests: a client asking too often gets 429; an address
/// asked for too often gets no more mails for a while (silently: the answer never says
/// whether an address has an account).
pub struct ResetThrottle {
    pub by_client: Throttle,
    pub by_address: Throttle,
}

impl Default for ResetThrottle {
    fn default() -> Self {
        let hour = std::time::Duration::from_secs(3600);
        Self {
            by_client: Throttle::new("reset-client", 20, hour),
            by_address: Throttle::new("reset-address", 3, hour),
        }
    }
}
