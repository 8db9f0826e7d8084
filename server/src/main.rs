use clap::Parser;

/// mimalloc hands large freed blocks (argon2's 19 MiB per login) back to the system, where
/// glibc's per-thread arenas keep them: the resident size stays flat after a login burst
/// (at once: `server::allocator`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use tracing_subscriber::EnvFilter;

fn main() -> anyhow::Result<()> {
    // Before anything else: it may start this program again, with mimalloc's settings.
    server::allocator::give_memory_back_at_once();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    // Structured logs: JSON lines for production log collectors, readable text otherwise.
    if std::env::var("AMAPOLA_LOG_FORMAT").is_ok_and(|f| f == "json") {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .json()
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    server::cli::run(server::cli::Cli::parse()).await
}
