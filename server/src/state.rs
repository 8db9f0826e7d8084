use crate::auth::throttle::LoginThrottle;
use crate::auth::token::TokenKeys;
use crate::clock::Clock;
use crate::config::Config;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// What every handler may reach: cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub keys: Arc<TokenKeys>,
    pub throttle: Arc<LoginThrottle>,
    pub config: Arc<Config>,
    /// The time decisions are taken at (fixed by tests).
    pub clock: Clock,
}
