//! Whatever is sent, the answer is a 4xx in the shared shape: never a 500, never a panic.

use crate::helpers::{OTHER_SLUG, SLUG, assert_error_shape};
use crate::on_both_engines;
use reqwest::StatusCode;
use serde_json::{Value, json};

on_both_engines!(
    malformed_missing_and_oversized_input_get_clear_errors,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let roles = app.url(&format!("/api/v1/amaps/{SLUG}/roles"));

        // Malformed JSON.
        let response = app
            .client()
            .post(&roles)
            .bearer_auth(&admin)
            .header("content-type", "application/json")
            .body("{\"member_id\": ")
            .send()
            .await
            .expect("send");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_error_shape(&response.json().await.expect("json"), "bad_request");

        // A missing field is named.
        let (status, body) = app
            .post(
                &format!("/api/v1/amaps/{SLUG}/roles"),
                Some(&admin),
                json!({ "member_id": cast.member.id, "granted": true }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            (
                body["fields"][0]["field"].as_str(),
                body["fields"][0]["code"].as_str()
            ),
            (Some("role"), Some("required"))
        );

        // A value of the wrong type or an unknown enum value is named too.
        let (status, body) = app
            .post(
                &format!("/api/v1/amaps/{SLUG}/roles"),
                Some(&admin),
                json!({ "member_id": "x", "role": "admin", "granted": true }),
            )
            .await;
        assert_eq!(
            (status, body["fields"][0]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("member_id"))
        );
        let (status, body) = app
            .post(
                &format!("/api/v1/amaps/{SLUG}/roles"),
                Some(&admin),
                json!({ "member_id": cast.member.id, "role": "king", "granted": true }),
            )
            .await;
        assert_eq!(
            (status, body["fields"][0]["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("unknown_value"))
        );

        // Over-long strings: every problem of the form at once, with the limit.
        let (status, body) = app
            .post(
                &format!("/api/v1/amaps/{SLUG}/members"),
                Some(&admin),
                json!({ "email": "pas-un-email", "first_name": "é".repeat(101), "last_name": "" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_error_shape(&body, "validation");
        let fields: Vec<(&str, &str)> = body["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| {
                (
                    f["field"].as_str().unwrap_or(""),
                    f["code"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            fields,
            vec![
                ("email", "invalid_email"),
                ("first_name", "too_long"),
                ("last_name", "required")
            ]
        );
        assert_eq!(body["fields"][1]["limit"], 100);
        assert_eq!(body["fields"][1]["message"], "100 caractères au maximum.");

        // Bodies over the limit.
        let huge =
            json!({ "email": "a@b.fr", "first_name": "x".repeat(200_000), "last_name": "y" });
        let (status, body) = app
            .post(&format!("/api/v1/amaps/{SLUG}/members"), Some(&admin), huge)
            .await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_error_shape(&body, "payload_too_large");
    }
);

on_both_engines!(unknown_ids_slugs_and_routes_are_404s, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    for path in [
        "/api/v1/amaps/no-such-amap/home",
        "/api/v1/amaps/NOT%20A%20SLUG/members",
        "/api/v1/nothing-here",
    ] {
        let (status, body) = app.get(path, Some(&admin)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_error_shape(&body, "not_found");
    }
    for id in ["999999", "abc", "-1"] {
        let (status, body) = app
            .put(
                &format!("/api/v1/amaps/{SLUG}/members/{id}/active"),
                Some(&admin),
                json!({ "active": true }),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id}");
        assert_error_shape(&body, "not_found");
    }
    let (status, body) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/roles"),
            Some(&admin),
            json!({ "member_id": 999999, "role": "admin", "granted": true, "confirm_admin": true }),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("unknown_value"))
    );
    let (status, _) = app
        .post(&format!("/api/v1/amaps/{SLUG}/roles"), Some(&admin), json!({ "member_id": cast.member.id, "role": "referent", "producer_id": 999999, "granted": true }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // The wrong method on a real route keeps the shape.
    let response = app
        .client()
        .delete(app.url("/api/v1/me"))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_error_shape(&response.json().await.expect("json"), "bad_request");
    let _ = OTHER_SLUG;
});

on_both_engines!(hostile_bodies_never_cause_a_server_error, |app| {
    let cast = app.cast().await;
    let operator = app.token(cast.operator.email).await;
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let bodies: Vec<String> = vec![
        "null".into(),
        "[]".into(),
        "\"text\"".into(),
        "42".into(),
        "{}".into(),
        "{\"email\": 5, \"password\": []}".into(),
        "{\"member_id\": -1, \"role\": \"admin\", \"granted\": \"yes\"}".into(),
        "{\"member_id\": 1e309}".into(),
        "{\"name\": \"\\u0000\", \"city\": \"\\ud800\", \"slug\": \"x\"}".into(),
        deep,
        "\u{feff}{}".into(),
        "{\"a\":1}{\"b\":2}".into(),
    ];
    use reqwest::Method;
    let endpoints = [
        (Method::POST, "/api/v1/auth/login".to_owned()),
        (Method::POST, "/api/v1/amaps".to_owned()),
        (Method::POST, format!("/api/v1/amaps/{SLUG}/members")),
        (
            Method::PUT,
            format!("/api/v1/amaps/{SLUG}/members/{}/active", cast.member.id),
        ),
        (Method::POST, format!("/api/v1/amaps/{SLUG}/roles")),
        (Method::POST, format!("/api/v1/amaps/{SLUG}/templates")),
        (
            Method::POST,
            format!("/api/v1/amaps/{SLUG}/templates/{}/changes", cast.template),
        ),
        (
            Method::POST,
            format!("/api/v1/amaps/{SLUG}/templates/{}/rules", cast.template),
        ),
        (
            Method::PUT,
            format!("/api/v1/amaps/{SLUG}/templates/{}/stock", cast.template),
        ),
        (
            Method::POST,
            format!(
                "/api/v1/amaps/{SLUG}/producers/{}/products",
                cast.producer_one
            ),
        ),
        (
            Method::PUT,
            format!("/api/v1/amaps/{SLUG}/templates/{}/payments", cast.template),
        ),
        (
            Method::POST,
            format!(
                "/api/v1/amaps/{SLUG}/templates/{}/remittances",
                cast.template
            ),
        ),
    ];
    let member = app.token(cast.member.email).await;
    let sign_up = (
        Method::PUT,
        format!("/api/v1/amaps/{SLUG}/me/contracts/{}", cast.template),
    );
    let as_whom = endpoints
        .iter()
        .map(|e| (e, &operator))
        .chain(std::iter::once((&sign_up, &member)));
    for ((method, endpoint), token) in as_whom {
        for body in &bodies {
            for content_type in [
                "application/json",
                "application/x-www-form-urlencoded",
                "text/plain",
            ] {
                let response = app
                    .client()
                    .request(method.clone(), app.url(endpoint))
                    .bearer_auth(token)
                    .header("content-type", content_type)
                    .header("accept", "application/json")
                    .body(body.clone())
                    .send()
                    .await
                    .expect("send");
                let status = response.status();
                assert!(
                    status.is_client_error(),
                    "{endpoint} {content_type} {:.40} → {status}",
                    body
                );
                let shape: Value = response.json().await.expect("json error");
                assert!(shape["kind"].is_string(), "{shape}");
            }
        }
    }
    // Forms whose fields are all optional: an empty object is a valid (no-op) request, but no
    // body ever makes them fail on the server's side.
    let cheque = crate::payments::first_cheque(&app, &cast).await;
    let manage = |rest: String| format!("/api/v1/amaps/{SLUG}/templates/{}/{rest}", cast.template);
    let lenient = [
        (
            Method::PUT,
            format!(
                "/api/v1/amaps/{SLUG}/me/contracts/{}/payments",
                cast.template
            ),
            &member,
        ),
        (Method::POST, manage("cheques/receive".into()), &operator),
        (
            Method::PATCH,
            manage(format!("cheques/{cheque}")),
            &operator,
        ),
        (
            Method::PUT,
            manage(format!("subscriptions/{}/credit", cast.member.id)),
            &operator,
        ),
    ];
    let odd_fields = [
        "{\"lines\": [{\"date\": \"2026-02-30\", \"amount\": \"-5\"}]}",
        "{\"pay.2026-01-01\": \"1e9\", \"bank.x\": \"\\u0000\"}",
        "{\"received\": [\"x\"], \"got.abc\": \"on\"}",
        "{\"received\": [9223372036854775807], \"promised\": [-1]}",
        "{\"amount\": \"99999999999\", \"comment\": \"\\u0000\"}",
        "{\"amount\": \"--3\"}",
    ];
    for (method, endpoint, token) in lenient {
        for body in bodies.iter().map(String::as_str).chain(odd_fields) {
            let response = app
                .client()
                .request(method.clone(), app.url(&endpoint))
                .bearer_auth(token)
                .header("content-type", "application/json")
                .body(body.to_owned())
                .send()
                .await
                .expect("send");
            let status = response.status();
            assert!(
                !status.is_server_error(),
                "{endpoint} {:.40} → {status}",
                body
            );
        }
    }
});

on_both_engines!(errors_speak_english_on_request, |app| {
    let response = app
        .client()
        .post(app.url("/api/v1/auth/login"))
        .header("accept-language", "en-GB,en;q=0.9")
        .json(&json!({ "email": "", "password": "" }))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["message"], "Some fields need correcting.");
    assert_eq!(body["fields"][0]["message"], "This field is required.");
    let (_, french) = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({ "email": "", "password": "" }),
        )
        .await;
    assert_eq!(french["fields"][0]["message"], "Ce champ est obligatoire.");
});

on_both_engines!(every_answer_carries_its_request_id, |app| {
    let fresh = app
        .client()
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("send");
    let id = fresh.headers()["x-request-id"].to_str().expect("ascii");
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let echoed = app
        .client()
        .get(app.url("/health"))
        .header("x-request-id", "from-the-proxy-42")
        .send()
        .await
        .expect("send");
    assert_eq!(echoed.headers()["x-request-id"], "from-the-proxy-42");
});
