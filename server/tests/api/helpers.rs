//! `spawn_app`, personas and fixtures.

use app::api::amaps::CreateAmapForm;
use app::api::members::{CreateMemberForm, RoleChange};
use app::domain::{ProducerId, UserId};
use reqwest::StatusCode;
use serde_json::Value;
use server::config::Config;
use server::startup::Application;
use server::{auth::password, repo, services};
use std::sync::LazyLock;
use tokio::sync::OnceCell;

pub const PASSWORD: &str = "correct horse battery";
pub const SLUG: &str = "amap-a";
pub const OTHER_SLUG: &str = "amap-b";
/// A request that has not answered by then fails its test instead of stalling the whole run
/// (a page test once waited forever on CI).
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

#[derive(Clone, Copy, Debug)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The server Postgres tests use: `TEST_DATABASE_URL`, else the developers' local one.
static PG_ADMIN_URL: LazyLock<String> = LazyLock::new(|| {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
});

async fn postgres_reachable() -> bool {
    static REACHABLE: OnceCell<bool> = OnceCell::const_new();
    *REACHABLE
        .get_or_init(|| async {
            let ok = match sea_orm::Database::connect(PG_ADMIN_URL.as_str()).await {
                Ok(db) => db.ping().await.is_ok(),
                Err(_) => false,
            };
            // The test command sets this: there, a PostgreSQL that does not answer is a
            // failure, never a silently skipped engine.
            let required = std::env::var_os("AMAPOLA_REQUIRE_POSTGRES").is_some();
            assert!(
                ok || !required,
                "PostgreSQL not reachable at {} (AMAPOLA_REQUIRE_POSTGRES is set)",
                *PG_ADMIN_URL
            );
            if !ok {
                eprintln!(
                    "PostgreSQL not reachable at {}: PostgreSQL variants are skipped",
                    *PG_ADMIN_URL
                );
            }
            ok
        })
        .await
}

/// A fresh database for one test: a new SQLite file, or a new PostgreSQL database.
async fn fresh_database(engine: Engine) -> Option<(String, Option<tempfile::TempDir>)> {
    match engine {
        Engine::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("amapola.sqlite").display()
            );
            Some((url, Some(dir)))
        }
        Engine::Postgres => {
            if !postgres_reachable().await {
                return None;
            }
            let name = format!("amapola_test_{}", rand::random::<u64>());
            let admin = sea_orm::Database::connect(PG_ADMIN_URL.as_str())
                .await
                .expect("postgres");
            use sea_orm::ConnectionTrait;
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create database");
            let base = PG_ADMIN_URL
                .rsplit_once('/')
                .map(|(b, _)| b.to_owned())
                .expect("url with database");
            Some((format!("{base}/{name}"), None))
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub engine: Engine,
    pub state: server::state::AppState,
    pub database_url: String,
    _dir: Option<tempfile::TempDir>,
}

pub struct Persona {
    pub email: &'static str,
    pub id: i64,
}

/// Everyone the tests act as, in AMAP A unless said otherwise.
pub struct Cast {
    pub admin: Persona,
    pub treasurer: Persona,
    /// Référent of producer 2 only (so "another producer" for producer 1).
    pub referent: Persona,
    pub member: Persona,
    pub inactive: Persona,
    /// Member of AMAP B only.
    pub outsider: Persona,
    /// Platform operator, member of no AMAP.
    pub operator: Persona,
    pub producer_one: i64,
    pub producer_two: i64,
    /// A basket of producer 1, at 15 €.
    pub product_one: i64,
    /// An active weekly template of producer 1 (4 dates from `first_date`, sign-up open for
    /// a week, one rule "at most 10 per date"), to which `member` subscribed one basket a date.
    pub template: i64,
    pub first_date: chrono::NaiveDate,
}

pub async fn spawn_app(engine: Engine) -> Option<TestApp> {
    spawn_app_with(engine, |_| {}).await
}

/// [`spawn_app`] with a change to its configuration first (a deployment without an SMTP
/// server, say).
pub async fn spawn_app_with(engine: Engine, configure: fn(&mut Config)) -> Option<TestApp> {
    let (url, dir) = fresh_database(engine).await?;
    let mut config = Config::for_database(&url);
    config.login_max_failures = 5;
    // The test command's SMTP sink (`.ci/smtp-sink`): every test app really sends its mails.
    config.smtp_url = crate::mailbox::smtp_url();
    configure(&mut config);
    let app = Application::build(config)
        .await
        .expect("application builds");
    let base = format!("http://{}", app.addr);
    // Noon UTC today: the AMAPs' date (Europe/Paris) is the UTC date, whatever the hour the
    // tests run at, and every test computes "today" from the server's own clock.
    let noon = chrono::Utc::now()
        .date_naive()
        .and_hms_opt(12, 0, 0)
        .expect("noon")
        .and_utc();
    app.state.clock.set(noon);
    let state = app.state.clone();
    tokio::spawn(app.run_until_stopped());
    Some(TestApp {
        base,
        engine,
        state,
        database_url: url,
        _dir: dir,
    })
}

/// One argon2 hash shared by all fixtures (hashing is deliberately slow).
async fn shared_hash() -> String {
    static HASH: OnceCell<String> = OnceCell::const_new();
    HASH.get_or_init(|| async { password::hash(PASSWORD.to_owned()).await.expect("hash") })
        .await
        .clone()
}

impl TestApp {
    /// The id of the AMAP `slug` (fixtures write through services, which take ids).
    pub async fn amap_id(&self, slug: &str) -> i64 {
        repo::amaps::find_by_slug(&self.state.db, slug)
            .await
            .expect("query")
            .expect("amap")
            .id
    }

    /// The AMAPs' date as the server sees it (its clock, in Europe/Paris).
    pub fn today(&self) -> chrono::NaiveDate {
        server::clock::local("Europe/Paris", self.state.clock.now()).date()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .build()
            .expect("client")
    }

    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .timeout(REQUEST_TIMEOUT)
            .build()
            .expect("client")
    }

    async fn person(
        &self,
        amap: Option<i64>,
        email: &'static str,
        first: &str,
        last: &str,
    ) -> Persona {
        let new = CreateMemberForm {
            email: email.into(),
            first_name: first.into(),
            last_name: last.into(),
            password: None,
        }
        .parse()
        .expect("valid member");
        let db = &self.state.db;
        let id = match amap {
            Some(amap) => {
                services::members::add(db, amap, &new, Some(shared_hash().await))
                    .await
                    .expect("member")
                    .0
                    .0
            }
            None => {
                repo::users::insert(
                    db,
                    repo::users::NewUserRow {
                        email,
                        first_name: first,
                        last_name: last,
                        password_hash: Some(shared_hash().await),
                        operator: true,
                    },
                )
                .await
                .expect("operator")
                .id
            }
        };
        Persona { email, id }
    }

    async fn amap(&self, slug: &str, name: &str) -> i64 {
        let form = CreateAmapForm {
            name: name.into(),
            city: "Lyon".into(),
            slug: slug.into(),
            time_zone: None,
            admin_email: None,
        };
        services::amaps::create(&self.state.db, &form.parse().expect("valid amap"))
            .await
            .expect("amap");
        repo::amaps::find_by_slug(&self.state.db, slug)
            .await
            .expect("query")
            .expect("amap")
            .id
    }

    /// Two AMAPs and the whole cast.
    pub async fn cast(&self) -> Cast {
        let db = &self.state.db;
        let a = self.amap(SLUG, "AMAP A").await;
        let b = self.amap(OTHER_SLUG, "AMAP B").await;
        let producer_one = repo::producers::insert(db, a, "Ferme Une", "", 7)
            .await
            .expect("producer")
            .id;
        let producer_two = repo::producers::insert(db, a, "Ferme Deux", "", 7)
            .await
            .expect("producer")
            .id;
        let admin = self
            .person(Some(a), "admin@a.example.org", "Alice", "Admin")
            .await;
        services::members::apply_role_change(db, a, UserId(admin.id), RoleChange::Admin(true))
            .await
            .expect("admin");
        let treasurer = self
            .person(Some(a), "tresorier@a.example.org", "Tom", "Trésorier")
            .await;
        services::members::apply_role_change(
            db,
            a,
            UserId(treasurer.id),
            RoleChange::Treasurer(true),
        )
        .await
        .expect("treasurer");
        let referent = self
            .person(Some(a), "referent@a.example.org", "Rémi", "Référent")
            .await;
        services::members::apply_role_change(
            db,
            a,
            UserId(referent.id),
            RoleChange::Referent(ProducerId(producer_two), true),
        )
        .await
        .expect("referent");
        let member = self
            .person(Some(a), "membre@a.example.org", "Marie", "Membre")
            .await;
        let inactive = self
            .person(Some(a), "inactif@a.example.org", "Ivan", "Inactif")
            .await;
        repo::memberships::set_flag(
            db,
            a,
            UserId(inactive.id),
            repo::memberships::Flag::Active,
            false,
        )
        .await
        .expect("deactivate");
        let outsider = self
            .person(Some(b), "membre@b.example.org", "Olga", "Autre")
            .await;
        let operator = self
            .person(None, "operateur@example.org", "Oscar", "Opérateur")
            .await;
        let (product_one, template, first_date) = self.season(a, producer_one, member.id).await;
        Cast {
            admin,
            treasurer,
            referent,
            member,
            inactive,
            outsider,
            operator,
            producer_one,
            producer_two,
            product_one,
            template,
            first_date,
        }
    }

    /// An account of `producer` in AMAP A (the producer role, nothing else).
    pub async fn producer_account(&self, producer: i64) -> Persona {
        let db = &self.state.db;
        let a = repo::amaps::find_by_slug(db, SLUG)
            .await
            .expect("query")
            .expect("amap")
            .id;
        let account = self
            .person(Some(a), "producteur@a.example.org", "Paul", "Producteur")
            .await;
        services::members::apply_role_change(
            db,
            a,
            UserId(account.id),
            RoleChange::Producer(ProducerId(producer), true),
        )
        .await
        .expect("producer role");
        account
    }

    /// A référent of `producer` in AMAP A (that role, nothing else).
    pub async fn referent_of(&self, producer: i64) -> Persona {
        let db = &self.state.db;
        let a = repo::amaps::find_by_slug(db, SLUG)
            .await
            .expect("query")
            .expect("amap")
            .id;
        let account = self
            .person(Some(a), "referent1@a.example.org", "Rita", "Référente")
            .await;
        services::members::apply_role_change(
            db,
            a,
            UserId(account.id),
            RoleChange::Referent(ProducerId(producer), true),
        )
        .await
        .expect("referent role");
        account
    }

    /// The cast member's contract on the cast's template (one basket a date), made again if
    /// a call deleted it.
    pub async fn ensure_contract(&self, cast: &Cast) {
        let db = &self.state.db;
        let template = app::domain::TemplateId(cast.template);
        let member = UserId(cast.member.id);
        if repo::subscriptions::find(db, template, member)
            .await
            .expect("query")
            .is_some()
        {
            return;
        }
        let amap = repo::amaps::find_by_slug(db, SLUG)
            .await
            .expect("query")
            .expect("amap")
            .id;
        self.subscribe(amap, cast.template, cast.member.id, cast.product_one)
            .await;
    }

    /// One basket of `product` on every date of `template` for `member`.
    async fn subscribe(&self, amap: i64, template: i64, member: i64, product: i64) {
        use app::domain::ProductId;
        use app::domain::contract::Quantities;
        let db = &self.state.db;
        let subscription = repo::subscriptions::insert(db, amap, template, member, false, false)
            .await
            .expect("subscription");
        let loaded = repo::templates::load(
            db,
            repo::templates::find(db, amap, app::domain::TemplateId(template))
                .await
                .expect("query")
                .expect("template"),
        )
        .await
        .expect("load");
        let mut grid = Quantities::new();
        for d in &loaded.dates {
            grid.set(d.date, ProductId(product), 1);
        }
        repo::subscriptions::replace_content(db, subscription.id, &grid, &[], |d| {
            loaded.date_id(d)
        })
        .await
        .expect("cells");
    }

    /// A product, an active template and one member's contract (see `Cast::template`).
    async fn season(&self, amap: i64, producer: i64, member: i64) -> (i64, i64, chrono::NaiveDate) {
        use app::domain::contract::calendar::{Frequency, generate_dates};
        use app::domain::contract::{Binds, DateScope, EntryRule, Nature, Operator, ProductScope};
        use app::domain::{Money, ProductId};
        let db = &self.state.db;
        let product = repo::products::insert(
            db,
            amap,
            producer,
            repo::products::NewProduct {
                name: "Panier",
                packaging: "panier 5 kg",
                description: "",
                active: true,
            },
        )
        .await
        .expect("product");
        let today = self.today();
        let first = today + chrono::Days::new(14);
        let dates = generate_dates(Frequency::Weekly, first, first + chrono::Days::new(21));
        let mut spec = server::contracts::setup::TemplateSpec::simple(
            producer,
            "Légumes saison",
            Nature::Free,
            today + chrono::Days::new(7),
            dates.clone(),
            vec![(product.id, Money::from_cents(1500))],
        );
        spec.rules = vec![EntryRule {
            dates: DateScope::EachDate,
            products: ProductScope::One(ProductId(product.id)),
            operator: Operator::AtMost,
            value: 10,
            message: None,
            binds: Binds::MembersOnly,
        }];
        let template = server::contracts::setup::create_template(db, amap, spec)
            .await
            .expect("template");
        self.subscribe(amap, template, member, product.id).await;
        (product.id, template, first)
    }

    /// `n` new members of the AMAP `slug`, with tokens minted directly (no n argon2 logins).
    pub async fn crowd(&self, slug: &str, n: usize) -> Vec<(i64, String)> {
        let names: Vec<(String, String)> = (0..n)
            .map(|i| ("Membre".to_owned(), format!("Numéro {i}")))
            .collect();
        self.people(slug, &names).await
    }

    /// New members of the AMAP `slug` named (first, last), with tokens minted directly.
    pub async fn people(&self, slug: &str, names: &[(String, String)]) -> Vec<(i64, String)> {
        let db = &self.state.db;
        let amap = repo::amaps::find_by_slug(db, slug)
            .await
            .expect("query")
            .expect("amap")
            .id;
        let hash = shared_hash().await;
        let mut people = Vec::with_capacity(names.len());
        for (i, (first, last)) in names.iter().enumerate() {
            let new = CreateMemberForm {
                email: format!("personne{i}.{}@{slug}.example.org", people_tag()),
                first_name: first.clone(),
                last_name: last.clone(),
                password: None,
            }
            .parse()
            .expect("valid member");
            let (UserId(id), _) = services::members::add(db, amap, &new, Some(hash.clone()))
                .await
                .expect("member");
            let (token, _) = self
                .state
                .keys
                .issue(id, 0, chrono::Utc::now())
                .expect("token");
            people.push((id, token));
        }
        people
    }

    /// Logs in through the API and returns the Bearer token.
    pub async fn token(&self, email: &str) -> String {
        let response = self
            .client()
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
            .send()
            .await
            .expect("login request");
        assert_eq!(response.status(), StatusCode::OK, "login of {email}");
        let body: Value = response.json().await.expect("json");
        body["token"].as_str().expect("token").to_owned()
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        let mut request = self.client().get(self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        let mut request = self.client().post(self.url(path)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

impl TestApp {
    /// Any verb, a JSON body (or none for `Value::Null`), the status and the JSON answer.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Value,
    ) -> (StatusCode, Value) {
        let mut request = self.client().request(method, self.url(path));
        if !body.is_null() {
            request = request.json(&body);
        }
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn put(&self, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::PUT, path, token, body).await
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::PATCH, path, token, body).await
    }

    pub async fn delete(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        self.send(reqwest::Method::DELETE, path, token, Value::Null)
            .await
    }

    /// Sends every request at once and returns the statuses and answers, in request order.
    pub async fn all_at_once(
        &self,
        requests: Vec<(reqwest::Method, String, Value)>,
        token: &str,
    ) -> Vec<(StatusCode, Value)> {
        let sends = requests.into_iter().map(|(method, path, body)| async move {
            self.send(method, &path, Some(token), body).await
        });
        futures::future::join_all(sends).await
    }
}

impl Drop for TestApp {
    /// Drops a test's PostgreSQL database (its SQLite file goes with the temp dir).
    fn drop(&mut self) {
        let Engine::Postgres = self.engine else {
            return;
        };
        let Some((_, name)) = self.database_url.rsplit_once('/') else {
            return;
        };
        let statement = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                use sea_orm::ConnectionTrait;
                let admin = sea_orm::Database::connect(PG_ADMIN_URL.as_str())
                    .await
                    .ok()?;
                admin.execute_unprepared(&statement).await.ok()
            })
        })
        .join();
    }
}

/// Asserts the shared error shape: kind, message, fields.
pub fn assert_error_shape(body: &Value, kind: &str) {
    assert_eq!(body["kind"], kind, "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(body["fields"].is_array(), "{body}");
}

/// Runs the test body once on SQLite and once on PostgreSQL (skipped, with a note, when
/// no PostgreSQL is reachable — except under the test command, which sets
/// `AMAPOLA_REQUIRE_POSTGRES` so that a skip fails).
#[macro_export]
macro_rules! on_both_engines {
    ($name:ident, |$app:ident| $body:block) => {
        $crate::on_both_engines!($name, configure = |_| {}, |$app| $body);
    };
    ($name:ident, configure = $configure:expr, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            use $crate::helpers::{Engine, spawn_app_with};

            async fn run($app: $crate::helpers::TestApp) $body

            #[tokio::test]
            async fn sqlite() {
                run(spawn_app_with(Engine::Sqlite, $configure).await.expect("sqlite app")).await;
            }

            #[tokio::test]
            async fn postgres() {
                match spawn_app_with(Engine::Postgres, $configure).await {
                    Some(app) => run(app).await,
                    // The test command requires it (AMAPOLA_REQUIRE_POSTGRES, see
                    // `postgres_reachable`): only a developer's partial run skips.
                    None => eprintln!("skipped: PostgreSQL not reachable"),
                }
            }
        }
    };
}

/// A fresh tag per call of [`TestApp::people`], so two calls never reuse an e-mail address.
fn people_tag() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
