//! One order of people everywhere: last name then first name, as French readers expect
//! (accents and case only break ties), whatever the database engine.

use crate::helpers::SLUG;
use crate::on_both_engines;
use reqwest::StatusCode;
use serde_json::json;

on_both_engines!(members_are_listed_in_french_order, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    for (first, last, email) in [
        ("Émile", "Zola", "zola@a.example.org"),
        ("Paul", "Étienne", "etienne@a.example.org"),
        ("Anne", "durand", "durand@a.example.org"),
        ("Léa", "Eluard", "eluard@a.example.org"),
        ("Bruno", "Zola", "bzola@a.example.org"),
    ] {
        let (status, body) = app
            .post(
                &format!("/api/v1/amaps/{SLUG}/members"),
                Some(&admin),
                json!({ "email": email, "first_name": first, "last_name": last }),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, list) = app
        .get(&format!("/api/v1/amaps/{SLUG}/members"), Some(&admin))
        .await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<String> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|m| format!("{} {}", m["last_name"], m["first_name"]).replace('"', ""))
        .collect();
    // Byte order would put "durand" after "Zola" and "Étienne" last of all.
    assert_eq!(
        names,
        [
            "Admin Alice",
            "durand Anne",
            "Eluard Léa",
            "Étienne Paul",
            "Inactif Ivan",
            "Membre Marie",
            "Référent Rémi",
            "Trésorier Tom",
            "Zola Bruno",
            "Zola Émile",
        ]
    );
});
