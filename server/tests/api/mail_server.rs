//! An AMAP's own SMTP server: on a deployment without one, the AMAP that sets its own sends
//! (with its sender), the others keep their mails held; the password never comes back; held
//! mails go out once retried; removing it goes back to holding.

use crate::helpers::{OTHER_SLUG, SLUG};
use crate::mailbox::{arrival, queued_to, smtp_url};
use crate::on_both_engines;
use app::domain::mail::MailState;
use reqwest::StatusCode;
use serde_json::json;

fn no_deployment_server(config: &mut server::config::Config) {
    config.smtp_url = None;
}

on_both_engines!(
    an_amap_with_its_own_server_sends_while_the_others_hold_theirs,
    configure = no_deployment_server,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let path = format!("/api/v1/amaps/{SLUG}/mail-server");
        let write =
            |subject: &str| json!({ "audience": "all", "subject": subject, "body": "Bonjour." });
        let mails = format!("/api/v1/amaps/{SLUG}/mails");

        // Nothing configured anywhere: held.
        let (_, view) = app.get(&path, Some(&admin)).await;
        assert_eq!(view["own_server"], false, "{view}");
        assert_eq!(view["deployment_sends"], false);
        app.post(&mails, Some(&admin), write("Avant")).await;
        let before = queued_to(&app, cast.member.email).await;
        assert_eq!(MailState::from(before[0].state), MailState::Held);

        // A URL that is none, an address that is none: named on their fields.
        let (status, body) = app
            .put(
                &path,
                Some(&admin),
                json!({ "smtp_url": "gopher://x", "mail_from": "pas une adresse" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let fields: Vec<&str> = body["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["field"].as_str())
            .collect();
        assert_eq!(fields, ["smtp_url", "mail_from"]);

        // The test sink, with credentials in the URL: they never come back.
        let sink = smtp_url().expect("the test command's SMTP sink");
        let with_password = sink.replacen("smtp://", "smtp://amap:s3cret@", 1);
        let (status, view) = app
            .put(
                &path,
                Some(&admin),
                json!({ "smtp_url": sink, "mail_from": "AMAP A <contact@amap-a.example.org>" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert_eq!(view["own_server"], true);
        app.post(&mails, Some(&admin), write("Avec son serveur"))
            .await;
        let rows = queued_to(&app, cast.member.email).await;
        let mail = arrival(&rows[1].message_id).await;
        assert!(
            mail.from.contains("contact@amap-a.example.org"),
            "{}",
            mail.from
        );
        // The mail held before goes out once retried.
        let (status, _) = app
            .post(
                &format!("{mails}/{}/retry", before[0].id),
                Some(&admin),
                json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        arrival(&before[0].message_id).await;
        // AMAP B has no server: its mails stay held.
        let outsider_admin = {
            use app::api::members::RoleChange;
            let b = app.amap_id(OTHER_SLUG).await;
            server::services::members::apply_role_change(
                &app.state.db,
                b,
                app::domain::UserId(cast.outsider.id),
                RoleChange::Admin(true),
            )
            .await
            .expect("admin of B");
            app.token(cast.outsider.email).await
        };
        let (status, _) = app
            .post(
                &format!("/api/v1/amaps/{OTHER_SLUG}/mails"),
                Some(&outsider_admin),
                write("B"),
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED);
        let b_mail = queued_to(&app, cast.outsider.email).await;
        assert_eq!(
            MailState::from(b_mail.last().expect("mail").state),
            MailState::Held
        );

        // A password is masked, and the masked URL sent back keeps it.
        let (_, view) = app
            .put(
                &path,
                Some(&admin),
                json!({ "smtp_url": with_password, "mail_from": "" }),
            )
            .await;
        let masked = view["smtp_url"].as_str().expect("url").to_owned();
        assert!(
            !masked.contains("s3cret") && masked.contains("amap:••••@"),
            "{masked}"
        );
        let (_, again) = app.get(&path, Some(&admin)).await;
        assert!(!again.to_string().contains("s3cret"), "{again}");
        let (status, _) = app
            .put(
                &path,
                Some(&admin),
                json!({ "smtp_url": masked, "mail_reply_to": "bureau@amap-a.example.org" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        use sea_orm::EntityTrait;
        let amap = app.amap_id(SLUG).await;
        let stored = server::db::entities::amap_mail_server::Entity::find_by_id(amap)
            .one(&app.state.db)
            .await
            .expect("query")
            .expect("row");
        assert_eq!(stored.smtp_url, with_password, "the password was kept");

        // Removed: back to holding. A treasurer may not touch it.
        let treasurer = app.token(cast.treasurer.email).await;
        let (status, _) = app
            .put(&path, Some(&treasurer), json!({ "smtp_url": "" }))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (_, view) = app
            .put(&path, Some(&admin), json!({ "smtp_url": "" }))
            .await;
        assert_eq!(view["own_server"], false);
        app.post(&mails, Some(&admin), write("Après")).await;
        let last = queued_to(&app, cast.member.email).await;
        assert_eq!(
            MailState::from(last.last().expect("mail").state),
            MailState::Held
        );
    }
);
