//! "Mails que je reçois": the optional mails a member turned off are not queued for them —
//! contract openings, sign-up summaries, delivery sheets — while everyone else still gets them.

use crate::helpers::{SLUG, TestApp};
use crate::mailbox::queued_to;
use crate::on_both_engines;
use app::domain::Money;
use app::domain::contract::{Nature, TemplateState};
use app::domain::mail::MailKind;
use reqwest::StatusCode;
use serde_json::json;
use server::contracts::setup::{TemplateSpec, create_template};
use server::db::entities::stored;

async fn kinds_to(app: &TestApp, email: &str) -> Vec<MailKind> {
    queued_to(app, email)
        .await
        .into_iter()
        .map(|m| MailKind::from(m.kind))
        .collect()
}

fn choices_path() -> String {
    format!("/api/v1/amaps/{SLUG}/me/mail-choices")
}

on_both_engines!(
    a_member_who_turned_mails_off_gets_none_of_them_and_the_others_still_do,
    |app| {
        let cast = app.cast().await;
        let member = app.token(cast.member.email).await;
        let (status, view) = app.get(&choices_path(), Some(&member)).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert_eq!(
            view["choices"],
            json!({ "openings": true, "confirmations": true, "delivery_sheets": true })
        );
        assert_eq!(view["sheets_apply"], false);
        // A form that ticks nothing: both off (an unticked box is not sent).
        let (status, view) = app.put(&choices_path(), Some(&member), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert_eq!(view["choices"]["openings"], false);
        assert_eq!(view["choices"]["confirmations"], false);

        // The member saves a contract: no summary for them; the admin saving one gets theirs.
        let contract = format!("/api/v1/amaps/{SLUG}/me/contracts/{}", cast.template);
        let order =
            json!({ "grid": [{ "date": cast.first_date, "product": cast.product_one, "qty": 2 }] });
        let (status, body) = app.put(&contract, Some(&member), order.clone()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(
            !kinds_to(&app, cast.member.email)
                .await
                .contains(&MailKind::SignUpConfirmation)
        );
        let admin = app.token(cast.admin.email).await;
        let (status, body) = app.put(&contract, Some(&admin), order).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(
            kinds_to(&app, cast.admin.email)
                .await
                .contains(&MailKind::SignUpConfirmation)
        );

        // A new contract opens: announced to the admin, not to the member.
        let amap = app.amap_id(SLUG).await;
        let mut spec = TemplateSpec::simple(
            cast.producer_one,
            "Pommes",
            Nature::Free,
            app.today() + chrono::Days::new(7),
            vec![cast.first_date],
            vec![(cast.product_one, Money::from_cents(500))],
        );
        spec.state = TemplateState::Draft;
        let template = create_template(&app.state.db, amap, spec)
            .await
            .expect("template");
        let (status, body) = app
            .put(
                &format!("/api/v1/amaps/{SLUG}/templates/{template}/state"),
                Some(&admin),
                json!({ "state": "active" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(
            kinds_to(&app, cast.admin.email)
                .await
                .contains(&MailKind::ContractOpened)
        );
        assert!(
            !kinds_to(&app, cast.member.email)
                .await
                .contains(&MailKind::ContractOpened)
        );
        // A message from the AMAP always arrives.
        let (status, _) = app
            .post(
                &format!("/api/v1/amaps/{SLUG}/mails"),
                Some(&admin),
                json!({ "audience": "all", "subject": "Jeudi", "body": "Distribution à 18 h." }),
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED);
        assert!(
            kinds_to(&app, cast.member.email)
                .await
                .contains(&MailKind::Bulk)
        );
        // An operator, who is no member, has no choices here.
        let operator = app.token(cast.operator.email).await;
        let (status, _) = app.get(&choices_path(), Some(&operator)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
);

on_both_engines!(
    a_referent_who_turned_delivery_sheets_off_is_not_sent_them,
    |app| {
        let cast = app.cast().await;
        app.ensure_contract(&cast).await;
        let producer = app.producer_account(cast.producer_one).await;
        let referent = app.referent_of(cast.producer_one).await;
        let token = app.token(referent.email).await;
        let (_, view) = app.get(&choices_path(), Some(&token)).await;
        assert_eq!(view["sheets_apply"], true, "{view}");
        let (status, _) = app
            .put(
                &choices_path(),
                Some(&token),
                json!({ "openings": "on", "confirmations": "on" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let amap = app.amap_id(SLUG).await;
        let farm = server::repo::producers::find(
            &app.state.db,
            amap,
            app::domain::ProducerId(cast.producer_one),
        )
        .await
        .expect("query")
        .expect("producer");
        let lead = if farm.notice_days > 0 {
            farm.notice_days as u64
        } else {
            2
        };
        let due = (cast.first_date - chrono::Days::new(lead))
            .and_hms_opt(12, 0, 0)
            .expect("noon")
            .and_utc();
        app.state.clock.set(due);
        let queued = server::mail::sheets::queue_due(&app.state, due)
            .await
            .expect("pass");
        assert_eq!(queued, 1, "the producer's account only");
        let sheet = stored::MailKind::from(MailKind::DeliverySheet);
        assert!(
            queued_to(&app, producer.email)
                .await
                .iter()
                .any(|m| m.kind == sheet)
        );
        assert!(
            queued_to(&app, referent.email)
                .await
                .iter()
                .all(|m| m.kind != sheet)
        );
    }
);
