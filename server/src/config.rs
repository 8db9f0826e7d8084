//! Configuration, from command-line flags or environment variables (flags win).
//! Every setting has a default that runs a local instance with nothing to set up.

use clap::Args;
use secrecy::SecretString;
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
    /// Held as a secret: never printed (its Debug is redacted), wiped from memory when dropped.
    #[arg(long, env = "AMAPOLA_JWT_SECRET", hide_env_values = true, value_parser = secret)]
    pub jwt_secret: Option<SecretString>,

    /// How long a session lasts without activity, in hours; active sessions are renewed.
    #[arg(long, env = "AMAPOLA_SESSION_HOURS", default_value_t = 72)]
    pub session_hours: i64,

    /// Mark the session cookie `Secure` (set when served over HTTPS).
    #[arg(long, env = "AMAPOLA_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,

    /// Failed logins allowed per e-mail address within the window before refusing.
    #[arg(long, env = "AMAPOLA_LOGIN_MAX_FAILURES", default_value_t = 5)]
    pub login_max_failures: u32,

    /// Failed logins allowed from one client address (any e-mail) within the window; higher,
    /// as members may share an address (a home box, the AMAP's hall).
    #[arg(long, env = "AMAPOLA_LOGIN_MAX_CLIENT_FAILURES", default_value_t = 30)]
    pub login_max_client_failures: u32,

    /// Length of the failed-login window, in seconds.
    #[arg(long, env = "AMAPOLA_LOGIN_WINDOW_SECS", default_value_t = 900)]
    pub login_window_secs: u64,

    /// Where mail goes: `smtp://user:password@host:587?tls=required` (STARTTLS),
    /// `smtps://user:password@host:465` (TLS from the start) or `smtp://127.0.0.1:25` (a local
    /// relay). Unset: nothing is sent; mails are kept and readable on the admins' mail page.
    #[arg(long, env = "AMAPOLA_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of every mail, `Name <address>`.
    #[arg(
        long,
        env = "AMAPOLA_MAIL_FROM",
        default_value = "Amapola <amapola@localhost>"
    )]
    pub mail_from: String,

    /// Where replies go, when not to the sender (the AMAP's own address, say).
    #[arg(long, env = "AMAPOLA_MAIL_REPLY_TO")]
    pub mail_reply_to: Option<String>,

    /// The address people reach this server at, for links in mails
    /// (`https://amap.example.org`). Default: `http://` and the listening address.
    #[arg(long, env = "AMAPOLA_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Mails one AMAP may send in 24 hours; the rest wait (protects the SMTP account).
    #[arg(long, env = "AMAPOLA_MAIL_DAILY_QUOTA", default_value_t = 2000)]
    pub mail_daily_quota: u32,

    /// Seconds a request may take before it is answered 503 (its writes rolled back).
    #[arg(long, env = "AMAPOLA_REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,

    /// Requests served at once; the others wait their turn (within the time limit).
    #[arg(long, env = "AMAPOLA_MAX_CONCURRENT_REQUESTS", default_value_t = 512)]
    pub max_concurrent_requests: usize,

    /// Where the nightly backups of an SQLite database go (`amapola backup` writes there too).
    #[arg(long, env = "AMAPOLA_BACKUP_DIR", default_value = "backups")]
    pub backup_dir: PathBuf,

    /// The hour of the night (the machine's local time) the backup is taken at.
    #[arg(long, env = "AMAPOLA_BACKUP_HOUR", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..24))]
    pub backup_hour: u32,

    /// How many nightly backups are kept (the oldest go); 0 takes none.
    #[arg(long, env = "AMAPOLA_BACKUP_KEEP", default_value_t = 14)]
    pub backup_keep: usize,

    /// Run the background work in this process: the mail outbox, the delivery sheets and the
    /// duty reminders (`false` for an extra process that only serves pages; one process with
    /// them is enough, several are safe).
    #[arg(long, env = "AMAPOLA_BACKGROUND_JOBS", default_value_t = true, action = clap::ArgAction::Set)]
    pub background_jobs: bool,
}

fn secret(raw: &str) -> Result<SecretString, String> {
    Ok(SecretString::from(raw.to_owned()))
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
            login_max_client_failures: 30,
            login_window_secs: 900,
            smtp_url: None,
            mail_from: "Amapola <amapola@localhost>".to_owned(),
            mail_reply_to: None,
            public_url: None,
            mail_daily_quota: 2000,
            request_timeout_secs: 30,
            backup_dir: PathBuf::from("backups"),
            backup_hour: 3,
            // Tests and benchmarks take none.
            backup_keep: 0,
            max_concurrent_requests: 512,
            background_jobs: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn the_signing_key_never_prints() {
        let mut config = Config::for_database("sqlite::memory:");
        config.jwt_secret = secret("a very secret key of 32 characters!").ok();
        assert!(!format!("{config:?}").contains("very secret"));
        let kept = config.jwt_secret.as_ref().map(|s| s.expose_secret().len());
        assert_eq!(kept, Some(35));
    }
}
