//! Enum columns hold only their names (the database refuses anything else, on both engines),
//! and the migrations that introduced rule ids and the `fixed_basket` name carry existing
//! data forward.

use crate::helpers::{SLUG, TestApp};
use crate::on_both_engines;
use migrations::{Migrator, MigratorTrait};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Statement};

async fn exec(app: &TestApp, sql: String) -> Result<(), sea_orm::DbErr> {
    let db = &app.state.db;
    db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .map(|_| ())
}

on_both_engines!(
    the_database_refuses_names_the_program_does_not_write,
    |app| {
        let cast = app.cast().await;
        crate::payments::first_cheque(&app, &cast).await;
        let template = cast.template;
        for (table, key, column, value) in [
            ("contract_template", "id", "nature", "subscription"),
            ("contract_template", "id", "state", "published"),
            ("contract_template", "id", "joker_kind", "maybe"),
            ("cheque", "template_id", "state", "lost"),
            ("cheque_event", "template_id", "action", "edited"),
            ("cheque_event", "template_id", "from_state", "lost"),
        ] {
            let sql = format!("UPDATE {table} SET {column} = '{value}' WHERE {key} = {template}");
            assert!(
                exec(&app, sql).await.is_err(),
                "{table}.{column} = {value} was stored"
            );
        }
        let counter = |pool: &str| {
            format!(
                "INSERT INTO stock_counter (pool, product_id, date, capacity, used) \
             VALUES ('{pool}', {}, '{}', 10, 0)",
                cast.product_one, cast.first_date
            )
        };
        for bad in ["x1", "t", "t1x", "p-2"] {
            assert!(
                exec(&app, counter(bad)).await.is_err(),
                "pool {bad} was stored"
            );
        }
        exec(&app, counter(&format!("t{template}")))
            .await
            .expect("a template's pool");
        // What was refused left the rows readable.
        let admin = app.token(cast.admin.email).await;
        let path = format!("/api/v1/amaps/{SLUG}/templates/{template}");
        assert_eq!(app.get(&path, Some(&admin)).await.0, StatusCode::OK);
    }
);

on_both_engines!(migrations_carry_rules_and_natures_forward, |app| {
    let cast = app.cast().await;
    let template = cast.template;
    // Back to the schema before rule ids, the new name and untagged scopes (migrations 5 to
    // 7), with data written the old way…
    // Counted from the end, so later migrations do not move the target.
    let applied = Migrator::get_applied_migrations(&app.state.db)
        .await
        .expect("applied")
        .len();
    let after_four = u32::try_from(applied - 4).expect("a few");
    Migrator::down(&app.state.db, Some(after_four))
        .await
        .expect("down");
    let rule = |value: u32| {
        format!(
            r#"{{"dates":{{"scope":"each_date"}},"products":{{"scope":"one","products":{}}},"operator":"at_most","value":{value},"binds":"members_only"}}"#,
            cast.product_one
        )
    };
    let rules = format!("[{},{}]", rule(4), rule(6));
    exec(
        &app,
        format!("UPDATE contract_template SET entry_rules = '{rules}', nature = 'subscription' WHERE id = {template}"),
    )
    .await
    .expect("old data");
    // …and forward again.
    Migrator::up(&app.state.db, None).await.expect("up");
    let admin = app.token(cast.admin.email).await;
    let (status, view) = app
        .get(
            &format!("/api/v1/amaps/{SLUG}/templates/{template}"),
            Some(&admin),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["summary"]["nature"], "fixed_basket");
    let rules = view["rules"].as_array().expect("rules");
    let values: Vec<u64> = rules.iter().filter_map(|r| r["value"].as_u64()).collect();
    assert_eq!(values, [4, 6], "in their order");
    assert!(
        rules.iter().all(|r| r["id"].as_i64().is_some()),
        "{rules:?}"
    );
});
