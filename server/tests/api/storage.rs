//! The storage layer on each engine: exact money columns, durable SQLite settings,
//! migrations that can run again.

use crate::helpers::SLUG;
use crate::on_both_engines;
use app::domain::Money;
use sea_orm::{ConnectionTrait, EntityTrait, QueryResult, Statement};
use server::db::entities::amap;

async fn one(app: &crate::helpers::TestApp, sql: &str) -> QueryResult {
    let db = &app.state.db;
    db.query_one_raw(Statement::from_string(
        db.get_database_backend(),
        sql.to_owned(),
    ))
    .await
    .expect("query")
    .expect("a row")
}

on_both_engines!(money_round_trips_exactly_through_integer_cents, |app| {
    app.cast().await;
    let db = &app.state.db;
    let stored = amap::Entity::find()
        .all(db)
        .await
        .expect("amaps")
        .into_iter()
        .find(|a| a.slug == SLUG)
        .expect("amap A");
    for raw in ["0,01", "12,50", "33,33", "99 999,99", "1234567,89"] {
        let amount = Money::parse("fee", raw).expect("amount");
        let mut row: amap::ActiveModel = stored.clone().into();
        row.membership_fee_cents = sea_orm::ActiveValue::Set(amount.cents());
        sea_orm::ActiveModelTrait::update(row, db)
            .await
            .expect("update");
        let back = amap::Entity::find_by_id(stored.id)
            .one(db)
            .await
            .expect("read")
            .expect("row");
        assert_eq!(
            Money::from_cents(back.membership_fee_cents),
            amount,
            "{raw}"
        );
        assert_eq!(
            Money::from_cents(back.membership_fee_cents).to_string(),
            amount.to_string()
        );
    }
    // The column is an integer type on both engines: never REAL/float.
    let column_type: String = match app.engine {
        Engine::Sqlite => one(&app, "SELECT typeof(membership_fee_cents) AS t FROM amap LIMIT 1").await.try_get("", "t").expect("t"),
        Engine::Postgres => one(&app, "SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'amap' AND column_name = 'membership_fee_cents'")
            .await
            .try_get("", "t")
            .expect("t"),
    };
    assert!(
        matches!(column_type.as_str(), "integer" | "bigint"),
        "{column_type}"
    );
});

on_both_engines!(
    migrations_run_again_without_harm_and_sqlite_is_durable,
    |app| {
        // Opening the database again re-runs the migrator: nothing to do, nothing broken.
        let again = server::db::connect(&app.database_url)
            .await
            .expect("reconnect");
        again.ping().await.expect("ping");
        if let Engine::Sqlite = app.engine {
            let mode: String = one(&app, "PRAGMA journal_mode")
                .await
                .try_get_by_index(0)
                .expect("journal_mode");
            let synchronous: i32 = one(&app, "PRAGMA synchronous")
                .await
                .try_get_by_index(0)
                .expect("synchronous");
            let foreign_keys: i32 = one(&app, "PRAGMA foreign_keys")
                .await
                .try_get_by_index(0)
                .expect("foreign_keys");
            assert_eq!(
                (mode.as_str(), synchronous, foreign_keys),
                ("wal", 2, 1),
                "WAL + synchronous=FULL + foreign keys"
            );
        }
        let (status, health) = app.get("/health", None).await;
        assert_eq!(
            (status.as_u16(), health["database"].as_str()),
            (200, Some("ok"))
        );
    }
);
