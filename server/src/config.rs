//! Configuration, from command-line flags or environment variables (flags win).
//! Every setting has a default that runs a local instance with nothing to set up.

use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug, Args)]
pub struct Config {
    /// Where data lives: `sqlite://FILE?mode=rwc` (default, created if missing) or `postgres://…`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://amapola.sqlite?mode=rwc"
    )]
    pub database_url: String,

    /// Address and port to listen on.
    #[arg(long, env = "AMAPOLA_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Folder holding the built front end (`pkg/amapola.js`, `.wasm`, `.css`).
    #[arg(long, env = "AMAPOLA_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// Secret that signs session tokens (32+ characters). Without it, one is generated on
    /// first start and kept in the database, so sessions survive restarts.
    #[arg(long, env = "AMAPOLA_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// How long a session lasts without activity, in hours; active sessions are renewed.
    #[arg(long, env = "AMAPOLA_SESSION_HOURS", default_value_t = 72)]
    pub session_hours: i64,

    /// Mark the session cookie `Secure` (set when served over HTTPS).
    #[arg(long, env = "AMAPOLA_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,

    /// Failed logins allowed per e-mail address within the window before refusing.
    #[arg(long, env = "AMAPOLA_LOGIN_MAX_FAILURES", default_value_t = 5)]
    pub login_max_failures: u32,

    /// Length of the failed-login window, in seconds.
    #[arg(long, env = "AMAPOLA_LOGIN_WINDOW_SECS", default_value_t = 900)]
    pub login_window_secs: u64,
}

impl Config {
    /// Defaults for the given database, as used by tests and benchmarks.
    pub fn for_database(database_url: &str) -> Self {
        Self {
            database_url: database_url.to_owned(),
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            site_root: PathBuf::from("target/site"),
            jwt_secret: None,
            session_hours: 72,
            secure_cookies: false,
            login_max_failures: 5,
            login_window_secs: 900,
        }
    }
}
