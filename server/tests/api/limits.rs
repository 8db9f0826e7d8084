//! A request that cannot finish in time — here, stuck behind a write that holds the database —
//! is answered 503 in the shared error shape with a Retry-After, and writes nothing.

use crate::on_both_engines;
use reqwest::StatusCode;
use reqwest::header::RETRY_AFTER;
use sea_orm::ConnectionTrait;
use serde_json::json;

on_both_engines!(
    a_request_stuck_behind_a_write_is_answered_503_and_writes_nothing,
    configure = |config| config.request_timeout_secs = 1,
    |app| {
        let cast = app.cast().await;
        let member = app.token(cast.member.email).await;
        let contact = "/api/v1/me/contact";
        let (_, before) = app.get(contact, Some(&member)).await;

        // Someone else's long write: SQLite's one writer, PostgreSQL's lock on the accounts.
        let txn = server::repo::write_txn(&app.state.db).await.expect("txn");
        if matches!(app.engine, Engine::Postgres) {
            txn.execute_unprepared("LOCK TABLE app_user IN ACCESS EXCLUSIVE MODE")
                .await
                .expect("lock");
        }
        let response = app
            .client()
            .put(app.url(contact))
            .bearer_auth(&member)
            .json(
                &json!({ "phone1": "06 11 22 33 44", "phone2": "", "address": "",
                           "postcode": "", "town": "" }),
            )
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(response.headers().get(RETRY_AFTER).is_some());
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body["kind"], "unavailable", "{body}");
        txn.rollback().await.expect("rollback");

        let (status, after) = app.get(contact, Some(&member)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(after, before, "nothing written");
    }
);
