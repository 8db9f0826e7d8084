//! Accounts by e-mail, through the real SMTP sink: a forgotten password reset by the link
//! that arrives, single use and expiry of links, the same answer for unknown addresses,
//! invitations of members added without a password, "log out everywhere", and the outbox
//! surviving a stop with mails queued.

use crate::helpers::{PASSWORD, SLUG, TestApp};
use crate::mailbox::{self, link_in, only_mail_to, queued_to};
use crate::on_both_engines;
use app::domain::mail::MailState;
use reqwest::StatusCode;
use serde_json::json;

const RESET: &str = "/api/v1/auth/password-reset";
const SET: &str = "/api/v1/auth/password";
const NEW_PASSWORD: &str = "une phrase facile à retenir";

async fn login(app: &TestApp, email: &str, password: &str) -> StatusCode {
    app.post(
        "/api/v1/auth/login",
        None,
        json!({ "email": email, "password": password }),
    )
    .await
    .0
}

/// "Ajouter un adhérent" without a password, as an admin of AMAP A.
async fn add_member(
    app: &TestApp,
    admin: &str,
    email: &str,
    first: &str,
    last: &str,
) -> StatusCode {
    app.post(
        &format!("/api/v1/amaps/{SLUG}/members"),
        Some(admin),
        json!({ "email": email, "first_name": first, "last_name": last }),
    )
    .await
    .0
}

/// The secret of the password link in a received mail.
fn token_of(app: &TestApp, text: &str) -> String {
    let path = link_in(text, &app.base);
    let (page, query) = path.split_once("?jeton=").expect("a password link");
    assert_eq!(page, "/mot-de-passe");
    query.to_owned()
}

on_both_engines!(
    a_forgotten_password_is_reset_by_the_link_that_arrives_and_only_once,
    |app| {
        let cast = app.cast().await;
        let before = app.token(cast.member.email).await;

        let (status, _) = app
            .post(
                RESET,
                None,
                json!({ "email": cast.member.email.to_uppercase() }),
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED);
        let mail = only_mail_to(&app, cast.member.email).await;
        assert!(mail.to.contains(cast.member.email), "{}", mail.to);
        assert!(mail.subject.contains("mot de passe"), "{}", mail.subject);
        assert!(mail.html.contains("/mot-de-passe?jeton="), "{}", mail.html);
        let token = token_of(&app, &mail.text);
        // Only the digest is stored: the secret from the mail is nowhere in the database.
        let stored = server::repo::account_tokens::digest(&token);
        assert_ne!(stored, token);

        let too_short = app
            .post(SET, None, json!({ "token": token, "password": "court" }))
            .await;
        assert_eq!(too_short.0, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            too_short.1["fields"][0]["field"], "password",
            "{}",
            too_short.1
        );

        let (status, body) = app
            .post(
                SET,
                None,
                json!({ "token": token, "password": NEW_PASSWORD }),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
        assert_eq!(
            login(&app, cast.member.email, PASSWORD).await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            login(&app, cast.member.email, NEW_PASSWORD).await,
            StatusCode::OK
        );
        // The session opened with the old password ended with it.
        assert_eq!(
            app.get("/api/v1/me", Some(&before)).await.0,
            StatusCode::UNAUTHORIZED
        );

        let again = app
            .post(
                SET,
                None,
                json!({ "token": token, "password": "encore une autre phrase" }),
            )
            .await;
        assert_eq!(again.0, StatusCode::CONFLICT);
        assert_eq!(again.1["fields"][0]["code"], "link_expired", "{}", again.1);
        assert_eq!(
            login(&app, cast.member.email, NEW_PASSWORD).await,
            StatusCode::OK
        );
    }
);

on_both_engines!(
    a_reset_request_answers_the_same_whether_or_not_the_address_exists,
    |app| {
        let cast = app.cast().await;
        let unknown = app
            .post(
                RESET,
                None,
                json!({ "email": "personne@nulle-part.example.org" }),
            )
            .await;
        let inactive = app
            .post(RESET, None, json!({ "email": cast.inactive.email }))
            .await;
        let known = app
            .post(RESET, None, json!({ "email": cast.member.email }))
            .await;
        assert_eq!(unknown, known);
        assert_eq!(inactive, known);
        assert_eq!(known.0, StatusCode::ACCEPTED);
        assert!(
            queued_to(&app, "personne@nulle-part.example.org")
                .await
                .is_empty()
        );
        // A deactivated member may not log in, so gets no link either.
        assert!(queued_to(&app, cast.inactive.email).await.is_empty());
        assert_eq!(queued_to(&app, cast.member.email).await.len(), 1);

        // An address asked for again and again gets three links an hour, and the answer
        // still does not change.
        for _ in 0..4 {
            let (status, _) = app
                .post(RESET, None, json!({ "email": cast.member.email }))
                .await;
            assert_eq!(status, StatusCode::ACCEPTED);
        }
        assert_eq!(queued_to(&app, cast.member.email).await.len(), 3);
        let bad = app
            .post(RESET, None, json!({ "email": "pas une adresse" }))
            .await;
        assert_eq!(bad.0, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

on_both_engines!(a_password_link_expires_after_a_day, |app| {
    let cast = app.cast().await;
    app.post(RESET, None, json!({ "email": cast.member.email }))
        .await;
    let mail = only_mail_to(&app, cast.member.email).await;
    let token = token_of(&app, &mail.text);
    let now = app.state.clock.now();
    app.state.clock.set(now + chrono::Duration::hours(25));
    let (status, body) = app
        .post(
            SET,
            None,
            json!({ "token": token, "password": NEW_PASSWORD }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["fields"][0]["code"], "link_expired", "{body}");
    assert_eq!(
        login(&app, cast.member.email, PASSWORD).await,
        StatusCode::OK
    );
});

on_both_engines!(
    a_member_added_without_a_password_is_invited_to_choose_one,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let email = "nouvelle.venue@a.example.org";
        let status = add_member(&app, &admin, email, "Nina", "Nouvelle").await;
        assert_eq!(status, StatusCode::CREATED);
        let mail = only_mail_to(&app, email).await;
        assert!(mail.subject.contains("AMAP A"), "{}", mail.subject);
        assert!(mail.text.contains("Bonjour Nina"), "{}", mail.text);
        assert!(mail.text.contains("7 jours"), "{}", mail.text);
        let token = token_of(&app, &mail.text);
        let (status, _) = app
            .post(
                SET,
                None,
                json!({ "token": token, "password": NEW_PASSWORD }),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        assert_eq!(login(&app, email, NEW_PASSWORD).await, StatusCode::OK);

        // Someone added with a password chosen by the admin gets no invitation.
        let with_password = "avec.mot.de.passe@a.example.org";
        app.post(
            &format!("/api/v1/amaps/{SLUG}/members"),
            Some(&admin),
            json!({ "email": with_password, "first_name": "Paul", "last_name": "Passe", "password": PASSWORD }),
        )
        .await;
        assert!(queued_to(&app, with_password).await.is_empty());
    }
);

on_both_engines!(logging_out_everywhere_ends_every_session, |app| {
    let cast = app.cast().await;
    let phone = app.token(cast.member.email).await;
    let laptop = app.token(cast.member.email).await;
    let other = app.token(cast.admin.email).await;
    let (status, _) = app
        .post("/api/v1/auth/logout-everywhere", Some(&phone), json!({}))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    for token in [&phone, &laptop] {
        assert_eq!(
            app.get("/api/v1/me", Some(token)).await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    // Someone else's sessions are not touched; a new login works at once.
    assert_eq!(app.get("/api/v1/me", Some(&other)).await.0, StatusCode::OK);
    let fresh = app.token(cast.member.email).await;
    assert_eq!(app.get("/api/v1/me", Some(&fresh)).await.0, StatusCode::OK);
});

on_both_engines!(
    a_recipient_the_smtp_server_refuses_fails_with_its_reason,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let email = "inconnu@refused.invalid";
        let status = add_member(&app, &admin, email, "Ida", "Inconnue").await;
        assert_eq!(status, StatusCode::CREATED);
        let mut row = None;
        for _ in 0..300 {
            let rows = queued_to(&app, email).await;
            if rows
                .first()
                .is_some_and(|r| MailState::from(r.state) == MailState::Failed)
            {
                row = rows.into_iter().next();
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let row = row.expect("the refused mail is marked failed");
        // A permanent refusal is not retried: one attempt, the server's words kept.
        assert_eq!(row.attempts, 1);
        assert!(
            row.last_error
                .as_deref()
                .unwrap_or_default()
                .contains("No such mailbox"),
            "{:?}",
            row.last_error
        );
    }
);

// The worker is stopped (its task dropped, as a crash would) while 200 mails wait; a new
// server on the same database sends the rest. Every mail arrives; a mail caught between
// the SMTP server's "accepted" and the database's "sent" is the only one that may arrive
// twice (SMTP cannot be asked whether it already delivered).
on_both_engines!(
    mails_queued_when_the_server_stops_are_all_sent_after_a_restart,
    // The test's own worker is the first server's only one: stopping it stops its sending.
    configure = |config| config.background_jobs = false,
    |app| {
        use server::mail::compose::Composed;
        use server::mail::outbox::{NewMail, enqueue};
        app.cast().await;
        let amap = app.amap_id(SLUG).await;
        let tag = rand::random::<u32>();
        let txn = server::repo::write_txn(&app.state.db).await.expect("txn");
        let mut ids = Vec::new();
        for i in 0..200 {
            let content = Composed {
                subject: format!("Distribution {i}"),
                text: "Bonjour".into(),
                html: "<p>Bonjour</p>".into(),
            };
            let mail = NewMail::new(
                Some(app::domain::AmapId(amap)),
                app::domain::mail::MailKind::Bulk,
                format!("membre{i}.{tag}@a.example.org"),
                content,
            );
            ids.push(
                enqueue(&txn, &app.state.mailer, mail, app.state.clock.now())
                    .await
                    .expect("queued")
                    .message_id,
            );
        }
        txn.commit().await.expect("commit");

        // A first worker on this database, stopped after a few mails went out.
        let worker = server::mail::worker::spawn(app.state.clone());
        app.state.mailer.wake();
        for _ in 0..500 {
            if mailbox::counts(&ids).len() >= 20 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        worker.abort();
        let _ = worker.await;

        // A new server on the same database, as after a restart.
        let mut config = server::config::Config::for_database(&app.database_url);
        config.smtp_url = mailbox::smtp_url();
        let restarted = server::startup::Application::build(config)
            .await
            .expect("restart");
        let state = restarted.state.clone();
        // Restarted later than the claim of a mail the stop interrupted lasts: that one is
        // sent again (the one mail that may arrive twice).
        state.clock.set(
            app.state.clock.now() + server::mail::worker::LEASE + chrono::Duration::seconds(1),
        );
        tokio::spawn(restarted.run_until_stopped());
        let mut arrived = mailbox::counts(&ids);
        for _ in 0..1200 {
            if arrived.len() == ids.len() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            arrived = mailbox::counts(&ids);
        }
        assert_eq!(arrived.len(), 200, "every queued mail arrives");
        let twice: usize = arrived.values().map(|n| n - 1).sum();
        assert!(twice <= 1, "{twice} mails arrived twice");
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        use server::db::entities::{outbox_mail, stored};
        // The worker marks a mail sent just after the sink has it: wait for the last marks.
        let mut sent = 0;
        for _ in 0..100 {
            sent = outbox_mail::Entity::find()
                .filter(outbox_mail::Column::State.eq(stored::MailState::Sent))
                .filter(outbox_mail::Column::MessageId.is_in(ids.clone()))
                .count(&state.db)
                .await
                .expect("count");
            if sent == 200 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(sent, 200, "every mail is marked sent");
    }
);

on_both_engines!(
    changing_ones_password_needs_the_current_one_and_ends_the_other_sessions,
    |app| {
        let cast = app.cast().await;
        let phone = app.token(cast.member.email).await;
        let laptop = app.token(cast.member.email).await;
        let (status, wrong) = app
            .post(
                "/api/v1/me/password",
                Some(&laptop),
                json!({ "current_password": "pas le bon", "new_password": NEW_PASSWORD }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(wrong["fields"][0]["field"], "current_password");
        assert_eq!(wrong["fields"][0]["code"], "wrong_password");
        assert_eq!(
            login(&app, cast.member.email, PASSWORD).await,
            StatusCode::OK
        );

        let (status, session) = app
            .post(
                "/api/v1/me/password",
                Some(&laptop),
                json!({ "current_password": PASSWORD, "new_password": NEW_PASSWORD }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{session}");
        // The device that asked goes on with its new session; every other one ends.
        let fresh = session["token"].as_str().expect("a new session");
        assert_eq!(app.get("/api/v1/me", Some(fresh)).await.0, StatusCode::OK);
        for old in [&phone, &laptop] {
            assert_eq!(
                app.get("/api/v1/me", Some(old)).await.0,
                StatusCode::UNAUTHORIZED
            );
        }
        assert_eq!(
            login(&app, cast.member.email, PASSWORD).await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            login(&app, cast.member.email, NEW_PASSWORD).await,
            StatusCode::OK
        );
    }
);

on_both_engines!(
    a_new_address_is_used_only_once_its_link_is_followed,
    |app| {
        let cast = app.cast().await;
        let member = app.token(cast.member.email).await;
        let new_address = "nouvelle.adresse@example.org";
        // Another account's address is refused; the current password is asked.
        let (status, _) = app
            .post(
                "/api/v1/me/email",
                Some(&member),
                json!({ "new_email": cast.admin.email, "current_password": PASSWORD }),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (status, _) = app
            .post(
                "/api/v1/me/email",
                Some(&member),
                json!({ "new_email": new_address, "current_password": "faux" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, _) = app
            .post(
                "/api/v1/me/email",
                Some(&member),
                json!({ "new_email": new_address, "current_password": PASSWORD }),
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED);
        // Nothing changed yet: the old address still logs in.
        assert_eq!(
            login(&app, cast.member.email, PASSWORD).await,
            StatusCode::OK
        );
        let mail = only_mail_to(&app, new_address).await;
        let path = link_in(&mail.text, &app.base);
        let (page, secret) = path.split_once("?jeton=").expect("a confirmation link");
        assert_eq!(page, "/confirmer-email");
        // Opening the page changes nothing (mail scanners follow links); its button does.
        let opened = app.client().get(app.url(&path)).send().await.expect("page");
        assert_eq!(opened.status(), StatusCode::OK);
        // Its address holds the secret: no cache keeps the page.
        assert_eq!(opened.headers()["cache-control"], "no-store, private");
        assert_eq!(
            login(&app, cast.member.email, PASSWORD).await,
            StatusCode::OK
        );
        let confirm = json!({ "token": secret });
        let (status, _) = app.post("/api/v1/auth/email", None, confirm.clone()).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        assert_eq!(login(&app, new_address, PASSWORD).await, StatusCode::OK);
        assert_eq!(
            login(&app, cast.member.email, PASSWORD).await,
            StatusCode::UNAUTHORIZED
        );
        // The old address is told; the link served once.
        let notice = only_mail_to(&app, cast.member.email).await;
        assert!(notice.text.contains(new_address), "{}", notice.text);
        let (status, again) = app.post("/api/v1/auth/email", None, confirm).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(again["fields"][0]["code"], "link_expired");
    }
);
