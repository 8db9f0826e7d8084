//! Writing to members: one mail per recipient, only to the people the author may reach,
//! answered to the author.

use crate::helpers::SLUG;
use crate::mailbox::{arrival, queued_to};
use crate::on_both_engines;
use reqwest::StatusCode;
use serde_json::json;

on_both_engines!(
    a_message_reaches_each_chosen_member_once_and_replies_go_to_its_author,
    |app| {
        let cast = app.cast().await;
        app.ensure_contract(&cast).await;
        let path = format!("/api/v1/amaps/{SLUG}/mails");
        let admin = app.token(cast.admin.email).await;
        let message = |audience: String| json!({ "audience": audience, "subject": "Distribution\nde jeudi", "body": "Bonjour,\n\nLa distribution a lieu à 18 h." });

        let (status, done) = app.post(&path, Some(&admin), message("all".into())).await;
        assert_eq!(status, StatusCode::ACCEPTED, "{done}");
        // Every active member of AMAP A, nobody else.
        let (_, members) = app
            .get(&format!("/api/v1/amaps/{SLUG}/members"), Some(&admin))
            .await;
        let active = members
            .as_array()
            .expect("members")
            .iter()
            .filter(|m| m["active"] == true)
            .count();
        assert_eq!(done["queued"], active as u64);
        assert!(queued_to(&app, cast.inactive.email).await.is_empty());
        assert!(queued_to(&app, cast.outsider.email).await.is_empty());
        let rows = queued_to(&app, cast.member.email).await;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].reply_to.as_deref(), Some(cast.admin.email));
        let mail = arrival(&rows[0].message_id).await;
        assert_eq!(mail.subject, "[AMAP A] Distribution de jeudi");
        assert!(
            mail.text.contains("La distribution a lieu à 18 h."),
            "{}",
            mail.text
        );

        // A référent writes to the members of their producer's contract only.
        let referent = app.referent_of(cast.producer_one).await;
        let referent_token = app.token(referent.email).await;
        let template = format!("template:{}", cast.template);
        let (status, done) = app
            .post(&path, Some(&referent_token), message(template.clone()))
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "{done}");
        assert_eq!(done["queued"], 1, "only the member with a contract");
        let rows = queued_to(&app, cast.member.email).await;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].reply_to.as_deref(), Some(referent.email));
        assert_eq!(
            queued_to(&app, cast.treasurer.email).await.len(),
            1,
            "not a subscriber"
        );
        // Nor everyone, nor another producer's members; a plain member not at all.
        let (status, _) = app
            .post(&path, Some(&referent_token), message("all".into()))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let other = app.token(cast.referent.email).await;
        let (status, _) = app
            .post(&path, Some(&other), message(template.clone()))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let member = app.token(cast.member.email).await;
        let (status, _) = app.post(&path, Some(&member), message("all".into())).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        // An empty message, no audience: named on their fields, nothing queued.
        let (status, refused) = app
            .post(
                &path,
                Some(&admin),
                json!({ "audience": "", "subject": "x", "body": " " }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields: Vec<&str> = refused["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["field"].as_str())
            .collect();
        assert_eq!(fields, vec!["audience", "body"]);
        assert_eq!(queued_to(&app, cast.member.email).await.len(), 2);
    }
);
