//! Hostile amounts on every money field of the API: a third decimal, an exponent, a tiny
//! negative, "NaN", a number instead of a string, or an amount above the bound are refused
//! with 422 naming the field, as JSON and as an HTML form, and nothing is stored.

use crate::helpers::{Cast, SLUG, TestApp};
use crate::on_both_engines;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const HOSTILE: [&str; 5] = ["12.345", "1e9", "-0.001", "NaN", "100000000"];

fn template_path(cast: &Cast, rest: &str) -> String {
    format!("/api/v1/amaps/{SLUG}/templates/{}/{rest}", cast.template)
}

/// Posts `body` (with `field` set to each hostile amount) as JSON and as a form; every answer
/// must be 422 with `named` among the fields.
async fn refused(
    app: &TestApp,
    token: &str,
    (method, path): (Method, &str),
    body: Value,
    field: &str,
    named: &str,
) {
    for amount in HOSTILE {
        let mut json_body = body.clone();
        json_body[field] = json!(amount);
        let (status, answer) = app
            .send(method.clone(), path, Some(token), json_body.clone())
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{path} {amount}: {answer}"
        );
        let fields: Vec<&str> = answer["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["field"].as_str())
            .collect();
        assert!(fields.contains(&named), "{path} {amount}: {answer}");
        // As an HTML form would post it: POST, the real verb in `_method`.
        let mut form: Vec<(String, String)> = json_body
            .as_object()
            .expect("object")
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().map_or(v.to_string(), str::to_owned)))
            .collect();
        form.push(("_method".into(), method.to_string()));
        let response = app
            .client()
            .post(app.url(path))
            .bearer_auth(token)
            .header("Accept", "application/json")
            .form(&form)
            .send()
            .await
            .expect("form post");
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{path} {amount} as a form"
        );
    }
}

on_both_engines!(hostile_amounts_are_refused_on_every_money_field, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let member = app.token(cast.member.email).await;
    let template = format!("/api/v1/amaps/{SLUG}/templates/{}", cast.template);
    let (_, before) = app.get(&template, Some(&admin)).await;

    // A price change (applied) and a product added at a price.
    let price =
        json!({ "kind": "set_price", "product_id": cast.product_one.to_string(), "apply": "on" });
    refused(
        &app,
        &admin,
        (Method::POST, &template_path(&cast, "changes")),
        price,
        "price",
        "price",
    )
    .await;
    let added =
        json!({ "kind": "add_product", "product_id": cast.product_one.to_string(), "apply": "on" });
    refused(
        &app,
        &admin,
        (Method::POST, &template_path(&cast, "changes")),
        added,
        "price",
        "price",
    )
    .await;
    let (_, after) = app.get(&template, Some(&admin)).await;
    assert_eq!(before["products"], after["products"], "no price stored");

    // A plan's minimum cheque.
    let plan = json!({ "strategy": "monthly_smoothed_editable", "payee": "Ferme Une" });
    let settings = template_path(&cast, "payments");
    let (_, stored) = app.get(&settings, Some(&admin)).await;
    refused(
        &app,
        &admin,
        (Method::PUT, &settings),
        plan,
        "minimum",
        "minimum",
    )
    .await;
    assert_eq!(app.get(&settings, Some(&admin)).await.1, stored);

    // The member's schedule, as JSON lines and as the form's `pay.{date}` fields.
    let cheque_id = crate::payments::first_cheque(&app, &cast).await;
    let schedule = format!(
        "/api/v1/amaps/{SLUG}/me/contracts/{}/payments",
        cast.template
    );
    let page = format!("/api/v1/amaps/{SLUG}/me/contracts/{}", cast.template);
    let (_, stored) = app.get(&page, Some(&member)).await;
    let date = cast.first_date.to_string();
    let named = format!("payments.{date}");
    for amount in HOSTILE {
        let line = json!({ "lines": [{ "date": date, "amount": amount }] });
        let (status, answer) = app.put(&schedule, Some(&member), line).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{amount}: {answer}"
        );
        assert_eq!(answer["fields"][0]["field"], named.as_str(), "{answer}");
        let (status, _) = app
            .put(
                &schedule,
                Some(&member),
                json!({ "lines": [{ "date": date, "amount": 12.5 }] }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a JSON number");
    }
    let form = vec![
        (format!("pay.{date}"), "12.345".to_owned()),
        ("_method".to_owned(), "PUT".to_owned()),
    ];
    let response = app
        .client()
        .post(app.url(&schedule))
        .bearer_auth(&member)
        .header("Accept", "application/json")
        .form(&form)
        .send()
        .await
        .expect("form post");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, now) = app.get(&page, Some(&member)).await;
    assert_eq!(
        now["schedule"]["cheques"], stored["schedule"]["cheques"],
        "no cheque changed"
    );

    // A référent's correction of one cheque, and a contract's credit.
    let cheque = template_path(&cast, &format!("cheques/{cheque_id}"));
    refused(
        &app,
        &admin,
        (Method::PATCH, &cheque),
        json!({}),
        "amount",
        "amount",
    )
    .await;
    let credit = template_path(&cast, &format!("subscriptions/{}/credit", cast.member.id));
    refused(
        &app,
        &admin,
        (Method::PUT, &credit),
        json!({}),
        "amount",
        "amount",
    )
    .await;
    let (_, register) = app
        .get(&template_path(&cast, "cheques"), Some(&admin))
        .await;
    let row = &register["rows"][0];
    assert_eq!(row["tally"]["credit"], "0.00", "{row}");
    assert_eq!(
        row["cheques"], stored["schedule"]["cheques"],
        "no cheque changed"
    );
});
