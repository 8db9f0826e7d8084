//! A coordinator adds a place to a date, in a role of the AMAP's list, and removes a free
//! one; a held place stays until freed, and a date holds twenty places at most.

use crate::helpers::SLUG;
use crate::on_both_engines;
use reqwest::StatusCode;
use serde_json::json;

on_both_engines!(a_coordinator_adds_and_removes_places_of_a_date, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let member = app.token(cast.member.email).await;
    let base = format!("/api/v1/amaps/{SLUG}/duty-periods");
    let day = |days: u64| (app.today() + chrono::Days::new(days)).to_string();
    let body = json!({ "name": "Places", "rule": "one_per_date", "window": "until",
        "window_until": day(30), "first_date": day(7), "last_date": day(7),
        "frequency": "weekly", "places": "1", "participants": "active", "quota": "1" });
    let (status, view) = app.post(&base, Some(&admin), body).await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    let id = view["summary"]["id"].as_i64().expect("id");
    let date = view["dates"][0]["id"].as_i64().expect("date");
    let (status, role) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/duty-roles"),
            Some(&admin),
            json!({ "name": "Caisse" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{role}");

    let add = format!("{base}/{id}/dates/{date}/places");
    let (status, _) = app.post(&add, Some(&member), json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, added) = app
        .post(&add, Some(&admin), json!({ "role_id": role["id"] }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    let places = added["dates"][0]["places"]
        .as_array()
        .expect("places")
        .clone();
    assert_eq!(places.len(), 2);
    assert_eq!(places[1]["role_name"], "Caisse", "after the others");
    assert_eq!(added["summary"]["coverage"]["places"], 2);
    let (status, body) = app
        .post(&add, Some(&admin), json!({ "role_id": 999_999 }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["fields"][0]["field"], "role_id");

    // A held place stays; a free one goes.
    let held = places[0]["id"].as_i64().expect("id");
    let (status, _) = app
        .post(
            &format!("{base}/{id}/places/{held}/take"),
            Some(&member),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = app
        .delete(&format!("{base}/{id}/places/{held}"), Some(&admin))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["code"], "has_duties");
    let free = places[1]["id"].as_i64().expect("id");
    let (status, view) = app
        .delete(&format!("{base}/{id}/places/{free}"), Some(&admin))
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(
        view["dates"][0]["places"].as_array().expect("places").len(),
        1
    );

    // Twenty places a date at most.
    for _ in 1..20 {
        let (status, body) = app.post(&add, Some(&admin), json!({})).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, body) = app.post(&add, Some(&admin), json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["fields"][0]["limit"], 20);
});

on_both_engines!(
    a_period_can_start_with_nobody_and_take_participants_by_hand,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let base = format!("/api/v1/amaps/{SLUG}/duty-periods");
        let day = |days: u64| (app.today() + chrono::Days::new(days)).to_string();
        let body = json!({ "name": "Choisis", "rule": "one_per_date", "window": "imposed",
        "first_date": day(7), "last_date": day(21), "frequency": "weekly", "places": "2",
        "participants": "picked" });
        let (status, view) = app.post(&base, Some(&admin), body).await;
        assert_eq!(status, StatusCode::CREATED, "{view}");
        assert_eq!(view["summary"]["coverage"]["participants"], 0);
        assert_eq!(view["participants"], json!([]));
        let id = view["summary"]["id"].as_i64().expect("id");
        let (status, view) = app
            .post(
                &format!("{base}/{id}/participants"),
                Some(&admin),
                json!({ "member_id": cast.member.id, "quota": "2" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert_eq!(view["participants"][0]["member"]["id"], cast.member.id);
        assert_eq!(view["participants"][0]["quota"], 2);
    }
);
