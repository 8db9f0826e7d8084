//! Cheques through the API: the member's schedule (AmapJ's proposal, live adjust, trop-payé),
//! the cheque life cycle's forbidden moves, deposit slips (one per date even when two
//! treasurers click at once), credits carried over, recomputation after a price change,
//! "Mes paiements" and the outputs.

use crate::helpers::{Cast, SLUG, TestApp};
use crate::on_both_engines;
use app::domain::Money;
use app::domain::contract::Nature;
use chrono::{Days, NaiveDate};
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::repo;

/// The first cheque of the cast member's contract, after the member accepted the proposal.
pub async fn first_cheque(app: &TestApp, cast: &Cast) -> i64 {
    let member = app.token(cast.member.email).await;
    let (status, body) = app
        .put(
            &format!(
                "/api/v1/amaps/{SLUG}/me/contracts/{}/payments",
                cast.template
            ),
            Some(&member),
            json!({ "lines": [] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["cheques"][0]["id"].as_i64().expect("a cheque")
}

/// A template of producer 1 with three dates 35 days apart (so three payment months) and a
/// 10 € product; `member` signs up for 4 + 3 + 3 = 100 €.
struct Season {
    template: i64,
    dates: [NaiveDate; 3],
}

async fn season(app: &TestApp, cast: &Cast, name: &str, offset: u64) -> Season {
    let db = &app.state.db;
    let amap = repo::amaps::find_by_slug(db, SLUG)
        .await
        .expect("query")
        .expect("amap")
        .id;
    let today = app.today();
    let first = today + Days::new(14 + offset);
    let dates = [first, first + Days::new(35), first + Days::new(70)];
    let spec = server::contracts::setup::TemplateSpec::simple(
        cast.producer_one,
        name,
        Nature::Free,
        today + Days::new(7),
        dates.to_vec(),
        vec![(cast.product_one, Money::from_cents(1000))],
    );
    let template = server::contracts::setup::create_template(db, amap, spec)
        .await
        .expect("template");
    Season { template, dates }
}

/// A season of the other producer (whose référent is `cast.referent`).
async fn other_farm_season(app: &TestApp, cast: &Cast) -> Season {
    let db = &app.state.db;
    let amap = repo::amaps::find_by_slug(db, SLUG)
        .await
        .expect("query")
        .expect("amap")
        .id;
    let bread = repo::products::NewProduct {
        name: "Pain",
        packaging: "1 kg",
        description: "",
        active: true,
    };
    let product = repo::products::insert(db, amap, cast.producer_two, bread)
        .await
        .expect("product")
        .id;
    let today = app.today();
    let dates = vec![today + Days::new(14)];
    let spec = server::contracts::setup::TemplateSpec::simple(
        cast.producer_two,
        "Pain",
        Nature::Free,
        today + Days::new(7),
        dates.clone(),
        vec![(product, Money::from_cents(400))],
    );
    let template = server::contracts::setup::create_template(db, amap, spec)
        .await
        .expect("template");
    Season {
        template,
        dates: [dates[0]; 3],
    }
}

impl Season {
    fn me(&self) -> String {
        format!("/api/v1/amaps/{SLUG}/me/contracts/{}", self.template)
    }

    fn manage(&self, rest: &str) -> String {
        format!("/api/v1/amaps/{SLUG}/templates/{}/{rest}", self.template)
    }

    async fn sign_up(&self, app: &TestApp, cast: &Cast, token: &str) {
        let grid: Vec<Value> = self
            .dates
            .iter()
            .zip([4, 3, 3])
            .map(|(d, qty)| json!({ "date": d, "product": cast.product_one, "qty": qty }))
            .collect();
        let (status, body) = app
            .put(&self.me(), Some(token), json!({ "grid": grid }))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    /// Ticks `cheques` received as `token`; the answer's status.
    async fn receive(&self, app: &TestApp, token: &str, cheques: &[i64]) -> StatusCode {
        let (status, _) = app
            .post(
                &self.manage("cheques/receive"),
                Some(token),
                json!({ "received": cheques }),
            )
            .await;
        status
    }

    /// The référent's "change a price" on product one, applied to signed contracts.
    async fn set_price(&self, app: &TestApp, cast: &Cast, token: &str, price: &str) {
        let (status, body) = app
            .post(
                &self.manage("changes"),
                Some(token),
                json!({ "kind": "set_price", "product_id": cast.product_one.to_string(), "price": price, "apply": "on" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
}

fn amounts(cheques: &Value) -> Vec<String> {
    cheques
        .as_array()
        .expect("cheques")
        .iter()
        .map(|c| {
            c["amount"]
                .as_str()
                .map_or(c["amount"].to_string(), str::to_owned)
        })
        .collect()
}

fn euros(raw: &str) -> i64 {
    Money::parse("x", raw).expect("amount").cents()
}

/// A page as the server renders it for a browser (no JavaScript needed to read it).
async fn html(app: &TestApp, path: &str, token: &str) -> String {
    let response = app
        .client()
        .get(app.url(path))
        .bearer_auth(token)
        .header("Accept", "text/html")
        .send()
        .await
        .expect("page");
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.expect("html")
}

fn cents(cheques: &Value) -> Vec<i64> {
    amounts(cheques).iter().map(|a| euros(a)).collect()
}

fn ids(cheques: &Value) -> Vec<i64> {
    cheques
        .as_array()
        .expect("cheques")
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect()
}

on_both_engines!(
    a_member_edits_the_schedule_and_the_last_cheque_adjusts,
    |app| {
        let cast = app.cast().await;
        let season = season(&app, &cast, "Vin", 0).await;
        let member = app.token(cast.member.email).await;
        season.sign_up(&app, &cast, &member).await;
        // Signing up stores AmapJ's proposal: 100 € over three months → 34 / 34 / 32.
        let (_, page) = app.get(&season.me(), Some(&member)).await;
        assert_eq!(cents(&page["schedule"]["cheques"]), [3400, 3400, 3200]);
        // The member writes 40 € on the second cheque: the last one becomes 26 €, and the bank
        // details are kept.
        let [d1, d2, d3] = season.dates;
        let payments = format!("{}/payments", season.me());
        let (status, view) = app
            .put(
                &payments,
                Some(&member),
                json!({ format!("pay.{d2}"): "40", format!("bank.{d1}"): "Crédit Agricole",
                format!("number.{d1}"): "1234567", format!("drawer.{d1}"): "M. Membre" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert_eq!(cents(&view["cheques"]), [3400, 4000, 2600]);
        assert_eq!(view["cheques"][0]["bank"], "Crédit Agricole");
        assert_eq!(view["cheques"][0]["number"], "1234567");
        // 70 + 40 would overpay by 10 €: refused on the adjusting line, nothing stored.
        let (status, refused) = app
            .put(
                &payments,
                Some(&member),
                json!({ format!("pay.{d1}"): "70", format!("pay.{d2}"): "40" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(refused["fields"][0]["field"], format!("payments.{d3}"));
        assert_eq!(refused["fields"][0]["code"], "overpaid");
        let message = refused["fields"][0]["message"].as_str().expect("message");
        assert!(message.contains("trop-payé de 10,00"), "{message}");
        let (_, page) = app.get(&season.me(), Some(&member)).await;
        assert_eq!(cents(&page["schedule"]["cheques"]), [3400, 4000, 2600]);
        // A zero line is not stored: the second cheque disappears, the last takes the rest.
        let (status, view) = app
            .put(
                &payments,
                Some(&member),
                json!({ format!("pay.{d2}"): "0" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert_eq!(cents(&view["cheques"]), [3400, 6600]);
    }
);

on_both_engines!(the_cheque_life_cycle_refuses_forbidden_moves, |app| {
    let cast = app.cast().await;
    let season = season(&app, &cast, "Vin", 0).await;
    let member = app.token(cast.member.email).await;
    let treasurer = app.token(cast.treasurer.email).await;
    season.sign_up(&app, &cast, &member).await;
    let [d1, d2, _] = season.dates;
    let (_, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
    let cheques = &register["rows"][0]["cheques"];
    let [c1, c2, _] = ids(cheques)[..] else {
        panic!("three cheques: {register}")
    };

    // Nothing to remit while the first cheque is only promised: who is missing is named.
    let remit = season.manage("remittances");
    let (status, body) = app
        .post(&remit, Some(&treasurer), json!({ "payment_date": d1 }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["code"], "cheques_missing");
    assert!(
        body["fields"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("Membre")
    );

    // Received: the member can no longer change it, nor withdraw the contract.
    let receive = season.manage("cheques/receive");
    let (status, _) = app
        .post(&receive, Some(&treasurer), json!({ "received": [c1, c2] }))
        .await;
    assert_eq!(status, StatusCode::OK);
    let payments = format!("{}/payments", season.me());
    let (status, body) = app
        .put(
            &payments,
            Some(&member),
            json!({ format!("pay.{d1}"): "10" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["code"], "cheque_received");
    let (status, body) = app.delete(&season.me(), Some(&member)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["code"], "cheques_held");

    // The second date before the first only with an explicit confirmation.
    let (status, body) = app
        .post(&remit, Some(&treasurer), json!({ "payment_date": d2 }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["code"], "not_earliest");
    let (status, slip) = app
        .post(
            &remit,
            Some(&treasurer),
            json!({ "payment_date": d2, "confirm": "on", "handed_on": d1 }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{slip}");
    assert_eq!(
        (slip["count"].as_i64(), slip["consistent"].as_bool()),
        (Some(1), Some(true))
    );
    assert_eq!(slip["handed_on"], json!(d1));
    // A remitted cheque never changes: not by ticking, not by correction, not by the member.
    let (status, body) = app
        .post(&receive, Some(&treasurer), json!({ "promised": [c2] }))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["code"], "cheque_remitted");
    let (status, body) = app
        .patch(
            &season.manage(&format!("cheques/{c2}")),
            Some(&treasurer),
            json!({ "amount": "1" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["code"], "cheque_remitted");
    let (status, body) = app
        .put(
            &payments,
            Some(&member),
            json!({ format!("pay.{d2}"): "5" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["code"], "cheque_remitted");
    // The same date twice: refused.
    let (status, body) = app
        .post(
            &remit,
            Some(&treasurer),
            json!({ "payment_date": d2, "confirm": "on" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["fields"][0]["code"], "date_remitted");
    // A référent may still correct a received (not remitted) cheque.
    let (status, body) = app
        .patch(
            &season.manage(&format!("cheques/{c1}")),
            Some(&treasurer),
            json!({ "amount": "35", "number": "42", "comment": "encre bleue" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["number"], "42");
    // Deleting the slip brings its cheque back to the AMAP.
    let slip_id = slip["id"].as_i64().expect("slip id");
    let (status, _) = app
        .delete(
            &season.manage(&format!("remittances/{slip_id}")),
            Some(&treasurer),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
    let states: Vec<&str> = register["rows"][0]["cheques"]
        .as_array()
        .expect("cheques")
        .iter()
        .map(|c| c["state"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(states, ["received", "received", "promised"]);
    assert!(
        register["dates"]
            .as_array()
            .expect("dates")
            .iter()
            .all(|d| d["remittance"].is_null())
    );
    // Every move is in the audit trail, newest first.
    let (_, audit) = app
        .get(&season.manage("cheques/audit"), Some(&treasurer))
        .await;
    let actions: Vec<&str> = audit["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["action"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        actions[..4],
        ["remittance_deleted", "changed", "remitted", "received"]
    );
    assert!(actions.contains(&"promised"));
});

on_both_engines!(two_treasurers_remitting_the_same_date_get_one_slip, |app| {
    let cast = app.cast().await;
    let season = season(&app, &cast, "Vin", 0).await;
    let member = app.token(cast.member.email).await;
    let treasurer = app.token(cast.treasurer.email).await;
    let admin = app.token(cast.admin.email).await;
    season.sign_up(&app, &cast, &member).await;
    let (_, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
    let all = ids(&register["rows"][0]["cheques"]);
    let status = season.receive(&app, &treasurer, &all).await;
    assert_eq!(status, StatusCode::OK);
    let remit = season.manage("remittances");
    let body = json!({ "payment_date": season.dates[0] });
    let (a, b) = tokio::join!(
        app.post(&remit, Some(&treasurer), body.clone()),
        app.post(&remit, Some(&admin), body.clone()),
    );
    let mut statuses = [a.0.as_u16(), b.0.as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses[0], 200, "{a:?} {b:?}");
    assert!(matches!(statuses[1], 409 | 422), "{a:?} {b:?}");
    let (_, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
    let slips = register["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .filter(|d| !d["remittance"].is_null())
        .count();
    assert_eq!(slips, 1);
    // The member now reads it as handed to the producer, with the real date.
    let (_, mine) = app
        .get(&format!("/api/v1/amaps/{SLUG}/me/payments"), Some(&member))
        .await;
    let contract = mine["contracts"]
        .as_array()
        .expect("contracts")
        .iter()
        .find(|c| c["template"]["id"] == json!(season.template))
        .expect("this contract");
    assert_eq!(contract["remitted"].as_array().map(Vec::len), Some(1));
    assert!(contract["remitted"][0]["handed_on"].is_string());
});

on_both_engines!(
    a_producer_entrusted_with_its_cheques_receives_and_remits_them_but_settles_nothing,
    |app| {
        let cast = app.cast().await;
        let season = season(&app, &cast, "Vin", 0).await;
        let member = app.token(cast.member.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        season.sign_up(&app, &cast, &member).await;
        let account = app.producer_account(cast.producer_one).await;
        let farmer = app.token(account.email).await;
        let register = season.manage("cheques");
        // By default a producer's account reads its deliveries, not its cheques.
        let (status, _) = app.get(&register, Some(&farmer)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        let producer = format!("/api/v1/amaps/{SLUG}/producers/{}", cast.producer_one);
        let form = json!({ "name": "Ferme Une", "notice_days": "7", "active": "on",
            "handles_cheques": "on" });
        // The producer cannot entrust itself: only who manages the producer can.
        let (status, _) = app.put(&producer, Some(&farmer), form.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, detail) = app.put(&producer, Some(&treasurer), form).await;
        assert_eq!(status, StatusCode::OK, "{detail}");
        assert_eq!(detail["handles_cheques"], true);

        let (status, body) = app.get(&register, Some(&farmer)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["may_settle"], false);
        let (_, as_treasurer) = app.get(&register, Some(&treasurer)).await;
        assert_eq!(as_treasurer["may_settle"], true);
        let first = ids(&body["rows"][0]["cheques"])[0];
        let status = season.receive(&app, &farmer, &[first]).await;
        assert_eq!(status, StatusCode::OK);
        let (status, slip) = app
            .post(
                &season.manage("remittances"),
                Some(&farmer),
                json!({ "payment_date": season.dates[0] }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{slip}");
        let (status, _) = app
            .get(&season.manage("cheques/audit"), Some(&farmer))
            .await;
        assert_eq!(status, StatusCode::OK);

        // Settling what a member owes stays with référents and treasurers.
        let credit = season.manage(&format!("subscriptions/{}/credit", cast.member.id));
        let (status, _) = app
            .put(&credit, Some(&farmer), json!({ "amount": "10" }))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let recompute = season.manage(&format!("subscriptions/{}/recompute", cast.member.id));
        let (status, _) = app.post(&recompute, Some(&farmer), json!({})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app
            .get(
                &format!("/api/v1/amaps/{SLUG}/templates/{}", season.template),
                Some(&farmer),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        // Nor does the setting reach another producer's cheques.
        let other = other_farm_season(&app, &cast).await;
        let (status, _) = app.get(&other.manage("cheques"), Some(&farmer)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
);

on_both_engines!(mes_paiements_groups_cheques_and_shows_only_mine, |app| {
    let cast = app.cast().await;
    let season = season(&app, &cast, "Vin", 0).await;
    let member = app.token(cast.member.email).await;
    season.sign_up(&app, &cast, &member).await;
    let [_, d2, d3] = season.dates;
    // 34 / 33 / 33: the two identical cheques are grouped.
    let (status, _) = app
        .put(
            &format!("{}/payments", season.me()),
            Some(&member),
            json!({ format!("pay.{d2}"): "33" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, mine) = app
        .get(&format!("/api/v1/amaps/{SLUG}/me/payments"), Some(&member))
        .await;
    let contract = mine["contracts"]
        .as_array()
        .expect("contracts")
        .iter()
        .find(|c| c["template"]["id"] == json!(season.template))
        .expect("this contract")
        .clone();
    let groups = contract["to_give"].as_array().expect("groups");
    assert_eq!(groups.len(), 2, "{contract}");
    assert_eq!(euros(groups[1]["amount"].as_str().expect("amount")), 3300);
    assert_eq!(groups[1]["dates"], json!([d2, d3]));
    assert_eq!(contract["payee"], "Ferme Une");
    // Another member of the AMAP sees none of these cheques.
    let admin = app.token(cast.admin.email).await;
    let (_, theirs) = app
        .get(&format!("/api/v1/amaps/{SLUG}/me/payments"), Some(&admin))
        .await;
    assert!(
        theirs["contracts"]
            .as_array()
            .expect("contracts")
            .iter()
            .all(|c| c["template"]["id"] != json!(season.template))
    );
    // Nor can a member read the register.
    let (status, _) = app.get(&season.manage("cheques"), Some(&member)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
});

on_both_engines!(
    a_credit_carries_over_into_the_next_contracts_proposal,
    |app| {
        let cast = app.cast().await;
        let spring = season(&app, &cast, "Vin de printemps", 0).await;
        let autumn = season(&app, &cast, "Vin d'automne", 120).await;
        let member = app.token(cast.member.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        spring.sign_up(&app, &cast, &member).await;
        autumn.sign_up(&app, &cast, &member).await;
        let member_id = cast.member.id;
        // Nothing to carry while the balance is not positive.
        let carry = spring.manage(&format!("subscriptions/{member_id}/carry-over"));
        let (status, body) = app.post(&carry, Some(&treasurer), json!({})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(body["fields"][0]["code"], "nothing_to_carry");
        // A 130 € credit on spring (100 € ordered) leaves a 30 € balance to carry over.
        let (status, _) = app
            .put(
                &spring.manage(&format!("subscriptions/{member_id}/credit")),
                Some(&treasurer),
                json!({ "amount": "130" }),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, body) = app.post(&carry, Some(&treasurer), json!({})).await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
        let (_, register) = app.get(&autumn.manage("cheques"), Some(&treasurer)).await;
        let row = &register["rows"][0];
        assert_eq!(
            euros(row["tally"]["credit"].as_str().expect("credit")),
            3000
        );
        // The autumn cheques now cover 100 − 30 = 70 €.
        assert_eq!(cents(&row["cheques"]).iter().sum::<i64>(), 7000);
        assert_eq!(euros(row["schedule_gap"].as_str().expect("gap")), 0);
        assert_eq!(row["recomputed"], json!([]), "nothing to recompute");
        let (_, register) = app.get(&spring.manage("cheques"), Some(&treasurer)).await;
        assert_eq!(
            euros(register["rows"][0]["balance"].as_str().expect("balance")),
            0
        );
    }
);

on_both_engines!(
    a_price_change_is_shown_then_recomputed_on_promised_cheques_only,
    |app| {
        let cast = app.cast().await;
        let season = season(&app, &cast, "Vin", 0).await;
        let member = app.token(cast.member.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        season.sign_up(&app, &cast, &member).await;
        let (_, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
        let first = ids(&register["rows"][0]["cheques"])[0];
        season.receive(&app, &treasurer, &[first]).await;
        // 10 € → 12 €: the order is now 120 €, the cheques still say 100 €.
        season.set_price(&app, &cast, &treasurer, "12,00").await;
        let (_, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
        assert_eq!(
            euros(register["rows"][0]["schedule_gap"].as_str().expect("gap")),
            -2000
        );
        let recompute = season.manage(&format!("subscriptions/{}/recompute", cast.member.id));
        let (_, preview) = app.get(&recompute, Some(&treasurer)).await;
        assert_eq!(cents(&preview["before"]), [3400, 3400, 3200]);
        // The received 34 € stays; the 86 € left are spread over the two promised cheques.
        assert_eq!(cents(&preview["after"]), [3400, 4300, 4300]);
        let (_, unchanged) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
        assert_eq!(cents(&unchanged["rows"][0]["cheques"]), [3400, 3400, 3200]);
        // The register shows the same proposal next to its "recompute" button.
        assert_eq!(
            cents(&unchanged["rows"][0]["recomputed"]),
            [3400, 4300, 4300]
        );
        // The pages say it too: the member is told the order changed, the treasurer sees the
        // proposal before applying it.
        let mine = html(&app, &format!("/a/{SLUG}/paiements"), &member).await;
        let told = format!(
            "Votre commande est maintenant de {} et vos chèques font {}",
            Money::from_cents(12000),
            Money::from_cents(10000)
        );
        assert!(mine.contains(&told), "{mine}");
        let link = format!("href=\"/a/{SLUG}/contrats/{}#echeancier\"", season.template);
        assert!(mine.contains(&link), "{mine}");
        let page = format!("/a/{SLUG}/gestion/contrats/{}/cheques", season.template);
        let register = html(&app, &page, &treasurer).await;
        assert!(register.contains("Après recalcul : "), "{register}");
        let proposed = format!("— {}", Money::from_cents(4300));
        assert!(register.contains(&proposed), "{register}");
        let (status, applied) = app.post(&recompute, Some(&treasurer), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{applied}");
        assert_eq!(cents(&applied["after"]), [3400, 4300, 4300]);
        assert_eq!(applied["after"][0]["state"], "received");
    }
);

on_both_engines!(
    recomputing_a_template_redoes_only_the_contracts_its_change_unbalanced,
    |app| {
        let cast = app.cast().await;
        let season = season(&app, &cast, "Vin", 0).await;
        let member = app.token(cast.member.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        season.sign_up(&app, &cast, &member).await;
        season.sign_up(&app, &cast, &treasurer).await;
        let recompute_all = season.manage("cheques/recompute");
        let (status, body) = app.post(&recompute_all, Some(&treasurer), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["contracts"], 0, "every contract balances");
        let (_, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
        let first = ids(&register["rows"][0]["cheques"])[0];
        season.receive(&app, &treasurer, &[first]).await;
        // 10 € → 12 €: both orders are now 120 €, both contracts' cheques still say 100 €.
        season.set_price(&app, &cast, &treasurer, "12,00").await;
        // The register offers it for the two contracts, and only once they are unbalanced.
        let page = format!("/a/{SLUG}/gestion/contrats/{}/cheques", season.template);
        let button = "Recalculer les chèques promis des contrats dont la commande a changé (2)";
        assert!(html(&app, &page, &treasurer).await.contains(button));
        let (status, body) = app.post(&recompute_all, Some(&treasurer), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["contracts"], 2);
        let shown = html(&app, &page, &treasurer).await;
        assert!(!shown.contains("dont la commande a changé"), "{shown}");
        let (_, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
        let rows = register["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 2);
        for row in rows {
            assert_eq!(
                euros(row["schedule_gap"].as_str().expect("gap")),
                0,
                "{row}"
            );
        }
        // The received 34 € stayed as it was; the rest was spread over the promised cheques.
        let received = rows
            .iter()
            .find(|r| ids(&r["cheques"]).contains(&first))
            .expect("the contract with the received cheque");
        assert_eq!(cents(&received["cheques"]), [3400, 4300, 4300]);
        assert_eq!(received["cheques"][0]["state"], "received");
        // Nothing left to do: a second click changes nothing.
        let (_, body) = app.post(&recompute_all, Some(&treasurer), json!({})).await;
        assert_eq!(body["contracts"], 0);
        // A member cannot do it.
        let (status, _) = app.post(&recompute_all, Some(&member), json!({})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
);

on_both_engines!(cheque_outputs_read_back_as_csv_and_xlsx, |app| {
    let cast = app.cast().await;
    let season = season(&app, &cast, "Vin", 0).await;
    let member = app.token(cast.member.email).await;
    let treasurer = app.token(cast.treasurer.email).await;
    season.sign_up(&app, &cast, &member).await;
    let settings = json!({ "strategy": "monthly_smoothed_editable", "payee": "GAEC du Clos",
        "hand_in_by": season.dates[0].to_string() });
    let (status, body) = app
        .put(&season.manage("payments"), Some(&treasurer), settings)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let download = |path: String| {
        let request = app.client().get(app.url(&path)).bearer_auth(&treasurer);
        async move {
            let response = request.send().await.expect("request");
            assert_eq!(response.status(), StatusCode::OK);
            response.bytes().await.expect("bytes").to_vec()
        }
    };
    let csv = download(season.manage("cheques/collection?format=csv")).await;
    let text = String::from_utf8_lossy(&csv);
    assert!(text.contains("Marie Membre;3;100,00;"), "{text}");
    assert!(text.contains("GAEC du Clos"), "{text}");
    let report = download(season.manage("cheques/report?format=csv")).await;
    let text = String::from_utf8_lossy(&report);
    assert!(
        text.contains("Total;100,00;0,00;100,00;0,00;0,00;-100,00;34,00;34,00;32,00"),
        "{text}"
    );
    // A slip, as a workbook.
    let (_, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
    let first = ids(&register["rows"][0]["cheques"])[0];
    season.receive(&app, &treasurer, &[first]).await;
    let (_, slip) = app
        .post(
            &season.manage("remittances"),
            Some(&treasurer),
            json!({ "payment_date": season.dates[0] }),
        )
        .await;
    let xlsx = download(season.manage(&format!("remittances/{}?format=xlsx", slip["id"]))).await;
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("xlsx");
    let sheet = book.worksheet_range("Bordereau de remise").expect("sheet");
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[1][0], "Marie Membre");
    assert_eq!(rows[1][4], "34");
    assert!(rows[2][0].starts_with("Total (1 ch"));
});

on_both_engines!(
    a_late_joiner_is_not_asked_for_cheques_dated_in_the_past,
    |app| {
        let cast = app.cast().await;
        let db = &app.state.db;
        let amap = repo::amaps::find_by_slug(db, SLUG)
            .await
            .expect("query")
            .expect("amap")
            .id;
        let today = app.today();
        // Sign-up closed yesterday; late joiners welcome from the first date beyond the
        // producer's 7-day notice (the second one).
        let dates = [
            today + Days::new(2),
            today + Days::new(40),
            today + Days::new(75),
        ];
        let mut spec = server::contracts::setup::TemplateSpec::simple(
            cast.producer_one,
            "Vin tardif",
            Nature::Free,
            today - Days::new(1),
            dates.to_vec(),
            vec![(cast.product_one, Money::from_cents(1000))],
        );
        spec.late_joiners = true;
        let template = server::contracts::setup::create_template(db, amap, spec)
            .await
            .expect("template");
        let member = app.token(cast.member.email).await;
        let me = format!("/api/v1/amaps/{SLUG}/me/contracts/{template}");
        let grid: Vec<Value> = dates[1..]
            .iter()
            .map(|d| json!({ "date": d, "product": cast.product_one, "qty": 3 }))
            .collect();
        let (status, body) = app.put(&me, Some(&member), json!({ "grid": grid })).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (_, page) = app.get(&me, Some(&member)).await;
        let cheques = page["schedule"]["cheques"].as_array().expect("cheques");
        let first = today + Days::new(5);
        assert!(!cheques.is_empty());
        for cheque in cheques {
            let date: NaiveDate = serde_json::from_value(cheque["date"].clone()).expect("date");
            assert!(date >= first, "a cheque dated {date}: {page}");
        }
        assert_eq!(
            cents(&page["schedule"]["cheques"]).iter().sum::<i64>(),
            6000
        );
    }
);

on_both_engines!(the_register_names_who_is_missing_in_french_order, |app| {
    let cast = app.cast().await;
    let season = season(&app, &cast, "Ordre", 0).await;
    let treasurer = app.token(cast.treasurer.email).await;
    let names = [
        ("Émile", "Zola"),
        ("Paul", "Étienne"),
        ("Anne", "durand"),
        ("Bruno", "Zola"),
    ]
    .map(|(f, l)| (f.to_owned(), l.to_owned()));
    for (_, token) in app.people(SLUG, &names).await {
        season.sign_up(&app, &cast, &token).await;
    }
    let (status, register) = app.get(&season.manage("cheques"), Some(&treasurer)).await;
    assert_eq!(status, StatusCode::OK, "{register}");
    let first = season.dates[0].to_string();
    let date = register["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .find(|d| d["date"] == first.as_str())
        .expect("the first date");
    // Last name first, accents and case only break ties: byte order would put "durand" and
    // "Étienne" after "Zola".
    assert_eq!(
        date["missing"],
        json!(["Anne durand", "Paul Étienne", "Bruno Zola", "Émile Zola"])
    );
});
