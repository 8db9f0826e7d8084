//! The duty rota through the API: a coordinator's period, members signing up by the rules
//! (one duty per date, the quota, the window), the last place taken by exactly one of many,
//! the role that makes a coordinator, the fair automatic assignment respecting absences,
//! its publication told by mail, and one AMAP's rota invisible from another.

use crate::helpers::{OTHER_SLUG, SLUG, TestApp, assert_error_shape};
use crate::mailbox::queued_to;
use crate::on_both_engines;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

fn base() -> String {
    format!("/api/v1/amaps/{SLUG}/duty-periods")
}

fn day(app: &TestApp, days: u64) -> String {
    (app.today() + chrono::Days::new(days)).to_string()
}

/// A period of AMAP A created by `token`; its view.
async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, view) = app.post(&base(), Some(token), body).await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    view
}

fn free_rules(app: &TestApp, name: &str) -> Value {
    json!({ "name": name, "rule": "one_per_date", "window": "until",
            "window_until": day(app, 30), "first_date": day(app, 7), "last_date": day(app, 28),
            "frequency": "weekly", "places": "2", "participants": "active", "quota": "1" })
}

fn place(view: &Value, date: usize, place: usize) -> i64 {
    view["dates"][date]["places"][place]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no place {date}/{place}: {view}"))
}

fn code(body: &Value) -> &Value {
    &body["fields"][0]["code"]
}

on_both_engines!(members_sign_up_by_the_period_rules, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let member = app.token(cast.member.email).await;
    let view = create(&app, &admin, free_rules(&app, "Permanences hiver")).await;
    let id = view["summary"]["id"].as_i64().expect("id");
    assert_eq!(
        view["dates"].as_array().expect("dates").len(),
        4,
        "weekly over 3 weeks"
    );
    assert_eq!(view["summary"]["coverage"]["places"], 8);
    let take = |place: i64| format!("{}/{id}/places/{place}/take", base());

    let (status, taken) = app
        .post(&take(place(&view, 0, 0)), Some(&member), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{taken}");
    let mine = &taken["dates"][0]["places"][0];
    assert_eq!(mine["mine"], true);
    assert_eq!(mine["holder"]["id"], cast.member.id);
    assert_eq!(taken["summary"]["me"]["held"], 1);
    assert_eq!(taken["summary"]["me"]["owed"], 0);
    assert_eq!(
        taken["dates"][0]["places"][1]["may_take"], false,
        "one duty per date"
    );

    // The same date again, then another date beyond the quota of one.
    let (status, body) = app
        .post(&take(place(&view, 0, 1)), Some(&member), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_error_shape(&body, "conflict");
    assert_eq!(code(&body), "already_on_duty");
    let (status, body) = app
        .post(&take(place(&view, 1, 0)), Some(&member), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(code(&body), "quota_reached");
    assert_eq!(body["fields"][0]["limit"], 1);

    // Someone else cannot give my place back; I can, inside the window.
    let treasurer = app.token(cast.treasurer.email).await;
    let leave = format!("{}/{id}/places/{}/leave", base(), place(&view, 0, 0));
    let (status, body) = app.post(&leave, Some(&treasurer), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, left) = app.post(&leave, Some(&member), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{left}");
    assert!(left["dates"][0]["places"][0]["holder"].is_null());

    // A taken place is taken by the same request for "that role, that date" if another is free.
    let (status, _) = app
        .post(&take(place(&view, 2, 0)), Some(&member), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, other) = app
        .post(&take(place(&view, 2, 0)), Some(&treasurer), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{other}");
    assert_eq!(
        other["dates"][2]["places"][1]["holder"]["id"],
        cast.treasurer.id
    );

    // Mes permanences: the coming duty, with who else is on duty that date.
    let (status, duties) = app
        .get(&format!("/api/v1/amaps/{SLUG}/me/duties"), Some(&member))
        .await;
    assert_eq!(status, StatusCode::OK, "{duties}");
    assert_eq!(duties["next"].as_array().expect("next").len(), 1);
    assert_eq!(duties["next"][0]["day"], day(&app, 21));
    let others = duties["next"][0]["others"][0].as_str().expect("a name");
    assert!(others.contains("Permanence"), "{others}");
    assert_eq!(duties["periods"][0]["share"]["owed"], 0);

    // Another AMAP does not see it, and an outsider cannot take a place.
    let outsider = app.token(cast.outsider.email).await;
    let (status, _) = app.get(&format!("{}/{id}", base()), Some(&outsider)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, list) = app
        .get(
            &format!("/api/v1/amaps/{OTHER_SLUG}/duty-periods"),
            Some(&outsider),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list, json!([]));
});

on_both_engines!(
    the_window_closes_sign_ups_and_members_outside_the_period_are_told,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let member = app.token(cast.member.email).await;
        let mut rules = free_rules(&app, "Fenêtre glissante");
        rules["window"] = json!("days_before");
        rules["window_days"] = json!("10");
        let view = create(&app, &admin, rules).await;
        let id = view["summary"]["id"].as_i64().expect("id");
        let take = |place: i64| format!("{}/{id}/places/{place}/take", base());
        // The first date is 7 days away: inside the 10 days, closed. The third, 21 days: open.
        assert_eq!(view["dates"][0]["open"], false);
        let (status, body) = app
            .post(&take(place(&view, 0, 0)), Some(&member), json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(code(&body), "duty_closed");
        let (status, _) = app
            .post(&take(place(&view, 2, 0)), Some(&member), json!({}))
            .await;
        assert_eq!(status, StatusCode::OK);

        // Taken out of the period: not a participant any more (after giving the place back).
        let (_, view) = app.get(&format!("{}/{id}", base()), Some(&admin)).await;
        let remove = format!("{}/{id}/participants/{}", base(), cast.member.id);
        let (status, body) = app.delete(&remove, Some(&admin)).await;
        assert_eq!(status, StatusCode::CONFLICT, "holds a duty: {body}");
        assert_eq!(code(&body), "has_duties");
        let mine = place(&view, 2, 0);
        let (status, _) = app
            .put(
                &format!("{}/{id}/places/{mine}", base()),
                Some(&admin),
                json!({ "member_id": "" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = app.delete(&remove, Some(&admin)).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, body) = app
            .post(&take(place(&view, 3, 0)), Some(&member), json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(code(&body), "not_participant");

        // Bad input is named field by field.
        let (status, body) = app
        .post(&base(), Some(&admin), json!({ "name": "", "rule": "most", "window": "until",
            "first_date": "demain", "last_date": day(&app, 3), "places": "0", "participants": "all" }))
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let mut fields: Vec<&str> = body["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["field"].as_str())
            .collect();
        fields.sort_unstable();
        assert_eq!(
            fields,
            [
                "first_date",
                "frequency",
                "name",
                "participants",
                "places",
                "rule",
                "window_until"
            ]
        );
    }
);

on_both_engines!(
    fifty_members_for_the_last_place_exactly_one_gets_it,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let crowd = app.crowd(SLUG, 50).await;
        let body = json!({ "name": "Dernière place", "rule": "one_per_date", "window": "until",
        "window_until": day(&app, 30), "first_date": day(&app, 7), "last_date": day(&app, 7),
        "frequency": "weekly", "places": "1", "participants": "active", "quota": "1" });
        let view = create(&app, &admin, body).await;
        let id = view["summary"]["id"].as_i64().expect("id");
        let path = format!("{}/{id}/places/{}/take", base(), place(&view, 0, 0));
        let takes = crowd.iter().map(|(_, token)| {
            let path = path.clone();
            let app = &app;
            async move { app.post(&path, Some(token), json!({})).await }
        });
        let answers = futures::future::join_all(takes).await;
        let won = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
        assert_eq!(won, 1, "exactly one member gets the last place");
        for (status, body) in answers.iter().filter(|(s, _)| *s != StatusCode::OK) {
            assert_eq!(*status, StatusCode::CONFLICT, "{body}");
            assert_eq!(code(body), "no_free_place");
        }
        let (_, view) = app.get(&format!("{}/{id}", base()), Some(&admin)).await;
        assert_eq!(view["summary"]["coverage"]["filled"], 1);
    }
);

on_both_engines!(the_coordinator_role_opens_the_rota_to_a_member, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let member = app.token(cast.member.email).await;
    let (status, _) = app
        .post(&base(), Some(&member), free_rules(&app, "Pas encore"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let grant = json!({ "member_id": cast.member.id, "role": "coordinator", "granted": true });
    let (status, body) = app
        .post(&format!("/api/v1/amaps/{SLUG}/roles"), Some(&admin), grant)
        .await;
    assert!(status.is_success(), "{body}");
    let view = create(&app, &member, free_rules(&app, "Par le coordinateur")).await;
    assert_eq!(view["may_manage"], true);
    let (_, home) = app
        .get(&format!("/api/v1/amaps/{SLUG}/home"), Some(&member))
        .await;
    assert_eq!(home["may_manage_rota"], true, "{home}");
});

on_both_engines!(
    the_automatic_assignment_is_fair_respects_absences_and_is_told,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let member = app.token(cast.member.email).await;
        // Imposed: nobody signs up; 4 dates × 2 places for the AMAP's active members.
        let mut rules = free_rules(&app, "Imposé");
        rules["window"] = json!("imposed");
        rules["quota"] = json!("");
        let view = create(&app, &admin, rules).await;
        let id = view["summary"]["id"].as_i64().expect("id");
        let participants = view["summary"]["coverage"]["participants"]
            .as_u64()
            .expect("count");
        assert!(participants >= 4, "{view}");
        let quota = view["participants"][0]["quota"].as_u64().expect("quota");
        assert_eq!(
            quota,
            view["suggestion"]["high"]
                .as_u64()
                .unwrap_or(view["suggestion"]["low"].as_u64().expect("a suggestion")),
            "the default quota is the higher suggestion"
        );
        assert_eq!(view["dates"][0]["places"][0]["may_take"], false, "imposed");

        // The member cannot do the first two dates.
        let unavailable = [
            view["dates"][0]["id"].clone(),
            view["dates"][1]["id"].clone(),
        ];
        let (status, body) = app
            .put(
                &format!("{}/{id}/absences", base()),
                Some(&member),
                json!({ "unavailable": unavailable }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["dates"][0]["unavailable"], true);

        let (status, proposal) = app
            .post(
                &format!("{}/{id}/proposal", base()),
                Some(&admin),
                json!({ "seed": 3 }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{proposal}");
        assert_eq!(proposal["assigned"], 8, "every place proposed: {proposal}");
        let (_, view) = app.get(&format!("{}/{id}", base()), Some(&admin)).await;
        assert_eq!(view["proposed"], 8);
        let mut counts = std::collections::HashMap::new();
        for (d, date) in view["dates"].as_array().expect("dates").iter().enumerate() {
            let mut on_date = std::collections::HashSet::new();
            for place in date["places"].as_array().expect("places") {
                assert!(place["holder"].is_null(), "not published yet");
                let who = place["proposed"]["id"].as_i64().expect("proposed");
                assert!(on_date.insert(who), "one duty per date");
                assert!(!(d < 2 && who == cast.member.id), "absences respected");
                *counts.entry(who).or_insert(0) += 1;
            }
        }
        let most = counts.values().max().copied().unwrap_or(0);
        assert!(most <= quota, "quotas respected");
        // Members see nothing of a proposal.
        let (_, seen) = app.get(&format!("{}/{id}", base()), Some(&member)).await;
        assert!(seen["dates"][0]["places"][0]["proposed"].is_null());

        let (status, published) = app
            .post(&format!("{}/{id}/publish", base()), Some(&admin), json!({}))
            .await;
        assert_eq!(status, StatusCode::OK, "{published}");
        assert_eq!(published["published"], 8);
        assert_eq!(published["told"], counts.len());
        let (_, view) = app.get(&format!("{}/{id}", base()), Some(&admin)).await;
        assert_eq!(view["summary"]["coverage"]["filled"], 8);
        assert_eq!(view["proposed"], 0);
        let someone = *counts.keys().next().expect("someone");
        let (_, people) = app
            .get(&format!("/api/v1/amaps/{SLUG}/members"), Some(&admin))
            .await;
        let email = people
            .as_array()
            .and_then(|p| p.iter().find(|m| m["id"] == someone))
            .and_then(|m| m["email"].as_str())
            .expect("their address")
            .to_owned();
        let mails = queued_to(&app, &email).await;
        assert_eq!(mails.len(), 1, "one mail per member");
        assert!(mails[0].subject.contains("Imposé"), "{}", mails[0].subject);
    }
);

on_both_engines!(
    each_person_on_duty_is_reminded_once_with_who_else_is_there,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let member = app.token(cast.member.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        // Reminders three days ahead; more than two weeks is refused next to its field.
        let settings = format!("/api/v1/amaps/{SLUG}");
        let (_, amap) = app.get(&settings, Some(&admin)).await;
        let mut form = json!({ "name": amap["name"], "city": amap["city"],
            "time_zone": amap["time_zone"], "distribution_place": "Salle des fêtes",
            "distribution_hours": "jeudi 18 h – 19 h", "duty_reminder_days": "15" });
        let (status, body) = app.put(&settings, Some(&admin), form.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["fields"][0]["field"], "duty_reminder_days");
        form["duty_reminder_days"] = json!("3");
        let (status, body) = app.put(&settings, Some(&admin), form).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["duty_reminder_days"], 3);

        // The member and the treasurer on duty a week from now.
        let view = create(&app, &admin, free_rules(&app, "Rappels")).await;
        let id = view["summary"]["id"].as_i64().expect("id");
        let take = |place: i64| format!("{}/{id}/places/{place}/take", base());
        for (token, p) in [(&member, 0), (&treasurer, 1)] {
            let (status, body) = app
                .post(&take(place(&view, 0, p)), Some(token), json!({}))
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        // Each pass runs at the application's clock, which the outbox follows too.
        let today = app.today();
        let pass = |days: u64| {
            let at = (today + chrono::Days::new(days))
                .and_hms_opt(11, 0, 0)
                .expect("a time")
                .and_utc();
            app.state.clock.set(at);
            let state = app.state.clone();
            async move {
                let queued = server::mail::duty_reminders::queue_due(&state, at).await;
                state.mailer.wake();
                queued
            }
        };
        assert_eq!(pass(0).await.expect("pass"), 0, "a week ahead: not yet");
        assert_eq!(pass(4).await.expect("pass"), 2, "three days ahead: both");
        assert_eq!(pass(4).await.expect("pass"), 0, "once");
        assert_eq!(pass(5).await.expect("pass"), 0, "once, the day after too");

        let mail = crate::mailbox::only_mail_to(&app, cast.member.email).await;
        assert!(mail.subject.contains("rappel"), "{}", mail.subject);
        assert!(mail.text.contains("Salle des fêtes"), "{}", mail.text);
        assert!(
            mail.text.contains("Avec vous :") && mail.text.contains("(Permanence)"),
            "the other person on duty: {}",
            mail.text
        );

        // The treasurer gives the place back and the admin takes it: the admin is reminded.
        let leave = format!("{}/{id}/places/{}/leave", base(), place(&view, 0, 1));
        let (status, _) = app.post(&leave, Some(&treasurer), json!({})).await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = app
            .post(&take(place(&view, 0, 1)), Some(&admin), json!({}))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(pass(5).await.expect("pass"), 1, "the new holder only");
        let kind =
            server::db::entities::stored::MailKind::from(app::domain::mail::MailKind::DutyReminder);
        assert_eq!(
            queued_to(&app, cast.admin.email)
                .await
                .iter()
                .filter(|m| m.kind == kind)
                .count(),
            1
        );

        // An AMAP that sends none sends none.
        let (_, amap) = app.get(&settings, Some(&admin)).await;
        let off = json!({ "name": amap["name"], "city": amap["city"],
            "time_zone": amap["time_zone"], "duty_reminder_days": "0" });
        let (status, _) = app.put(&settings, Some(&admin), off).await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = app.post(&leave, Some(&admin), json!({})).await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = app
            .post(&take(place(&view, 0, 1)), Some(&treasurer), json!({}))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(pass(5).await.expect("pass"), 0);
    }
);

on_both_engines!(
    an_offered_duty_goes_to_exactly_one_of_the_members_accepting_it,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let member = app.token(cast.member.email).await;
        // The crowd joins the AMAP before the period, so that they take part in it.
        let crowd = app.crowd(SLUG, 12).await;
        let view = create(&app, &admin, free_rules(&app, "Remplacements")).await;
        let id = view["summary"]["id"].as_i64().expect("id");
        let mine = place(&view, 0, 0);
        let at = |what: &str| format!("{}/{id}/places/{mine}/{what}", base());
        let (status, _) = app.post(&at("take"), Some(&member), json!({})).await;
        assert_eq!(status, StatusCode::OK);

        // Nobody can take over what is not offered; only the holder offers it.
        let (status, body) = app.post(&at("accept"), Some(&crowd[0].1), json!({})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(code(&body), "offer_taken");
        let (status, body) = app.post(&at("offer"), Some(&crowd[0].1), json!({})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        let (status, offered) = app.post(&at("offer"), Some(&member), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{offered}");
        let spot = &offered["dates"][0]["places"][0];
        assert_eq!(spot["offered"], true);
        assert_eq!(spot["mine"], true, "still mine until taken over");
        assert_eq!(spot["may_accept"], false, "not by myself");
        let (status, body) = app.post(&at("accept"), Some(&member), json!({})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        // Every participant who could take it over is told, the one who offers it is not.
        let kind =
            server::db::entities::stored::MailKind::from(app::domain::mail::MailKind::DutyOffered);
        let participants = view["summary"]["coverage"]["participants"]
            .as_u64()
            .expect("count");
        let offers = server::db::entities::outbox_mail::Entity::find()
            .filter(server::db::entities::outbox_mail::Column::Kind.eq(kind))
            .all(&app.state.db)
            .await
            .expect("outbox");
        assert_eq!(offers.len() as u64, participants - 1, "all but the holder");
        assert!(offers.iter().all(|m| m.recipient != cast.member.email));
        let (_, theirs) = app
            .get(
                &format!("/api/v1/amaps/{SLUG}/me/duties"),
                Some(&crowd[3].1),
            )
            .await;
        assert_eq!(theirs["offers"][0]["place_id"], mine, "{theirs}");

        // Twelve members accept at once: exactly one gets it, the others are told.
        let accepts = crowd.iter().map(|(_, token)| {
            let path = at("accept");
            let app = &app;
            async move { app.post(&path, Some(token), json!({})).await }
        });
        let answers = futures::future::join_all(accepts).await;
        let won = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
        assert_eq!(won, 1, "exactly one member takes it over");
        for (status, body) in answers.iter().filter(|(s, _)| *s != StatusCode::OK) {
            assert_eq!(*status, StatusCode::CONFLICT, "{body}");
            assert_eq!(code(body), "offer_taken");
        }
        let (_, view) = app.get(&format!("{}/{id}", base()), Some(&admin)).await;
        let spot = &view["dates"][0]["places"][0];
        assert_eq!(spot["offered"], false);
        assert_ne!(spot["holder"]["id"], cast.member.id);
        // The one who offered it and the coordinators (the admins here) are told.
        let swapped =
            server::db::entities::stored::MailKind::from(app::domain::mail::MailKind::DutySwapped);
        for email in [cast.member.email, cast.admin.email] {
            assert_eq!(
                queued_to(&app, email)
                    .await
                    .iter()
                    .filter(|m| m.kind == swapped)
                    .count(),
                1,
                "{email}"
            );
        }
        let moves = server::repo::rota::count_moves(&app.state.db, id)
            .await
            .expect("history");
        assert_eq!(moves, 3, "take, offer, accept");

        // Too close to the duty (the AMAP's setting: 1 day), only a coordinator moves it.
        let (_, me) = app
            .get(&format!("/api/v1/amaps/{SLUG}/me/duties"), Some(&member))
            .await;
        assert!(me["next"].as_array().expect("next").is_empty(), "{me}");
        let winner = &crowd
            .iter()
            .zip(&answers)
            .find(|(_, (s, _))| *s == StatusCode::OK)
            .expect("a winner")
            .0
            .1;
        let late = (app.today() + chrono::Days::new(6))
            .and_hms_opt(12, 0, 0)
            .expect("noon")
            .and_utc();
        app.state.clock.set(late);
        let (status, body) = app.post(&at("offer"), Some(winner), json!({})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(code(&body), "swap_closed");
    }
);
