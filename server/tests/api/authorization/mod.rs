//! Every endpoint × every persona → exactly the status it may get. The endpoint list is read
//! from the OpenAPI document: an endpoint added without a row here fails
//! `every_documented_endpoint_is_in_the_matrix`. Each row runs on a fresh application and
//! cast, and what a call needs (the member's contract, a rule to delete) is made again before
//! each call: no row, and no persona, depends on another's leftovers.

mod cheque_rows;
mod rows;

use crate::helpers::{Cast, SLUG, TestApp, spawn_app};
use crate::on_both_engines;
use reqwest::StatusCode;
use rows::{Before, EVERYONE, Row, Who, rows};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Tokens minted directly (no argon2 login per persona and row).
fn token(app: &TestApp, id: i64) -> String {
    app.state
        .keys
        .issue(id, 0, chrono::Utc::now())
        .expect("token")
        .0
}

struct Stage {
    app: TestApp,
    cast: Cast,
    tokens: Vec<(Who, Option<String>)>,
    cheque_id: i64,
}

async fn stage(engine: crate::helpers::Engine) -> Stage {
    let app = spawn_app(engine).await.expect("app");
    let cast = app.cast().await;
    let referent = app.referent_of(cast.producer_one).await;
    let producer = app.producer_account(cast.producer_one).await;
    let cheque_id = crate::payments::first_cheque(&app, &cast).await;
    let tokens = EVERYONE
        .iter()
        .map(|who| {
            let id = match who {
                Who::Anon => return (*who, None),
                Who::Member => cast.member.id,
                Who::OtherReferent => cast.referent.id,
                Who::Referent => referent.id,
                Who::Producer => producer.id,
                Who::Treasurer => cast.treasurer.id,
                Who::Admin => cast.admin.id,
                Who::Outsider => cast.outsider.id,
                Who::Operator => cast.operator.id,
            };
            (*who, Some(token(&app, id)))
        })
        .collect();
    Stage {
        app,
        cast,
        tokens,
        cheque_id,
    }
}

/// Prepares one call and returns its path.
async fn prepare(stage: &Stage, row: &Row) -> String {
    let (app, cast) = (&stage.app, &stage.cast);
    let admin = token(app, cast.admin.id);
    let mut rule_id = 0;
    let mut period = (0, 0);
    let mut rota = Rota::default();
    let mut feed = String::new();
    match row.before {
        Before::Nothing => {}
        Before::Calendar => {
            let now = app.state.clock.now();
            let amap = app.amap_id(SLUG).await;
            let member = app::domain::UserId(cast.member.id);
            feed = server::repo::calendar_feeds::get_or_create(&app.state.db, amap, member, now)
                .await
                .expect("feed")
                .token;
        }
        Before::Rota | Before::RotaHeld | Before::RotaOffered => {
            rota = rota_stage(app, cast, &admin).await;
            period.0 = rota.period;
            if row.before != Before::Rota {
                rota.place = rota.held;
            }
            if row.before == Before::RotaOffered {
                let member = token(app, cast.member.id);
                let offer = format!(
                    "/api/v1/amaps/{SLUG}/duty-periods/{}/places/{}/offer",
                    rota.period, rota.held
                );
                let (status, answer) = app.post(&offer, Some(&member), json!({})).await;
                assert_eq!(status, StatusCode::OK, "{answer}");
            }
        }
        Before::Period => period = period_and_adhesion(app, cast).await,
        Before::Contract => app.ensure_contract(cast).await,
        Before::Rule => {
            let rules = format!("/api/v1/amaps/{SLUG}/templates/{}/rules", cast.template);
            let body = json!({ "date_scope": "each_date", "product_scope": "all", "operator": "at_most", "value": "9" });
            let (status, view) = app.post(&rules, Some(&admin), body).await;
            assert_eq!(status, StatusCode::OK, "{view}");
            rule_id = view["rules"]
                .as_array()
                .and_then(|r| r.last())
                .and_then(|r| r["id"].as_i64())
                .expect("a rule");
        }
    }
    row.path
        .replace("{slug}", SLUG)
        .replace("{member_id}", &cast.member.id.to_string())
        .replace("{producer_id}", &cast.producer_one.to_string())
        .replace("{product_id}", &cast.product_one.to_string())
        .replace("{template_id}", &cast.template.to_string())
        .replace("{date}", &cast.first_date.to_string())
        .replace("{rule_id}", &rule_id.to_string())
        .replace("{cheque_id}", &stage.cheque_id.to_string())
        .replace("{remittance_id}", "999999")
        .replace("{mail_id}", "999999")
        .replace("{import_id}", "no-such-preview")
        .replace("{period_id}", &period.0.to_string())
        .replace("{adhesion_id}", &period.1.to_string())
        .replace("{date_id}", &rota.date.to_string())
        .replace("{place_id}", &rota.place.to_string())
        .replace("{role_id}", &rota.role.to_string())
        // `Before::Rota`'s first date, the cast member on duty.
        .replace("{day}", &(app.today() + chrono::Days::new(10)).to_string())
        .replace("{token}", &feed)
}

#[derive(Default)]
struct Rota {
    period: i64,
    /// The spare date.
    date: i64,
    /// The free place.
    place: i64,
    /// The cast member's place.
    held: i64,
    role: i64,
}

/// The rota of `Before::Rota`, made or put back as it should be, through the API as an
/// admin (the coordinator's own requests).
async fn rota_stage(app: &TestApp, cast: &Cast, admin: &str) -> Rota {
    let base = format!("/api/v1/amaps/{SLUG}");
    let day = |days: u64| (app.today() + chrono::Days::new(days)).to_string();
    let (_, periods) = app.get(&format!("{base}/duty-periods"), Some(admin)).await;
    let existing = periods
        .as_array()
        .and_then(|all| all.iter().find(|p| p["name"] == "Planning matrice"))
        .and_then(|p| p["id"].as_i64());
    let period = match existing {
        Some(id) => id,
        None => {
            let body = json!({ "name": "Planning matrice", "rule": "any", "window": "until",
                "window_until": day(60), "first_date": day(10), "last_date": day(10),
                "frequency": "weekly", "places": "2", "participants": "active", "quota": "5" });
            let (status, view) = app
                .post(&format!("{base}/duty-periods"), Some(admin), body)
                .await;
            assert_eq!(status, StatusCode::CREATED, "{view}");
            view["summary"]["id"].as_i64().expect("id")
        }
    };
    let path = format!("{base}/duty-periods/{period}");
    let (_, view) = app.get(&path, Some(admin)).await;
    let dates = view["dates"].as_array().expect("dates").clone();
    let spare = match dates.iter().find(|d| d["day"] == day(20)) {
        Some(date) => date["id"].as_i64().expect("id"),
        None => {
            let body = json!({ "day": day(20), "places": "1" });
            let (status, view) = app.post(&format!("{path}/dates"), Some(admin), body).await;
            assert_eq!(status, StatusCode::CREATED, "{view}");
            view["dates"]
                .as_array()
                .and_then(|d| d.iter().find(|d| d["day"] == day(20)))
                .and_then(|d| d["id"].as_i64())
                .expect("spare date")
        }
    };
    let mut first = dates
        .iter()
        .find(|d| d["day"] == day(10))
        .expect("the first date")
        .clone();
    // A call may have removed its free place: put one back.
    if first["places"].as_array().is_some_and(|p| p.len() < 2) {
        let add = format!("{path}/dates/{}/places", first["id"]);
        let (status, view) = app.post(&add, Some(admin), json!({})).await;
        assert_eq!(status, StatusCode::CREATED, "{view}");
        first = view["dates"]
            .as_array()
            .and_then(|d| d.iter().find(|d| d["day"] == day(10)))
            .expect("the first date")
            .clone();
    }
    let places = first["places"].as_array().expect("places");
    let held = places[0]["id"].as_i64().expect("id");
    let free = places[1]["id"].as_i64().expect("id");
    let member = json!({ "member_id": cast.member.id });
    let (status, answer) = app
        .put(&format!("{path}/places/{held}"), Some(admin), member)
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let nobody = json!({ "member_id": "" });
    let (status, answer) = app
        .put(&format!("{path}/places/{free}"), Some(admin), nobody)
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (_, roles) = app.get(&format!("{base}/duty-roles"), Some(admin)).await;
    let role = match roles
        .as_array()
        .and_then(|r| r.iter().find(|r| r["name"] == "Réserve"))
    {
        Some(role) => role["id"].as_i64().expect("id"),
        None => {
            let body = json!({ "name": "Réserve" });
            let (status, role) = app
                .post(&format!("{base}/duty-roles"), Some(admin), body)
                .await;
            assert_eq!(status, StatusCode::CREATED, "{role}");
            role["id"].as_i64().expect("id")
        }
    };
    Rota {
        period,
        date: spare,
        place: free,
        held,
        role,
    }
}

/// A membership period of AMAP A open online today, and the cast member's membership of it
/// (still to pay), made if a call deleted them: their ids.
async fn period_and_adhesion(app: &TestApp, cast: &Cast) -> (i64, i64) {
    use app::api::adhesions::{AdhesionEntry, PeriodForm};
    use app::domain::adhesion::AdhesionState;
    use app::domain::{Money, PeriodId, UserId};
    use server::repo::adhesions;
    let db = &app.state.db;
    let amap = app.amap_id(SLUG).await;
    let period = match adhesions::periods(db, amap).await.expect("query").first() {
        Some(p) => p.id,
        None => {
            let form = PeriodForm {
                name: "Saison".into(),
                starts_on: (app.today() - chrono::Days::new(30)).to_string(),
                ends_on: (app.today() + chrono::Days::new(300)).to_string(),
                minimum: "10".into(),
                suggested: "20".into(),
                enrolment: "online".into(),
                payment_text: String::new(),
            };
            let input = form.parse().expect("valid period");
            adhesions::insert_period(db, amap, &input, chrono::Utc::now())
                .await
                .expect("period")
                .id
        }
    };
    let member = UserId(cast.member.id);
    let adhesion = match adhesions::find_of(db, amap, PeriodId(period), member)
        .await
        .expect("query")
    {
        Some(a) => a.id,
        None => {
            let entry = AdhesionEntry {
                member: Some(member),
                amount: Money::from_cents(2000),
                state: AdhesionState::ToProvide,
                payment_kind: None,
                received_on: None,
            };
            adhesions::insert(
                db,
                amap,
                PeriodId(period),
                member,
                &entry,
                chrono::Utc::now(),
            )
            .await
            .expect("adhesion")
            .id
        }
    };
    (period, adhesion)
}

on_both_engines!(every_endpoint_answers_each_role_exactly, |app| {
    let mut failures = Vec::new();
    for row in rows() {
        let stage = stage(app.engine).await;
        for (who, token) in &stage.tokens {
            let path = prepare(&stage, &row).await;
            let method = reqwest::Method::from_bytes(row.method.as_bytes()).expect("a verb");
            let body = (row.body)(&stage.cast, *who);
            let mut request = stage.app.client().request(method, stage.app.url(&path));
            if !body.is_null() {
                request = request.json(&body);
            }
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.expect("request");
            let status = response.status().as_u16();
            let expected = row.expect(*who);
            if status != expected {
                failures.push(format!(
                    "{} {} as {who:?}: got {status}, expected {expected}",
                    row.method, row.path
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

on_both_engines!(the_server_sends_its_decisions, |app| {
    let cast = app.cast().await;
    let referent = app.referent_of(cast.producer_one).await;
    let farmer = app.producer_account(cast.producer_one).await;
    let producer = format!("/api/v1/amaps/{SLUG}/producers/{}", cast.producer_one);
    let decisions = |view: &Value| {
        (
            view["may_manage"].clone(),
            view["may_handle_cheques"].clone(),
        )
    };
    let (_, as_referent) = app.get(&producer, Some(&token(&app, referent.id))).await;
    assert_eq!(decisions(&as_referent), (json!(true), json!(true)));
    let (_, as_farmer) = app.get(&producer, Some(&token(&app, farmer.id))).await;
    assert_eq!(decisions(&as_farmer), (json!(false), json!(false)));
    let (_, home) = app
        .get(
            &format!("/api/v1/amaps/{SLUG}/home"),
            Some(&token(&app, referent.id)),
        )
        .await;
    assert_eq!(home["manages"], json!([cast.producer_one]));
    let (_, template) = app
        .get(
            &format!("/api/v1/amaps/{SLUG}/templates/{}", cast.template),
            Some(&token(&app, referent.id)),
        )
        .await;
    assert_eq!(template["may_delete"], false, "a member has signed up");
});
