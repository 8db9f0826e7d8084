//! The home page's summary tells the truth: the next delivery and what is collected, the
//! cheques still to bring (those "Mes paiements" lists), the contracts open to sign up; and
//! the AMAP's settings say where and when.

use crate::helpers::{SLUG, TestApp};
use crate::on_both_engines;
use app::domain::Money;
use app::domain::contract::Nature;
use chrono::Days;
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::repo;

/// An active template of producer 2 the cast member has not signed.
async fn bread(app: &TestApp, producer: i64) -> i64 {
    let db = &app.state.db;
    let amap = app.amap_id(SLUG).await;
    let product = repo::products::insert(
        db,
        amap,
        producer,
        repo::products::NewProduct {
            name: "Pain",
            packaging: "1 kg",
            description: "",
            active: true,
        },
    )
    .await
    .expect("product")
    .id;
    let today = app.today();
    let spec = server::contracts::setup::TemplateSpec::simple(
        producer,
        "Pain de l'hiver",
        Nature::Free,
        today + Days::new(5),
        vec![today + Days::new(12)],
        vec![(product, Money::from_cents(400))],
    );
    server::contracts::setup::create_template(db, amap, spec)
        .await
        .expect("template")
}

fn money(value: &Value) -> Money {
    serde_json::from_value(value.clone()).expect("money")
}

on_both_engines!(
    the_summary_shows_next_delivery_cheques_and_open_contracts,
    |app| {
        let cast = app.cast().await;
        let member = app.token(cast.member.email).await;
        let path = format!("/api/v1/amaps/{SLUG}/me/summary");
        let bread = bread(&app, cast.producer_two).await;

        let (status, summary) = app.get(&path, Some(&member)).await;
        assert_eq!(status, StatusCode::OK, "{summary}");
        let next = &summary["next_delivery"];
        assert_eq!(next["date"], cast.first_date.to_string(), "{summary}");
        let lines = next["lines"].as_array().expect("lines");
        assert_eq!(lines.len(), 1, "one product that day: {next}");
        assert_eq!(
            (lines[0]["product"].as_str(), lines[0]["qty"].as_u64()),
            (Some("Panier"), Some(1))
        );
        assert_eq!(summary["running"], 1);
        let open: Vec<i64> = summary["open"]
            .as_array()
            .expect("open")
            .iter()
            .filter_map(|t| t["id"].as_i64())
            .collect();
        assert_eq!(
            open,
            vec![bread],
            "the bread is offered, my own contract is not"
        );
        assert_eq!(
            summary["open"][0]["deadline"],
            (app.today() + Days::new(5)).to_string()
        );
        assert_eq!(summary["to_bring"], json!([]), "no cheque proposed yet");

        // The member accepts the proposed cheques: the home now says what to bring.
        crate::payments::first_cheque(&app, &cast).await;
        let (_, summary) = app.get(&path, Some(&member)).await;
        let to_bring = summary["to_bring"].as_array().expect("to bring");
        assert_eq!(to_bring.len(), 1, "{summary}");
        assert_eq!(to_bring[0]["template"]["id"], cast.template);
        let total: Money = to_bring[0]["cheques"]
            .as_array()
            .expect("groups")
            .iter()
            .map(|g| {
                money(&g["amount"])
                    * u32::try_from(g["dates"].as_array().expect("dates").len()).expect("small")
            })
            .sum();
        // Four weekly baskets at 15 € (the cast's contract).
        assert_eq!(total, Money::from_cents(6000));
        let (_, payments) = app
            .get(&format!("/api/v1/amaps/{SLUG}/me/payments"), Some(&member))
            .await;
        assert_eq!(
            payments["contracts"][0]["to_give"], to_bring[0]["cheques"],
            "the same cheques as Mes paiements"
        );

        // Someone who holds nothing sees nothing coming, and every open contract.
        let admin = app.token(cast.admin.email).await;
        let (_, theirs) = app.get(&path, Some(&admin)).await;
        assert_eq!(theirs["next_delivery"], Value::Null);
        assert_eq!(theirs["running"], 0);
        assert_eq!(theirs["open"].as_array().map(Vec::len), Some(2));
    }
);

on_both_engines!(admins_say_where_and_when_the_amap_distributes, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let path = format!("/api/v1/amaps/{SLUG}");
    let settings = json!({
        "name": "AMAP A", "city": "Lyon", "time_zone": "Europe/Paris",
        "distribution_place": "Salle des fêtes, 2 rue des Écoles",
        "distribution_hours": "jeudi 18 h 30 – 19 h 30"
    });
    let (status, body) = app.put(&path, Some(&admin), settings.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let member = app.token(cast.member.email).await;
    let (_, home) = app.get(&format!("{path}/home"), Some(&member)).await;
    assert_eq!(
        home["amap"]["distribution_place"],
        "Salle des fêtes, 2 rue des Écoles"
    );
    assert_eq!(
        home["amap"]["distribution_hours"],
        "jeudi 18 h 30 – 19 h 30"
    );
    assert_eq!(home["may_manage_amap"], false);

    // An unknown zone and an empty name are refused on their fields; nothing changes.
    let mut wrong = settings.clone();
    wrong["time_zone"] = json!("Europe/Lyon");
    wrong["name"] = json!("  ");
    let (status, body) = app.put(&path, Some(&admin), wrong).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|p| p["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        vec!["name"],
        "the name first; the zone is checked once fields parse"
    );
    let mut zone = settings.clone();
    zone["time_zone"] = json!("Europe/Lyon");
    let (status, body) = app.put(&path, Some(&admin), zone).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "time_zone");
    let (_, amap) = app.get(&path, Some(&admin)).await;
    assert_eq!(amap["time_zone"], "Europe/Paris");
});
