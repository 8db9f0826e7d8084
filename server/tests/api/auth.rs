//! Logging in and out, cookies and Bearer tokens, expiry and renewal, inactive accounts,
//! throttling, and keys that survive restarts.

use crate::helpers::{PASSWORD, SLUG, assert_error_shape};
use crate::on_both_engines;
use reqwest::StatusCode;
use reqwest::header::{RETRY_AFTER, SET_COOKIE};
use serde_json::json;

on_both_engines!(
    login_sets_an_http_only_cookie_that_authenticates_until_logout,
    |app| {
        let cast = app.cast().await;
        let browser = app.browser();
        let response = browser
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "email": "  MEMBRE@a.example.org ", "password": PASSWORD }))
            .send()
            .await
            .expect("login");
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = response
            .headers()
            .get(SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .expect("cookie")
            .to_owned();
        assert!(cookie.starts_with("amapola_session="), "{cookie}");
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && cookie.contains("Path=/"),
            "{cookie}"
        );
        let session: serde_json::Value = response.json().await.expect("json");
        assert_eq!(session["user"]["email"], cast.member.email);
        assert!(
            session["token"]
                .as_str()
                .is_some_and(|t| t.split('.').count() == 3)
        );

        let me = browser.get(app.url("/api/v1/me")).send().await.expect("me");
        assert_eq!(me.status(), StatusCode::OK);
        let me: serde_json::Value = me.json().await.expect("json");
        assert_eq!(me["memberships"][0]["amap"]["slug"], SLUG);

        let logout = browser
            .post(app.url("/api/v1/auth/logout"))
            .send()
            .await
            .expect("logout");
        assert_eq!(logout.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            browser
                .get(app.url("/api/v1/me"))
                .send()
                .await
                .expect("me")
                .status(),
            StatusCode::UNAUTHORIZED
        );
    }
);

on_both_engines!(
    wrong_password_and_unknown_email_get_the_same_answer,
    |app| {
        let cast = app.cast().await;
        let (status, wrong) = app
            .post(
                "/api/v1/auth/login",
                None,
                json!({ "email": cast.member.email, "password": "not it at all" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_error_shape(&wrong, "invalid_credentials");
        assert_eq!(
            wrong["message"],
            "Adresse e-mail ou mot de passe incorrect."
        );
        let (status, unknown) = app
            .post(
                "/api/v1/auth/login",
                None,
                json!({ "email": "personne@example.org", "password": "not it at all" }),
            )
            .await;
        assert_eq!((status, unknown), (StatusCode::UNAUTHORIZED, wrong));
    }
);

on_both_engines!(
    inactive_members_cannot_log_in_and_lose_access_at_once,
    |app| {
        let cast = app.cast().await;
        let (status, body) = app
            .post(
                "/api/v1/auth/login",
                None,
                json!({ "email": cast.inactive.email, "password": PASSWORD }),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_error_shape(&body, "account_inactive");

        let member = app.token(cast.member.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        let (status, _) = app
            .put(
                &format!("/api/v1/amaps/{SLUG}/members/{}/active", cast.member.id),
                Some(&treasurer),
                json!({ "active": false }),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        // The token still verifies, but the person is no longer in the AMAP.
        assert_eq!(
            app.get(&format!("/api/v1/amaps/{SLUG}/home"), Some(&member))
                .await
                .0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.post("/api/v1/auth/refresh", Some(&member), json!(null))
                .await
                .0,
            StatusCode::FORBIDDEN
        );
        // A treasurer cannot lock themselves out.
        let (status, _) = app
            .put(
                &format!("/api/v1/amaps/{SLUG}/members/{}/active", cast.treasurer.id),
                Some(&treasurer),
                json!({ "active": false }),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
);

on_both_engines!(repeated_failures_are_throttled_per_address, |app| {
    let cast = app.cast().await;
    for _ in 0..5 {
        let (status, _) = app
            .post(
                "/api/v1/auth/login",
                None,
                json!({ "email": cast.member.email, "password": "guess guess" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let response = app
        .client()
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": cast.member.email, "password": PASSWORD }))
        .send()
        .await
        .expect("login");
    assert_eq!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    let wait: u64 = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok()?.parse().ok())
        .expect("Retry-After");
    assert!(wait > 0 && wait <= 900);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_error_shape(&body, "too_many_requests");
    // Other people are not locked out by someone guessing this address.
    app.token(cast.admin.email).await;
});

on_both_engines!(tokens_expire_are_renewed_and_bad_ones_are_refused, |app| {
    let cast = app.cast().await;
    let keys = &app.state.keys;
    let (expired, _) = keys
        .issue(
            cast.member.id,
            0,
            chrono::Utc::now() - keys.lifetime() - chrono::Duration::minutes(1),
        )
        .expect("issue");
    assert_eq!(
        app.get("/api/v1/me", Some(&expired)).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/api/v1/me", Some("not.a.token")).await.0,
        StatusCode::UNAUTHORIZED
    );

    // A browser whose cookie is past half its life gets a fresh one on its next request.
    let (old, _) = keys
        .issue(
            cast.member.id,
            0,
            chrono::Utc::now() - keys.lifetime() * 3 / 4,
        )
        .expect("issue");
    let response = app
        .client()
        .get(app.url("/api/v1/me"))
        .header("cookie", format!("amapola_session={old}"))
        .send()
        .await
        .expect("me");
    assert_eq!(response.status(), StatusCode::OK);
    let renewed = response
        .headers()
        .get(SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .expect("renewed cookie");
    assert!(renewed.starts_with("amapola_session=") && !renewed.contains(&old));

    // API clients refresh explicitly.
    let token = app.token(cast.member.email).await;
    let (status, session) = app
        .post("/api/v1/auth/refresh", Some(&token), json!(null))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        app.get("/api/v1/me", session["token"].as_str()).await.0,
        StatusCode::OK
    );
});

on_both_engines!(cookie_writes_from_another_site_are_refused, |app| {
    let cast = app.cast().await;
    let token = app.token(cast.admin.email).await;
    let forged = app
        .client()
        .post(app.url(&format!("/api/v1/amaps/{SLUG}/roles")))
        .header("cookie", format!("amapola_session={token}"))
        .header("origin", "https://evil.example")
        .json(&json!({ "member_id": cast.member.id, "role": "admin", "granted": true }))
        .send()
        .await
        .expect("request");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let host = app.base.trim_start_matches("http://").to_owned();
    let same_site = app
        .client()
        .post(app.url(&format!("/api/v1/amaps/{SLUG}/roles")))
        .header("cookie", format!("amapola_session={token}"))
        .header("origin", format!("http://{host}"))
        .json(&json!({ "member_id": cast.member.id, "role": "treasurer", "granted": true }))
        .send()
        .await
        .expect("request");
    assert_eq!(same_site.status(), StatusCode::OK);
});

on_both_engines!(a_person_in_two_amaps_sees_both, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    // The admin of A adds B's member to A too: same account, second membership.
    let (status, _) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/members"),
            Some(&admin),
            json!({ "email": cast.outsider.email, "first_name": "Olga", "last_name": "Autre" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let outsider = app.token(cast.outsider.email).await;
    let (_, me) = app.get("/api/v1/me", Some(&outsider)).await;
    let slugs: Vec<&str> = me["memberships"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|m| m["amap"]["slug"].as_str())
        .collect();
    assert_eq!(slugs, vec!["amap-a", "amap-b"]);
    // Adding them twice is a conflict, not a duplicate.
    let (status, body) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/members"),
            Some(&admin),
            json!({ "email": cast.outsider.email, "first_name": "Olga", "last_name": "Autre" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_error_shape(&body, "conflict");
});

on_both_engines!(the_signing_key_is_generated_once_and_kept, |app| {
    let cast = app.cast().await;
    let token = app.token(cast.member.email).await;
    // A second server on the same database (a restart) accepts the first one's tokens.
    let restarted = server::startup::Application::build(server::config::Config::for_database(
        &app.database_url,
    ))
    .await
    .expect("restart");
    let base = format!("http://{}", restarted.addr);
    tokio::spawn(restarted.run_until_stopped());
    let response = app
        .client()
        .get(format!("{base}/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("me");
    assert_eq!(response.status(), StatusCode::OK);
});

on_both_engines!(
    failed_logins_from_one_client_are_throttled_and_a_restart_forgives_nothing,
    configure = |config| config.login_max_client_failures = 3,
    |app| {
        app.cast().await;
        let attempt = |email: &str, forwarded: Option<&str>| {
            let mut request = app
                .client()
                .post(app.url("/api/v1/auth/login"))
                .json(&json!({ "email": email, "password": "au petit bonheur" }));
            if let Some(address) = forwarded {
                request = request.header("x-forwarded-for", address);
            }
            request
        };
        // Three guesses at three different addresses from one client…
        for i in 0..3 {
            let response = attempt(&format!("devine{i}@a.example.org"), None)
                .send()
                .await
                .expect("login");
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        // …and that client waits, whatever the address.
        let response = attempt("encore@a.example.org", None)
            .send()
            .await
            .expect("login");
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        // Behind a proxy on the loopback, each client it forwards counts on its own.
        let response = attempt("encore@a.example.org", Some("198.51.100.7"))
            .send()
            .await
            .expect("login");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

        // A new server on the same database still makes the client wait.
        let config = server::config::Config {
            login_max_client_failures: 3,
            ..server::config::Config::for_database(&app.database_url)
        };
        let restarted = server::startup::Application::build(config)
            .await
            .expect("restart");
        restarted.state.clock.set(app.state.clock.now());
        let base = format!("http://{}", restarted.addr);
        tokio::spawn(restarted.run_until_stopped());
        let response = app
            .client()
            .post(format!("{base}/api/v1/auth/login"))
            .json(&json!({ "email": "toujours@a.example.org", "password": "au petit bonheur" }))
            .send()
            .await
            .expect("login");
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    }
);
