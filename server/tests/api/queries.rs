//! The member's pages cost a fixed number of queries whatever the number of contracts (and the
//! cheque reception whatever the number of cheques): measured by running the request in
//! process under `db::metrics::counting`, once with one contract and once with four.

use crate::helpers::{Cast, SLUG, TestApp};
use crate::on_both_engines;
use app::domain::Money;
use app::domain::contract::Nature;
use axum::body::Body;
use axum::http::{Request, header};
use chrono::Days;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::db::metrics::counting;
use tower::ServiceExt;

/// Queries one request costs, sent straight to the application's router.
async fn queries(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> usize {
    let router = server::startup::app_router(app.state.clone());
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::ACCEPT, "application/json");
    if body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let request = request
        .body(Body::from(body.map(|b| b.to_string()).unwrap_or_default()))
        .expect("request");
    let (response, count) = counting(router.oneshot(request)).await;
    let response = response.expect("infallible");
    assert!(
        response.status().is_success(),
        "{method} {path}: {}",
        response.status()
    );
    count
}

/// Signs the cast's member up to `extra` more templates of producer 1 (each with cheques).
async fn more_contracts(app: &TestApp, cast: &Cast, extra: usize, token: &str) {
    let db = &app.state.db;
    let amap = server::repo::amaps::find_by_slug(db, SLUG)
        .await
        .expect("query")
        .expect("amap")
        .id;
    for i in 0..extra {
        let first = cast.first_date + Days::new(7 * i as u64);
        let dates = vec![first, first + Days::new(35)];
        let name = format!("Saison {i}");
        let spec = server::contracts::setup::TemplateSpec::simple(
            cast.producer_one,
            &name,
            Nature::Free,
            cast.first_date - Days::new(7),
            dates.clone(),
            vec![(cast.product_one, Money::from_cents(1000))],
        );
        let template = server::contracts::setup::create_template(db, amap, spec)
            .await
            .expect("template");
        let grid: Vec<Value> = dates
            .iter()
            .map(|d| json!({ "date": d, "product": cast.product_one, "qty": 2 }))
            .collect();
        let (status, body) = app
            .put(
                &format!("/api/v1/amaps/{SLUG}/me/contracts/{template}"),
                Some(token),
                json!({ "grid": grid }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
}

/// Makes the account with `email` a member of the AMAP `slug` too.
async fn join(app: &TestApp, slug: &str, email: &str) {
    let db = &app.state.db;
    let amap = server::repo::amaps::find_by_slug(db, slug)
        .await
        .expect("query")
        .expect("amap")
        .id;
    let new = app::api::members::CreateMemberForm {
        email: email.into(),
        first_name: "Même".into(),
        last_name: "Personne".into(),
        password: None,
    }
    .parse()
    .expect("valid member");
    server::services::members::add(db, amap, &new, None)
        .await
        .expect("member");
}

const PAGES: [&str; 5] = [
    "me/payments",
    "me/deliveries",
    "me/contracts",
    "home",
    "me/summary",
];

async fn member_pages(app: &TestApp, token: &str) -> Vec<usize> {
    let mut counts = Vec::new();
    for page in PAGES {
        counts.push(
            queries(
                app,
                "GET",
                &format!("/api/v1/amaps/{SLUG}/{page}"),
                token,
                None,
            )
            .await,
        );
    }
    counts.push(queries(app, "GET", "/api/v1/me", token, None).await);
    counts
}

on_both_engines!(
    member_pages_cost_the_same_queries_whatever_the_contracts,
    |app| {
        let cast = app.cast().await;
        let member = app.token(cast.member.email).await;
        crate::payments::first_cheque(&app, &cast).await;
        let one = member_pages(&app, &member).await;
        more_contracts(&app, &cast, 3, &member).await;
        join(&app, crate::helpers::OTHER_SLUG, cast.member.email).await;
        let four = member_pages(&app, &member).await;
        eprintln!(
            "queries per page (payments, deliveries, contracts, home, summary, /me): 1 contract in 1 AMAP {one:?}, 4 contracts and 2 AMAPs {four:?}"
        );
        assert_eq!(one, four, "a page's queries grew with the contracts");
    }
);

on_both_engines!(
    cheque_reception_costs_the_same_queries_whatever_the_cheques,
    |app| {
        let cast = app.cast().await;
        let member = app.token(cast.member.email).await;
        let admin = app.token(cast.admin.email).await;
        crate::payments::first_cheque(&app, &cast).await;
        let (_, register) = app
            .get(
                &format!("/api/v1/amaps/{SLUG}/templates/{}/cheques", cast.template),
                Some(&admin),
            )
            .await;
        let ids: Vec<i64> = register["rows"][0]["cheques"]
            .as_array()
            .expect("cheques")
            .iter()
            .filter_map(|c| c["id"].as_i64())
            .collect();
        assert!(ids.len() >= 2, "{ids:?}");
        let path = format!(
            "/api/v1/amaps/{SLUG}/templates/{}/cheques/receive",
            cast.template
        );
        let one = queries(
            &app,
            "POST",
            &path,
            &admin,
            Some(json!({ "received": [ids[0]] })),
        )
        .await;
        let back = queries(
            &app,
            "POST",
            &path,
            &admin,
            Some(json!({ "promised": [ids[0]] })),
        )
        .await;
        let all = queries(
            &app,
            "POST",
            &path,
            &admin,
            Some(json!({ "received": ids })),
        )
        .await;
        eprintln!(
            "queries of a reception: 1 cheque {one}, back {back}, {} cheques {all}",
            ids.len()
        );
        assert_eq!(one, all, "a reception's queries grew with its cheques");
        let _ = member;
    }
);
