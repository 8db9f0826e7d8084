//! Calendar feeds through the API: a member's addresses, their feeds read without a session
//! as a calendar application would (deliveries and duties; the AMAP's distributions), a reset
//! that ends the old addresses, and a member who leaves losing their feed.

use crate::helpers::{SLUG, TestApp};
use crate::on_both_engines;
use icalendar::{Calendar, CalendarComponent, Component};
use reqwest::StatusCode;
use serde_json::json;

/// The feed at `url` (absolute), read with no session: its status and events (summary,
/// start date).
async fn read(app: &TestApp, url: &str) -> (StatusCode, Vec<(String, String)>) {
    let response = app.client().get(url).send().await.expect("request");
    let status = response.status();
    if status != StatusCode::OK {
        return (status, Vec::new());
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(content_type, "text/calendar; charset=utf-8");
    let text = response.text().await.expect("body");
    let calendar: Calendar = text.parse().expect("a valid iCalendar");
    let events = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some((
                e.get_summary().unwrap_or_default().to_owned(),
                e.property_value("DTSTART").unwrap_or_default().to_owned(),
            )),
            _ => None,
        })
        .collect();
    (status, events)
}

fn compact(day: chrono::NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

on_both_engines!(a_member_subscribes_to_their_deliveries_and_duties, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let member = app.token(cast.member.email).await;
    let mine = format!("/api/v1/amaps/{SLUG}/me/calendar");
    let (status, links) = app.get(&mine, Some(&member)).await;
    assert_eq!(status, StatusCode::OK, "{links}");
    let feed = links["member"].as_str().expect("member feed").to_owned();
    assert!(
        feed.starts_with(&app.base) && feed.ends_with("/member.ics"),
        "{feed}"
    );
    let (_, again) = app.get(&mine, Some(&member)).await;
    assert_eq!(again, links, "the same addresses on every visit");

    // The four deliveries of the member's contract, whole days.
    let (status, events) = read(&app, &feed).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(events.len(), 4, "{events:?}");
    assert_eq!(events[0].1, compact(cast.first_date));
    assert!(events[0].0.contains("distribution"), "{events:?}");

    // A duty joins them.
    let body = json!({ "name": "Hiver", "rule": "one_per_date", "window": "until",
        "window_until": (app.today() + chrono::Days::new(30)).to_string(),
        "first_date": (app.today() + chrono::Days::new(3)).to_string(),
        "last_date": (app.today() + chrono::Days::new(3)).to_string(),
        "frequency": "weekly", "places": "1", "participants": "active", "quota": "1" });
    let (status, view) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/duty-periods"),
            Some(&admin),
            body,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    let take = format!(
        "/api/v1/amaps/{SLUG}/duty-periods/{}/places/{}/take",
        view["summary"]["id"], view["dates"][0]["places"][0]["id"]
    );
    let (status, _) = app.post(&take, Some(&member), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, events) = read(&app, &feed).await;
    assert_eq!(events.len(), 5, "{events:?}");
    let duty = events
        .iter()
        .find(|(summary, _)| summary.contains("permanence"))
        .expect("the duty");
    assert_eq!(duty.1, compact(app.today() + chrono::Days::new(3)));

    // The AMAP's distributions: its template's four days, no names.
    let (status, days) = read(&app, links["distributions"].as_str().expect("feed")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(days.len(), 4, "{days:?}");

    // A reset ends the old addresses at once.
    let (status, fresh) = app
        .post(&format!("{mine}/reset"), Some(&member), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{fresh}");
    assert_ne!(fresh["member"], links["member"]);
    let (status, _) = read(&app, &feed).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let renewed = fresh["member"].as_str().expect("feed").to_owned();
    let (status, _) = read(&app, &renewed).await;
    assert_eq!(status, StatusCode::OK);

    // A member who leaves the AMAP loses the feed; a made-up secret finds nothing.
    let (status, body) = app
        .put(
            &format!("/api/v1/amaps/{SLUG}/members/{}/active", cast.member.id),
            Some(&admin),
            json!({ "active": false }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = read(&app, &renewed).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = read(&app, &app.url("/api/v1/calendar/not-a-secret/member.ics")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // An operator who belongs to no AMAP has no feed there.
    let operator = app.token(cast.operator.email).await;
    let (status, _) = app.get(&mine, Some(&operator)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
});
