//! Every write family under concurrency: N requests at once never answer a server error, and
//! they leave the data exactly as some serial order of the same requests would (SQLite takes
//! the write lock before its first read; PostgreSQL locks the rows a decision reads).

use crate::helpers::{Cast, SLUG};
use crate::on_both_engines;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const N: usize = 8;

fn amap_path(rest: &str) -> String {
    format!("/api/v1/amaps/{SLUG}/{rest}")
}

fn statuses(answers: &[(StatusCode, Value)]) -> Vec<u16> {
    answers.iter().map(|(s, _)| s.as_u16()).collect()
}

fn assert_no_server_error(answers: &[(StatusCode, Value)]) {
    for (status, body) in answers {
        assert!(!status.is_server_error(), "{status}: {body}");
    }
}

fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

on_both_engines!(members_added_at_once_are_all_added, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let distinct = (0..N)
        .map(|i| {
            let body = json!({ "email": format!("ensemble{i}@example.org"), "first_name": "Eva", "last_name": format!("Ensemble {i}") });
            (Method::POST, amap_path("members"), body)
        })
        .collect();
    let answers = app.all_at_once(distinct, &admin).await;
    assert_no_server_error(&answers);
    assert_eq!(statuses(&answers), vec![201; N]);
    // The same person N times: one joins, the others are told they are already a member.
    let same = (0..N)
        .map(|_| {
            let body = json!({ "email": "jumeau@example.org", "first_name": "Jean", "last_name": "Jumeau" });
            (Method::POST, amap_path("members"), body)
        })
        .collect();
    let answers = app.all_at_once(same, &admin).await;
    assert_no_server_error(&answers);
    let codes = statuses(&answers);
    assert_eq!(count(&codes, 201), 1, "{codes:?}");
    assert_eq!(
        count(&codes, 201) + count(&codes, 409) + count(&codes, 422),
        N
    );
    let (_, members) = app.get(&amap_path("members"), Some(&admin)).await;
    let emails: Vec<&str> = members
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["email"].as_str())
        .collect();
    assert_eq!(
        emails.iter().filter(|e| e.starts_with("ensemble")).count(),
        N
    );
    assert_eq!(
        emails
            .iter()
            .filter(|e| **e == "jumeau@example.org")
            .count(),
        1
    );
});

on_both_engines!(roles_granted_at_once_are_all_granted_in_one_order, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let crowd = app.crowd(SLUG, N).await;
    let grants = crowd
        .iter()
        .map(|(id, _)| {
            let body = json!({ "member_id": id, "role": "referent", "producer_id": cast.producer_one, "granted": true });
            (Method::POST, amap_path("roles"), body)
        })
        .collect();
    let answers = app.all_at_once(grants, &admin).await;
    assert_no_server_error(&answers);
    assert_eq!(statuses(&answers), vec![200; N]);
    let (_, producer) = app
        .get(
            &amap_path(&format!("producers/{}", cast.producer_one)),
            Some(&admin),
        )
        .await;
    let referents: BTreeSet<i64> = producer["referents"]
        .as_array()
        .expect("referents")
        .iter()
        .filter_map(|r| r["id"].as_i64())
        .collect();
    let wanted: BTreeSet<i64> = crowd.iter().map(|(id, _)| *id).collect();
    assert_eq!(referents, wanted);
    // One after the other: the collector defaults to the first, so places must be distinct.
    let (_, settings) = app
        .get(
            &amap_path(&format!("templates/{}/payments", cast.template)),
            Some(&admin),
        )
        .await;
    assert_eq!(settings["referents"].as_array().map(Vec::len), Some(N));
    // Treasurer on and off for one member, at once: each answer is a state some order gives.
    let toggles = (0..N)
        .map(|i| {
            let body =
                json!({ "member_id": cast.member.id, "role": "treasurer", "granted": i % 2 == 0 });
            (Method::POST, amap_path("roles"), body)
        })
        .collect();
    let answers = app.all_at_once(toggles, &admin).await;
    assert_no_server_error(&answers);
    assert_eq!(statuses(&answers), vec![200; N]);
});

on_both_engines!(amaps_created_at_once_are_all_created_once, |app| {
    let cast = app.cast().await;
    let operator = app.token(cast.operator.email).await;
    let distinct = (0..N)
        .map(|i| {
            let body = json!({ "name": format!("AMAP {i}"), "city": "Nantes", "slug": format!("amap-{i}") });
            (Method::POST, "/api/v1/amaps".to_owned(), body)
        })
        .collect();
    let answers = app.all_at_once(distinct, &operator).await;
    assert_no_server_error(&answers);
    assert_eq!(statuses(&answers), vec![201; N]);
    let same = (0..N)
        .map(|_| {
            let body = json!({ "name": "AMAP jumelle", "city": "Nantes", "slug": "jumelle" });
            (Method::POST, "/api/v1/amaps".to_owned(), body)
        })
        .collect();
    let answers = app.all_at_once(same, &operator).await;
    assert_no_server_error(&answers);
    let codes = statuses(&answers);
    assert_eq!((count(&codes, 201), count(&codes, 409)), (1, N - 1));
    let (_, amaps) = app.get("/api/v1/amaps", Some(&operator)).await;
    assert_eq!(amaps.as_array().expect("amaps").len(), 2 + N + 1);
});

fn rule(cast: &Cast, value: usize) -> Value {
    json!({ "date_scope": "each_date", "product_scope": "one",
        "products": cast.product_one.to_string(), "operator": "at_most", "value": value.to_string() })
}

fn rule_ids(template: &Value) -> Vec<i64> {
    template["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_i64())
        .collect()
}

on_both_engines!(rules_edited_at_once_are_never_lost, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let template = amap_path(&format!("templates/{}", cast.template));
    let adds = (0..N)
        .map(|i| {
            (
                Method::POST,
                format!("{template}/rules"),
                rule(&cast, 20 + i),
            )
        })
        .collect();
    let answers = app.all_at_once(adds, &admin).await;
    assert_no_server_error(&answers);
    assert_eq!(statuses(&answers), vec![200; N]);
    let (_, view) = app.get(&template, Some(&admin)).await;
    let ids = rule_ids(&view);
    assert_eq!(ids.len(), 1 + N, "the cast's rule and every added one");
    let values: BTreeSet<u64> = view["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["value"].as_u64())
        .collect();
    assert_eq!(values, (20..20 + N as u64).chain([10]).collect());
    // Deleting different rules at once deletes each of them.
    let deletes = ids
        .iter()
        .map(|id| {
            (
                Method::DELETE,
                format!("{template}/rules/{id}"),
                Value::Null,
            )
        })
        .collect();
    let answers = app.all_at_once(deletes, &admin).await;
    assert_no_server_error(&answers);
    assert_eq!(statuses(&answers), vec![200; N + 1]);
    let (_, view) = app.get(&template, Some(&admin)).await;
    assert!(rule_ids(&view).is_empty(), "{}", view["rules"]);
    // The cap holds under concurrency: from 47 rules, 5 additions at once make 50.
    for i in 0..47 {
        let (status, _) = app
            .post(&format!("{template}/rules"), Some(&admin), rule(&cast, i))
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    let adds = (0..5)
        .map(|i| {
            (
                Method::POST,
                format!("{template}/rules"),
                rule(&cast, 100 + i),
            )
        })
        .collect();
    let answers = app.all_at_once(adds, &admin).await;
    assert_no_server_error(&answers);
    let codes = statuses(&answers);
    assert_eq!(
        (count(&codes, 200), count(&codes, 422)),
        (3, 2),
        "{codes:?}"
    );
    let (_, view) = app.get(&template, Some(&admin)).await;
    assert_eq!(rule_ids(&view).len(), 50);
});

on_both_engines!(templates_written_at_once_end_as_one_of_them, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let first = cast.first_date;
    let creations = (0..N)
        .map(|i| {
            let body = json!({ "producer_id": cast.producer_one.to_string(), "name": format!("Contrat {i}"),
                "nature": "free", "deadline": first.to_string(), "frequency": "weekly",
                "first_date": first.to_string(), "last_date": (first + chrono::Days::new(14)).to_string() });
            (Method::POST, amap_path("templates"), body)
        })
        .collect();
    let answers = app.all_at_once(creations, &admin).await;
    assert_no_server_error(&answers);
    assert_eq!(statuses(&answers), vec![201; N]);
    let (_, list) = app.get(&amap_path("templates"), Some(&admin)).await;
    assert_eq!(list.as_array().expect("templates").len(), 1 + N);
    // N header edits of one template at once: all succeed and the last one committed wins
    // whole (its description and its joker count together, never a mix).
    let template = amap_path(&format!("templates/{}", cast.template));
    let deadline = (first - chrono::Days::new(7)).to_string();
    let edits = (0..N)
        .map(|i| {
            let body = json!({ "name": "Légumes saison", "nature": "free", "deadline": deadline,
                "description": format!("version {i}"), "joker_kind": "absence", "joker_max": i.to_string() });
            (Method::PUT, template.clone(), body)
        })
        .collect();
    let answers = app.all_at_once(edits, &admin).await;
    assert_no_server_error(&answers);
    assert_eq!(statuses(&answers), vec![200; N]);
    let (_, view) = app.get(&template, Some(&admin)).await;
    let description = view["description"].as_str().expect("description");
    let version: u64 = description
        .strip_prefix("version ")
        .and_then(|v| v.parse().ok())
        .expect("one of the versions");
    assert_eq!(view["jokers"]["max"].as_u64(), Some(version));
});
