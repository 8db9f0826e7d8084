//! The admin commands of the `amapola` binary. Each parses its input with the same form
//! types as the API and runs the same use case, so a command can never do what the API
//! would refuse.

use crate::auth::password;
use crate::config::Config;
use crate::error::AppError;
use crate::services::members::{add as add_member, apply_role_change};
use crate::startup::Application;
use crate::{archive, db, demo, repo};
use anyhow::{Context, anyhow};
use app::api::amaps::CreateAmapForm;
use app::api::members::{CreateMemberForm, RoleChange};
use app::domain::{ProducerId, Slug};
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "amapola",
    version,
    about = "Amapola: contracts, cheques and duty rotas for AMAPs"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the web app and the API (the default).
    Serve(Config),
    /// Create an AMAP.
    CreateAmap {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        city: String,
        #[arg(long, default_value = "Europe/Paris")]
        time_zone: String,
    },
    /// Create an account (and make it a member of an AMAP, or a platform operator).
    CreateUser {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        #[arg(long)]
        first_name: String,
        #[arg(long)]
        last_name: String,
        /// Initial password (8+ characters); read from AMAPOLA_PASSWORD when absent.
        #[arg(long, env = "AMAPOLA_PASSWORD", hide_env_values = true)]
        password: String,
        /// Slug of the AMAP to join.
        #[arg(long)]
        amap: Option<String>,
        /// Make this account a platform operator (creates AMAPs, administers all).
        #[arg(long)]
        operator: bool,
    },
    /// Grant a role to a member of an AMAP.
    GrantRole {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        amap: String,
        #[arg(long)]
        email: String,
        #[arg(long, value_enum)]
        role: CliRole,
        /// Producer name, for référent and producer roles.
        #[arg(long)]
        producer: Option<String>,
    },
    /// Create the demo AMAPs (idempotent): ~120 members, 6 producers, their référents…
    Demo {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Write a consistent copy of the database while it serves: SQLite's file
    /// (`amapola-YYYYMMDD-HHMMSS.sqlite`), or on PostgreSQL every AMAP's archive with the
    /// passwords (`amapola-YYYYMMDD-HHMMSS.zip`, one `<slug>.zip` each, for `import`);
    /// prints its path.
    Backup {
        #[command(flatten)]
        db: DbArgs,
        /// The folder to write it in.
        #[arg(long = "to", env = "AMAPOLA_BACKUP_DIR", default_value = "backups")]
        dir: std::path::PathBuf,
    },
    /// Write one AMAP as an archive of open files (a zip of JSON and CSV, on either
    /// engine); prints its path.
    Export {
        #[command(flatten)]
        db: DbArgs,
        /// Slug of the AMAP.
        #[arg(long)]
        amap: String,
        /// The file to write (default `<slug>-YYYYMMDD.zip` here).
        #[arg(long)]
        to: Option<std::path::PathBuf>,
        /// Include the accounts' password hashes, so that members keep their passwords
        /// on the new deployment. Keep such an archive like the database itself.
        #[arg(long)]
        with_passwords: bool,
    },
    /// Restore an AMAP from an archive written by `export` or downloaded from its settings,
    /// as a new AMAP of this deployment; members who already have an account here keep it.
    Import {
        #[command(flatten)]
        db: DbArgs,
        /// The archive.
        #[arg(long)]
        from: std::path::PathBuf,
        /// Slug of the new AMAP (default: the archived one).
        #[arg(long)]
        slug: Option<String>,
    },
}

#[derive(Args)]
pub struct DbArgs {
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://amapola.sqlite?mode=rwc"
    )]
    pub database_url: String,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CliRole {
    Admin,
    Treasurer,
    Referent,
    Producer,
}

fn refused(error: AppError) -> anyhow::Error {
    match error {
        AppError::Validation(problems) => {
            let list: Vec<String> = problems
                .iter()
                .map(|p| format!("{}: {}", p.field, p.code.as_str()))
                .collect();
            anyhow!("refused: {}", list.join(", "))
        }
        other => anyhow!("refused: {other}"),
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        None => serve(ServeDefaults::parse_from(["amapola"]).config).await,
        Some(Command::Serve(config)) => serve(config).await,
        Some(Command::CreateAmap {
            db,
            slug,
            name,
            city,
            time_zone,
        }) => {
            let db = db::connect(&db.database_url).await?;
            let form = CreateAmapForm {
                name,
                city,
                slug,
                time_zone: Some(time_zone),
                admin_email: None,
            };
            let new = form.parse().map_err(|p| refused(AppError::Validation(p)))?;
            let amap = crate::services::amaps::create(&db, &new)
                .await
                .map_err(refused)?;
            tracing::info!(slug = amap.slug, "AMAP created");
            Ok(())
        }
        Some(Command::CreateUser {
            db,
            email,
            first_name,
            last_name,
            password,
            amap,
            operator,
        }) => {
            let db = db::connect(&db.database_url).await?;
            let form = CreateMemberForm {
                email,
                first_name,
                last_name,
                password: Some(password),
            };
            let new = form.parse().map_err(|p| refused(AppError::Validation(p)))?;
            let hash = password::hash(
                new.password
                    .as_ref()
                    .map(|p| p.expose().to_owned())
                    .unwrap_or_default(),
            )
            .await
            .map_err(refused)?;
            let user = match repo::users::find_by_email(&db, new.email.as_str()).await? {
                Some(user) => user,
                None => {
                    repo::users::insert(
                        &db,
                        repo::users::NewUserRow {
                            email: new.email.as_str(),
                            first_name: new.first_name.as_str(),
                            last_name: new.last_name.as_str(),
                            password_hash: Some(hash.clone()),
                            operator,
                        },
                    )
                    .await?
                }
            };
            if let Some(slug) = amap {
                let amap = repo::amaps::find_by_slug(&db, &slug)
                    .await?
                    .with_context(|| format!("no AMAP {slug}"))?;
                add_member(&db, amap.id, &new, Some(hash))
                    .await
                    .map_err(refused)?;
            }
            tracing::info!(email = user.email, "account ready");
            Ok(())
        }
        Some(Command::GrantRole {
            db,
            amap,
            email,
            role,
            producer,
        }) => {
            let db = db::connect(&db.database_url).await?;
            let amap = repo::amaps::find_by_slug(&db, &amap)
                .await?
                .with_context(|| format!("no AMAP {amap}"))?;
            let user = repo::users::find_by_email(&db, &email.to_lowercase())
                .await?
                .with_context(|| format!("no account {email}"))?;
            let producer_id = match producer {
                Some(name) => Some(ProducerId(
                    repo::producers::find_by_name(&db, amap.id, &name)
                        .await?
                        .with_context(|| format!("no producer {name}"))?
                        .id,
                )),
                None => None,
            };
            let needs_producer =
                || producer_id.ok_or_else(|| anyhow!("--producer is required for this role"));
            let change = match role {
                CliRole::Admin => RoleChange::Admin(true),
                CliRole::Treasurer => RoleChange::Treasurer(true),
                CliRole::Referent => RoleChange::Referent(needs_producer()?, true),
                CliRole::Producer => RoleChange::Producer(needs_producer()?, true),
            };
            apply_role_change(&db, amap.id, app::domain::UserId(user.id), change)
                .await
                .map_err(refused)?;
            tracing::info!("role granted");
            Ok(())
        }
        Some(Command::Demo { db }) => {
            let db = db::connect(&db.database_url).await?;
            demo::seed(&db).await.map_err(refused)
        }
        Some(Command::Backup { db, dir }) => {
            let db = db::connect(&db.database_url).await?;
            let path = crate::backup::backup(&db, &dir, chrono::Utc::now()).await?;
            println!("{}", path.display());
            Ok(())
        }
        Some(Command::Export {
            db,
            amap,
            to,
            with_passwords,
        }) => {
            let db = db::connect(&db.database_url).await?;
            let found = repo::amaps::find_by_slug(&db, &amap)
                .await?
                .ok_or_else(|| anyhow!("no AMAP with the slug {amap}"))?;
            let options = archive::Options { with_passwords };
            let bytes = archive::export(&db, found.id, options).await?;
            let path = to.unwrap_or_else(|| {
                let day = chrono::Utc::now().format("%Y%m%d");
                format!("{amap}-{day}.zip").into()
            });
            crate::backup::write_whole(&path, &bytes)
                .with_context(|| format!("writing {}", path.display()))?;
            println!("{}", path.display());
            Ok(())
        }
        Some(Command::Import { db, from, slug }) => {
            let slug = slug
                .map(|raw| Slug::parse("slug", &raw).map(String::from))
                .transpose()
                .map_err(|problem| refused(AppError::field(problem)))?;
            let bytes =
                std::fs::read(&from).with_context(|| format!("reading {}", from.display()))?;
            let archive = archive::file::read(&bytes)?;
            let db = db::connect(&db.database_url).await?;
            archive::restore(&db, &archive, slug.as_deref()).await?;
            tracing::info!("AMAP restored");
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let app = Application::build(config).await?;
    tracing::info!(addr = %app.addr, "Amapola listening");
    app.run_until_stopped().await?;
    Ok(())
}

/// `amapola` alone serves, reading its settings from the environment.
#[derive(Parser)]
struct ServeDefaults {
    #[command(flatten)]
    config: Config,
}
