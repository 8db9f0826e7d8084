//! Every endpoint × every persona → exactly the status it may get.
//! The endpoint list is read from the OpenAPI document: an endpoint added without a row
//! here fails `every_documented_endpoint_is_in_the_matrix`.

use crate::helpers::{Cast, SLUG, TestApp};
use crate::on_both_engines;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anon,
    Member,
    OtherReferent,
    Treasurer,
    Admin,
    Outsider,
    Operator,
}

const EVERYONE: [Who; 7] = [
    Who::Anon,
    Who::Member,
    Who::OtherReferent,
    Who::Treasurer,
    Who::Admin,
    Who::Outsider,
    Who::Operator,
];

struct Row {
    method: &'static str,
    path: &'static str,
    body: fn(&Cast, Who) -> Value,
    expect: fn(Who) -> u16,
}

fn no_body(_: &Cast, _: Who) -> Value {
    Value::Null
}

/// Members of AMAP A see its space; outsiders get 404 (not even 403); anonymous 401.
fn member_space(who: Who) -> u16 {
    match who {
        Who::Anon => 401,
        Who::Outsider => 404,
        _ => 200,
    }
}

fn treasurer_and_up(ok: u16) -> fn(Who) -> u16 {
    match ok {
        201 => |who| match who {
            Who::Anon => 401,
            Who::Outsider => 404,
            Who::Member | Who::OtherReferent => 403,
            _ => 201,
        },
        _ => |who| match who {
            Who::Anon => 401,
            Who::Outsider => 404,
            Who::Member | Who::OtherReferent => 403,
            _ => 200,
        },
    }
}

/// Référents of producer 1 and those above them (the cast's template is producer 1's).
fn manages_producer_one(ok: u16) -> fn(Who) -> u16 {
    treasurer_and_up(ok)
}

fn persona(who: Who) -> String {
    format!("{who:?}").to_lowercase()
}

/// Members sign up; an operator who is not a member does not.
fn members_only(ok: u16) -> fn(Who) -> u16 {
    match ok {
        204 => |who| match who {
            Who::Anon => 401,
            Who::Outsider => 404,
            Who::Operator => 403,
            _ => 204,
        },
        _ => |who| match who {
            Who::Anon => 401,
            Who::Outsider => 404,
            Who::Operator => 403,
            _ => 200,
        },
    }
}

fn contract_rows() -> Vec<Row> {
    vec![
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/producers",
            body: |_, who| json!({ "name": format!("Ferme {}", persona(who)), "notice_days": "3", "active": "on" }),
            expect: treasurer_and_up(201),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/producers/{producer_id}",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/producers/{producer_id}",
            body: |_, _| json!({ "name": "Ferme Une", "notice_days": "7", "active": "on" }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/producers/{producer_id}/products",
            body: |_, who| json!({ "name": format!("Produit {}", persona(who)), "packaging": "pièce" }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/producers/{producer_id}/products/{product_id}",
            body: |_, _| json!({ "name": "Panier", "packaging": "panier 5 kg", "active": "on" }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates",
            body: no_body,
            // The référent of producer 2 reaches the list (and sees only producer 2's).
            expect: |who| match who {
                Who::Anon => 401,
                Who::Outsider => 404,
                Who::Member => 403,
                _ => 200,
            },
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/templates",
            body: |cast, who| {
                let first = cast.first_date;
                json!({ "producer_id": cast.producer_one.to_string(), "name": format!("Contrat {}", persona(who)),
                    "nature": "free", "deadline": first.to_string(), "frequency": "weekly",
                    "first_date": first.to_string(), "last_date": (first + chrono::Days::new(14)).to_string() })
            },
            expect: manages_producer_one(201),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/templates/{template_id}",
            body: |cast, _| {
                json!({ "name": "Légumes saison", "nature": "free",
                "deadline": (cast.first_date - chrono::Days::new(7)).to_string() })
            },
            expect: manages_producer_one(200),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/state",
            body: |_, _| json!({ "state": "active" }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/copy",
            body: |cast, who| {
                json!({ "name": format!("Copie {}", persona(who)), "deadline": cast.first_date.to_string(),
                "frequency": "once", "first_date": cast.first_date.to_string() })
            },
            expect: manages_producer_one(201),
        },
        Row {
            method: "DELETE",
            path: "/api/v1/amaps/{slug}/templates/{template_id}",
            body: no_body,
            // Allowed, but refused: a member has signed up.
            expect: |who| match who {
                Who::Anon => 401,
                Who::Outsider => 404,
                Who::Member | Who::OtherReferent => 403,
                _ => 409,
            },
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/changes",
            body: |cast, _| json!({ "kind": "set_price", "product_id": cast.product_one.to_string(), "price": "15,00" }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/rules",
            body: |cast, _| {
                json!({ "date_scope": "each_date", "product_scope": "one",
                "products": cast.product_one.to_string(), "operator": "at_most", "value": "10" })
            },
            expect: manages_producer_one(200),
        },
        Row {
            method: "DELETE",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/rules/{rule_id}",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/stock",
            body: |cast, _| json!({ "product_id": cast.product_one.to_string(), "available": "100" }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/synthesis",
            body: no_body,
            // ReadDeliveries: also the producer's own users (none in the cast; see outputs.rs).
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/deliveries/{date}",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/candidates",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}",
            body: |cast, _| json!({ "grid": [{ "date": cast.first_date, "product": cast.product_one, "qty": 2 }] }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "DELETE",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}",
            body: no_body,
            // The treasurer (first allowed persona) deletes the contract; after that there is
            // none left for the admin and the operator.
            expect: |who| match who {
                Who::Anon => 401,
                Who::Outsider => 404,
                Who::Member | Who::OtherReferent => 403,
                Who::Treasurer => 204,
                _ => 404,
            },
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/me/contracts",
            body: no_body,
            expect: member_space,
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/me/contracts/{template_id}",
            body: no_body,
            expect: member_space,
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/me/contracts/{template_id}",
            body: |cast, _| json!({ "grid": [{ "date": cast.first_date, "product": cast.product_one, "qty": 1 }] }),
            expect: members_only(200),
        },
        Row {
            method: "DELETE",
            path: "/api/v1/amaps/{slug}/me/contracts/{template_id}",
            body: no_body,
            expect: members_only(204),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/me/deliveries",
            body: no_body,
            expect: member_space,
        },
    ]
}

fn rows() -> Vec<Row> {
    let mut rows = base_rows();
    // Before the contract rows: those end by deleting the member's contract.
    rows.extend(cheque_rows());
    rows.extend(contract_rows());
    rows
}

/// Allowed to those who manage producer 1, but the answer is `status` (a refusal by rule, or
/// a missing row), not the permission's.
fn managers_get(status: u16) -> fn(Who) -> u16 {
    match status {
        204 => |who| match who {
            Who::Anon => 401,
            Who::Outsider => 404,
            Who::Member | Who::OtherReferent => 403,
            _ => 204,
        },
        404 => |who| match who {
            Who::Anon => 401,
            Who::Member | Who::OtherReferent => 403,
            _ => 404,
        },
        _ => |who| match who {
            Who::Anon => 401,
            Who::Outsider => 404,
            Who::Member | Who::OtherReferent => 403,
            _ => 422,
        },
    }
}

fn cheque_rows() -> Vec<Row> {
    vec![
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/me/payments",
            body: no_body,
            expect: members_only(200),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/me/contracts/{template_id}/payments",
            body: |_, _| json!({ "lines": [] }),
            // Only the cast's member holds a contract of this template.
            expect: |who| match who {
                Who::Anon => 401,
                Who::Member => 200,
                Who::Operator => 403,
                _ => 404,
            },
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/payments",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/payments",
            body: |_, _| json!({ "strategy": "monthly_smoothed_editable", "payee": "Ferme Une" }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/cheques",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/cheques/collection",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/cheques/report",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/cheques/audit",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/cheques/receive",
            body: |_, _| json!({ "received": [], "promised": [] }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "PATCH",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/cheques/{cheque_id}",
            body: |_, who| json!({ "comment": format!("vu par {}", persona(who)) }),
            expect: manages_producer_one(200),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/remittances",
            // Allowed, refused by rule: the cheques of that date are not in yet.
            body: |cast, _| json!({ "payment_date": cast.first_date.to_string() }),
            expect: managers_get(422),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/remittances/{remittance_id}",
            body: no_body,
            expect: managers_get(404),
        },
        Row {
            method: "DELETE",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/remittances/{remittance_id}",
            body: no_body,
            expect: managers_get(404),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/credit",
            body: |_, _| json!({ "amount": "0" }),
            expect: managers_get(204),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/carry-over",
            body: no_body,
            // Allowed, refused by rule: nothing to carry over.
            expect: managers_get(422),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/cheques/recompute",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/recompute",
            body: no_body,
            expect: manages_producer_one(200),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/recompute",
            body: no_body,
            expect: manages_producer_one(200),
        },
    ]
}

fn base_rows() -> Vec<Row> {
    vec![
        Row {
            method: "POST",
            path: "/api/v1/auth/login",
            // One unknown address per persona: failures are throttled per address.
            body: |_, who| json!({ "email": format!("nobody-{}@example.org", format!("{who:?}").to_lowercase()), "password": "not the password" }),
            expect: |_| 401,
        },
        Row {
            method: "POST",
            path: "/api/v1/auth/logout",
            body: no_body,
            expect: |_| 204,
        },
        Row {
            method: "POST",
            path: "/api/v1/auth/refresh",
            body: no_body,
            expect: |w| if w == Who::Anon { 401 } else { 200 },
        },
        Row {
            method: "GET",
            path: "/api/v1/me",
            body: no_body,
            expect: |w| if w == Who::Anon { 401 } else { 200 },
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps",
            body: no_body,
            expect: |w| if w == Who::Anon { 401 } else { 200 },
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps",
            body: |_, who| json!({ "name": "Nouvelle AMAP", "city": "Dijon", "slug": format!("nouvelle-{}", format!("{who:?}").to_lowercase()) }),
            expect: |w| match w {
                Who::Anon => 401,
                Who::Operator => 201,
                _ => 403,
            },
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}",
            body: no_body,
            expect: member_space,
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/home",
            body: no_body,
            expect: member_space,
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/producers",
            body: no_body,
            expect: member_space,
        },
        Row {
            method: "GET",
            path: "/api/v1/amaps/{slug}/members",
            body: no_body,
            expect: treasurer_and_up(200),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/members",
            body: |_, who| json!({ "email": format!("nouveau-{}@example.org", format!("{who:?}").to_lowercase()), "first_name": "Nina", "last_name": "Nouvelle" }),
            expect: treasurer_and_up(201),
        },
        Row {
            method: "PUT",
            path: "/api/v1/amaps/{slug}/members/{member_id}/active",
            body: |_, _| json!({ "active": true }),
            expect: treasurer_and_up(200),
        },
        Row {
            method: "POST",
            path: "/api/v1/amaps/{slug}/roles",
            body: |cast, _| json!({ "member_id": cast.member.id, "role": "referent", "producer_id": cast.producer_one, "granted": false }),
            expect: |w| match w {
                Who::Anon => 401,
                Who::Outsider => 404,
                Who::Admin | Who::Operator => 200,
                _ => 403,
            },
        },
    ]
}

async fn token_of(app: &TestApp, cast: &Cast, who: Who) -> Option<String> {
    let email = match who {
        Who::Anon => return None,
        Who::Member => cast.member.email,
        Who::OtherReferent => cast.referent.email,
        Who::Treasurer => cast.treasurer.email,
        Who::Admin => cast.admin.email,
        Who::Outsider => cast.outsider.email,
        Who::Operator => cast.operator.email,
    };
    Some(app.token(email).await)
}

on_both_engines!(every_endpoint_answers_each_role_exactly, |app| {
    let cast = app.cast().await;
    let mut tokens = Vec::new();
    for who in EVERYONE {
        tokens.push((who, token_of(&app, &cast, who).await));
    }
    let cheque_id = crate::payments::first_cheque(&app, &cast).await;
    let mut failures = Vec::new();
    let admin = app.token(cast.admin.email).await;
    let template = format!("/api/v1/amaps/{SLUG}/templates/{}", cast.template);
    for row in rows() {
        for (who, token) in &tokens {
            // The template's first rule as it stands (each allowed persona deletes one).
            let rule_id = app.get(&template, Some(&admin)).await.1["rules"][0]["id"]
                .as_i64()
                .unwrap_or(999_999);
            let path = row
                .path
                .replace("{slug}", SLUG)
                .replace("{member_id}", &cast.member.id.to_string())
                .replace("{producer_id}", &cast.producer_one.to_string())
                .replace("{product_id}", &cast.product_one.to_string())
                .replace("{template_id}", &cast.template.to_string())
                .replace("{date}", &cast.first_date.to_string())
                .replace("{rule_id}", &rule_id.to_string())
                .replace("{cheque_id}", &cheque_id.to_string())
                .replace("{remittance_id}", "999999");
            let mut request = match row.method {
                "GET" => app.client().get(app.url(&path)),
                "DELETE" => app.client().delete(app.url(&path)),
                method => app
                    .client()
                    .request(
                        reqwest::Method::from_bytes(method.as_bytes()).expect("a verb"),
                        app.url(&path),
                    )
                    .json(&(row.body)(&cast, *who)),
            };
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.expect("request");
            let status = response.status().as_u16();
            if status != (row.expect)(*who) {
                failures.push(format!(
                    "{} {} as {who:?}: got {status}, expected {}",
                    row.method,
                    row.path,
                    (row.expect)(*who)
                ));
            }
            if status >= 400 {
                let body: Value = response.json().await.expect("error bodies are JSON");
                assert!(
                    body["kind"].is_string() && body["message"].is_string(),
                    "{body}"
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
});

on_both_engines!(every_documented_endpoint_is_in_the_matrix, |app| {
    let (status, doc) = app.get("/api/v1/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .into_iter()
                .flat_map(move |ops| ops.keys().map(move |m| (m.to_uppercase(), path.clone())))
        })
        .collect();
    let tested: BTreeSet<(String, String)> = rows()
        .iter()
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .collect();
    assert_eq!(
        documented, tested,
        "every endpoint must have a row in the authorization matrix"
    );
});

on_both_engines!(an_amap_never_shows_another_amaps_members, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let (_, members) = app
        .get(&format!("/api/v1/amaps/{SLUG}/members"), Some(&admin))
        .await;
    let emails: Vec<&str> = members
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|m| m["email"].as_str())
        .collect();
    assert!(emails.contains(&cast.member.email));
    assert!(
        !emails.contains(&cast.outsider.email),
        "AMAP B's member leaked into AMAP A"
    );
    // An admin of A cannot change roles of someone who is only in B.
    let (status, body) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/roles"),
            Some(&admin),
            json!({ "member_id": cast.outsider.id, "role": "treasurer", "granted": true }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "member_id");
    // Nor make a référent of another AMAP's producer.
    let outsider_token = app.token(cast.outsider.email).await;
    let (status, _) = app
        .get(
            &format!("/api/v1/amaps/{SLUG}/producers"),
            Some(&outsider_token),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
});

on_both_engines!(roles_granted_take_effect_at_once, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let member = app.token(cast.member.email).await;
    let members_path = format!("/api/v1/amaps/{SLUG}/members");
    assert_eq!(
        app.get(&members_path, Some(&member)).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, view) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/roles"),
            Some(&admin),
            json!({ "member_id": cast.member.id, "role": "treasurer", "granted": true }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["roles"]["treasurer"], true);
    // Same token, new role: roles are read per request, not baked into the token.
    assert_eq!(
        app.get(&members_path, Some(&member)).await.0,
        StatusCode::OK
    );
    let (_, home) = app
        .get(&format!("/api/v1/amaps/{SLUG}/home"), Some(&member))
        .await;
    assert_eq!(home["level"], "treasurer");
    // Référent roles name an existing producer of this AMAP.
    let (status, body) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/roles"),
            Some(&admin),
            json!({ "member_id": cast.member.id, "role": "referent", "granted": true }),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["code"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("required"))
    );
    let (status, view) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/roles"),
            Some(&admin),
            json!({ "member_id": cast.member.id, "role": "referent", "producer_id": cast.producer_one, "granted": true }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["roles"]["referent_of"][0]["name"], "Ferme Une");
    // An admin cannot remove their own admin role.
    let (status, _) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/roles"),
            Some(&admin),
            json!({ "member_id": cast.admin.id, "role": "admin", "granted": false }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let _ = cast.producer_two;
});
