//! What the rota gives out, through the API: the planning (JSON, CSV, XLSX, mailed to every
//! participant with the spreadsheet attached), the period's history, a distribution's
//! sign-in sheet for organisers and the people on duty, mail to the people on duty, and a
//! period whose dates are several contracts' deliveries.

use crate::helpers::{SLUG, TestApp};
use crate::mailbox::{arrival, queued_to};
use crate::on_both_engines;
use crate::outputs::{csv_records, download, xlsx_sheet};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn base() -> String {
    format!("/api/v1/amaps/{SLUG}/duty-periods")
}

fn day(app: &TestApp, days: u64) -> String {
    (app.today() + chrono::Days::new(days)).to_string()
}

/// An open period of AMAP A, 2 places a date, weekly over four dates from a week ahead.
async fn period(app: &TestApp, admin: &str, name: &str) -> Value {
    let body = json!({ "name": name, "rule": "one_per_date", "window": "until",
        "window_until": day(app, 30), "first_date": day(app, 7), "last_date": day(app, 28),
        "frequency": "weekly", "places": "2", "participants": "active", "quota": "1" });
    let (status, view) = app.post(&base(), Some(admin), body).await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    view
}

fn id_of(view: &Value) -> i64 {
    view["summary"]["id"].as_i64().expect("period id")
}

fn place(view: &Value, date: usize, place: usize) -> i64 {
    view["dates"][date]["places"][place]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no place {date}/{place}: {view}"))
}

on_both_engines!(
    the_planning_is_read_downloaded_and_mailed_to_every_participant,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let member = app.token(cast.member.email).await;
        let view = period(&app, &admin, "Planning d'hiver").await;
        let id = id_of(&view);
        let take = format!("{}/{id}/places/{}/take", base(), place(&view, 0, 1));
        let (status, body) = app.post(&take, Some(&member), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{body}");

        // Every member reads it: two columns of the one role, the member in the second.
        let path = format!("{}/{id}/planning", base());
        let (status, planning) = app.get(&path, Some(&member)).await;
        assert_eq!(status, StatusCode::OK, "{planning}");
        assert_eq!(planning["columns"], json!(["Permanence 1", "Permanence 2"]));
        assert_eq!(planning["rows"].as_array().expect("rows").len(), 4);
        assert_eq!(planning["rows"][0]["day"], day(&app, 7));
        assert_eq!(planning["rows"][0]["cells"][0], json!({ "state": "free" }));
        assert_eq!(
            planning["rows"][0]["cells"][1],
            json!({ "state": "held", "name": "Marie Membre" })
        );

        let (status, content_type, disposition, bytes) =
            download(&app, &format!("{path}?format=csv"), &member).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(content_type, "text/csv; charset=utf-8");
        assert_eq!(
            disposition,
            "attachment; filename=\"planning-planning-d-hiver.csv\""
        );
        let records = csv_records(&bytes);
        assert_eq!(records[0], ["Date", "Permanence 1", "Permanence 2"]);
        assert_eq!(records[1][1..], ["libre", "Marie Membre"]);
        let (status, _, _, bytes) = download(&app, &format!("{path}?format=xlsx"), &member).await;
        assert_eq!(status, StatusCode::OK);
        let sheet = xlsx_sheet(bytes, "Planning");
        assert_eq!(sheet.height(), 5, "a header and four dates");

        // Only a coordinator mails it; each active participant gets it once, attached.
        let mail = format!("{path}/mail");
        let (status, _) = app.post(&mail, Some(&member), json!({})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let participants = view["summary"]["coverage"]["participants"]
            .as_u64()
            .expect("participants");
        let (status, mailed) = app.post(&mail, Some(&admin), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{mailed}");
        assert_eq!(mailed["mailed"], participants);
        let rows = queued_to(&app, cast.member.email).await;
        let planning_mail = rows
            .iter()
            .find(|m| m.subject.contains("Planning d'hiver"))
            .expect("the member's planning mail");
        let received = arrival(&planning_mail.message_id).await;
        assert!(
            received.text.contains("Vous êtes de permanence"),
            "{}",
            received.text
        );
        assert!(received.text.contains("Marie Membre"), "{}", received.text);
        assert!(received.html.contains("<table"), "{}", received.html);
        assert_eq!(received.attachments.len(), 1);
        assert_eq!(received.attachments[0].0, "planning-planning-d-hiver.xlsx");
    }
);

on_both_engines!(the_history_says_who_moved_which_duty_and_when, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let member = app.token(cast.member.email).await;
    let view = period(&app, &admin, "Historique").await;
    let id = id_of(&view);
    let first = place(&view, 0, 0);
    let (status, _) = app
        .post(
            &format!("{}/{id}/places/{first}/take", base()),
            Some(&member),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .post(
            &format!("{}/{id}/places/{first}/leave", base()),
            Some(&member),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = app
        .put(
            &format!("{}/{id}/places/{}", base(), place(&view, 1, 0)),
            Some(&admin),
            json!({ "member_id": cast.member.id }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let path = format!("{}/{id}/history", base());
    let (status, _) = app.get(&path, Some(&member)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "coordinators only");
    let (status, history) = app.get(&path, Some(&admin)).await;
    assert_eq!(status, StatusCode::OK, "{history}");
    let moves = history["moves"].as_array().expect("moves");
    let kinds: Vec<&str> = moves
        .iter()
        .map(|m| m["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["assign", "leave", "take"], "newest first");
    assert_eq!(moves[0]["by"], "Alice Admin");
    assert_eq!(moves[0]["to"], "Marie Membre");
    assert_eq!(moves[0]["day"], day(&app, 14));
    assert_eq!(moves[1]["from"], "Marie Membre");
    assert_eq!(moves[2]["by"], "Marie Membre");
    assert_eq!(moves[2]["role_name"], "Permanence");
    assert!(moves[0]["at"].is_string());
});

on_both_engines!(
    the_sign_in_sheet_lists_who_collects_what_for_organisers_and_people_on_duty,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let member = app.token(cast.member.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        // The rota's dates are the cast's template's deliveries.
        let body = json!({ "name": "Distributions", "rule": "one_per_date", "window": "until",
            "window_until": day(&app, 60), "first_date": day(&app, 0), "last_date": day(&app, 60),
            "template_ids": [cast.template], "places": "1", "participants": "active", "quota": "1" });
        let (status, view) = app.post(&base(), Some(&admin), body).await;
        assert_eq!(status, StatusCode::CREATED, "{view}");
        assert_eq!(view["dates"].as_array().expect("dates").len(), 4);
        let first = cast.first_date.to_string();
        assert_eq!(view["dates"][0]["day"], first);
        let sheet = format!("/api/v1/amaps/{SLUG}/distributions/{first}/sign-in-sheet");

        // A member not on duty may not read it; once on duty that day they may.
        let (status, _) = app.get(&sheet, Some(&member)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(
            view["dates"][0]["may_read_sheet"], true,
            "the admin organises"
        );
        let id = id_of(&view);
        let take = format!("{}/{id}/places/{}/take", base(), place(&view, 0, 0));
        let (status, taken) = app.post(&take, Some(&member), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{taken}");
        assert_eq!(taken["dates"][0]["may_read_sheet"], true);
        assert_eq!(taken["dates"][1]["may_read_sheet"], false);
        let (status, read) = app.get(&sheet, Some(&member)).await;
        assert_eq!(status, StatusCode::OK, "{read}");
        assert_eq!(
            read["on_duty"],
            json!([{ "name": "Marie Membre", "role": "Permanence" }])
        );
        assert_eq!(read["products"][0]["contract"], "Légumes saison");
        assert_eq!(read["products"][0]["name"], "Panier (panier 5 kg)");
        assert_eq!(
            read["rows"],
            json!([{ "last_name": "Membre", "first_name": "Marie", "quantities": [1] }])
        );
        assert_eq!(read["totals"], json!([1]));

        // Organisers: any référent, the treasurer; files in both layouts.
        let referent = app.token(cast.referent.email).await;
        let (status, _) = app.get(&sheet, Some(&referent)).await;
        assert_eq!(status, StatusCode::OK);
        let (status, _, disposition, bytes) =
            download(&app, &format!("{sheet}?format=csv"), &treasurer).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            disposition,
            format!("attachment; filename=\"emargement-{first}.csv\"")
        );
        let grid = csv_records(&bytes);
        assert_eq!(
            grid[0],
            [
                "Nom",
                "Prénom",
                "Légumes saison — Panier (panier 5 kg)",
                "Émargement"
            ]
        );
        assert_eq!(grid[1], ["Membre", "Marie", "1", ""]);
        let (status, _, _, bytes) =
            download(&app, &format!("{sheet}?format=csv&layout=list"), &treasurer).await;
        assert_eq!(status, StatusCode::OK);
        let list = csv_records(&bytes);
        assert_eq!(list[1][2], "Légumes saison : 1 × Panier (panier 5 kg)");
        assert!(list[2][3].contains("Marie Membre (Permanence)"), "{list:?}");
        let (status, _, _, bytes) =
            download(&app, &format!("{sheet}?format=xlsx"), &treasurer).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(xlsx_sheet(bytes, "Émargement").height(), 3);
        let (status, body) = app
            .get(&format!("{sheet}?layout=sideways"), Some(&treasurer))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

        // No distribution that day; another AMAP's member learns nothing.
        let (status, _) = app
            .get(
                &format!(
                    "/api/v1/amaps/{SLUG}/distributions/{}/sign-in-sheet",
                    day(&app, 1)
                ),
                Some(&treasurer),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let outsider = app.token(cast.outsider.email).await;
        let (status, _) = app.get(&sheet, Some(&outsider)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // The list of distributions: the contract and who is on duty.
        let (status, list) = app
            .get(
                &format!("/api/v1/amaps/{SLUG}/distributions"),
                Some(&member),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{list}");
        let that_day = list
            .as_array()
            .and_then(|l| l.iter().find(|d| d["day"] == first))
            .expect("the first distribution");
        assert_eq!(that_day["on_duty"], json!(["Marie Membre (Permanence)"]));
        assert!(
            that_day["contracts"][0]
                .as_str()
                .expect("a contract")
                .starts_with("Légumes saison")
        );
        assert_eq!(that_day["may_read_sheet"], true);
    }
);

on_both_engines!(a_coordinator_writes_to_the_people_on_duty_of_a_day, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let member = app.token(cast.member.email).await;
    let view = period(&app, &admin, "Courrier").await;
    let id = id_of(&view);
    let take = format!("{}/{id}/places/{}/take", base(), place(&view, 0, 0));
    let (status, _) = app.post(&take, Some(&member), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let mails = format!("/api/v1/amaps/{SLUG}/mails");
    let message = |audience: String| json!({ "audience": audience, "subject": "Clés du local", "body": "Les clés sont chez Jeanne." });
    let (status, body) = app
        .post(
            &mails,
            Some(&member),
            message(format!("duty:{}", day(&app, 7))),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = app
        .post(
            &mails,
            Some(&admin),
            message(format!("duty:{}", day(&app, 7))),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(body["queued"], 1);
    let sent = queued_to(&app, cast.member.email).await;
    assert!(sent.iter().any(|m| m.subject.contains("Clés du local")));
    // A day nobody is on duty has nobody to write to.
    let (status, body) = app
        .post(
            &mails,
            Some(&admin),
            message(format!("duty:{}", day(&app, 14))),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["fields"][0]["field"], "audience");
});
