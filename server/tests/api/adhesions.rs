//! Memberships (adhésions) through the API: periods, online memberships at least the minimum
//! and frozen once cashed, the treasurer's ledger and totals, paper memberships, a template
//! that requires one, and one AMAP's periods invisible from another.

use crate::helpers::{OTHER_SLUG, SLUG, TestApp, assert_error_shape};
use crate::on_both_engines;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn periods_path() -> String {
    format!("/api/v1/amaps/{SLUG}/adhesion-periods")
}

fn problem<'a>(body: &'a Value, field: &str) -> &'a Value {
    body["fields"]
        .as_array()
        .and_then(|f| f.iter().find(|p| p["field"] == field))
        .unwrap_or_else(|| panic!("no problem on {field}: {body}"))
}

/// A period of AMAP A around today, through the API as the treasurer; its id.
async fn period(app: &TestApp, token: &str, name: &str, enrolment: &str) -> i64 {
    let body = json!({
        "name": name,
        "starts_on": (app.today() - chrono::Days::new(60)).to_string(),
        "ends_on": (app.today() + chrono::Days::new(300)).to_string(),
        "minimum": "10",
        "suggested": "20,00",
        "enrolment": enrolment,
        "payment_text": "Chèque à l'ordre de l'AMAP A",
    });
    let (status, view) = app.post(&periods_path(), Some(token), body).await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    view["id"].as_i64().expect("id")
}

fn mine_path(period: i64) -> String {
    format!("/api/v1/amaps/{SLUG}/me/adhesions/{period}")
}

fn ledger_path(period: i64) -> String {
    format!("{}/{period}/adhesions", periods_path())
}

on_both_engines!(
    members_adhere_online_with_at_least_the_minimum_until_the_treasurer_cashes_it,
    |app| {
        let cast = app.cast().await;
        let treasurer = app.token(cast.treasurer.email).await;
        let member = app.token(cast.member.email).await;
        let id = period(&app, &treasurer, "Saison 2026-2027", "online").await;

        let (status, body) = app
            .put(&mine_path(id), Some(&member), json!({ "amount": "9,99" }))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_error_shape(&body, "validation");
        let low = problem(&body, "amount");
        assert_eq!(low["code"], "below_minimum");
        assert!(
            low["message"].as_str().expect("message").contains("10,00"),
            "{low}"
        );
        let (status, body) = app
            .put(&mine_path(id), Some(&member), json!({ "amount": "10,555" }))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(problem(&body, "amount")["code"], "invalid_amount");

        let (status, mine) = app
            .put(&mine_path(id), Some(&member), json!({ "amount": "15" }))
            .await;
        assert_eq!(status, StatusCode::OK, "{mine}");
        assert_eq!(mine["amount"], "15.00");
        assert_eq!(mine["state"], "to_provide");
        // Changed while still to pay: the same membership, a new amount.
        let (status, again) = app
            .put(&mine_path(id), Some(&member), json!({ "amount": "25" }))
            .await;
        assert_eq!(status, StatusCode::OK, "{again}");
        assert_eq!(again["id"], mine["id"]);
        let (_, periods) = app
            .get(&format!("/api/v1/amaps/{SLUG}/me/adhesions"), Some(&member))
            .await;
        assert_eq!(periods[0]["mine"]["amount"], "25.00");
        assert_eq!(periods[0]["may_change"], true);
        assert!(
            periods[0]["period"]["totals"].is_null(),
            "totals are the treasurer's"
        );

        // The treasurer's ledger: one membership, to receive; everyone else without.
        let (status, ledger) = app.get(&ledger_path(id), Some(&treasurer)).await;
        assert_eq!(status, StatusCode::OK, "{ledger}");
        let totals = &ledger["period"]["totals"];
        assert_eq!(totals["count"], 1);
        assert_eq!(totals["amount"], "25.00");
        assert_eq!(totals["missing_count"], 1);
        assert_eq!(totals["cashed_count"], 0);
        let without = ledger["without"].as_array().expect("without");
        assert_eq!(totals["without"], without.len() as u64);
        assert!(without.iter().all(|m| m["id"] != cast.member.id));
        assert!(without.iter().any(|m| m["id"] == cast.admin.id));
        assert!(
            without.iter().all(|m| m["id"] != cast.inactive.id),
            "inactive members are not chased"
        );

        // Cashed without a date: received today. The member can no longer change it.
        let adhesion = mine["id"].as_i64().expect("id");
        let (status, cashed) = app
            .put(
                &format!("/api/v1/amaps/{SLUG}/adhesions/{adhesion}"),
                Some(&treasurer),
                json!({ "amount": "25", "state": "cashed", "payment_kind": "cheque" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{cashed}");
        assert_eq!(cashed["received_on"], app.today().to_string());
        assert_eq!(cashed["payment_kind"], "cheque");
        let (status, body) = app
            .put(&mine_path(id), Some(&member), json!({ "amount": "30" }))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(problem(&body, "amount")["code"], "adhesion_cashed");
        let (status, body) = app.delete(&mine_path(id), Some(&member)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        let (_, ledger) = app.get(&ledger_path(id), Some(&treasurer)).await;
        assert_eq!(ledger["period"]["totals"]["cashed_amount"], "25.00");
        assert_eq!(ledger["adhesions"][0]["amount"], "25.00");

        // Back to "to provide": the date goes, the member may withdraw.
        let (_, undone) = app
            .put(
                &format!("/api/v1/amaps/{SLUG}/adhesions/{adhesion}"),
                Some(&treasurer),
                json!({ "amount": "25", "state": "to_provide", "received_on": "2026-01-01" }),
            )
            .await;
        assert!(undone["received_on"].is_null(), "{undone}");
        let (status, _) = app.delete(&mine_path(id), Some(&member)).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, ledger) = app.get(&ledger_path(id), Some(&treasurer)).await;
        assert_eq!(ledger["period"]["totals"]["count"], 0);
    }
);

on_both_engines!(
    a_treasurer_records_paper_memberships_once_and_only_for_members_of_the_amap,
    |app| {
        let cast = app.cast().await;
        let treasurer = app.token(cast.treasurer.email).await;
        let member = app.token(cast.member.email).await;
        let id = period(&app, &treasurer, "Saison papier", "treasurer").await;

        // Not taken online: the member is told to see the treasurer.
        let (status, body) = app
            .put(&mine_path(id), Some(&member), json!({ "amount": "20" }))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(problem(&body, "amount")["code"], "adhesion_closed");

        // Below the minimum is the AMAP's call when the treasurer takes it.
        let entry = |who: i64| json!({ "member_id": who, "amount": "5", "state": "cashed", "payment_kind": "cash", "received_on": "02/09/2026" });
        let (status, view) = app
            .post(&ledger_path(id), Some(&treasurer), entry(cast.member.id))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{view}");
        assert_eq!(view["received_on"], "2026-09-02");
        assert_eq!(view["payment_kind"], "cash");
        let (status, body) = app
            .post(&ledger_path(id), Some(&treasurer), entry(cast.member.id))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(problem(&body, "member_id")["code"], "already_adhered");
        // AMAP B's member is nobody here.
        let (status, body) = app
            .post(&ledger_path(id), Some(&treasurer), entry(cast.outsider.id))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(problem(&body, "member_id")["code"], "unknown_value");
        // Every bad field at once.
        let (status, body) = app
            .post(
                &ledger_path(id),
                Some(&treasurer),
                json!({ "amount": "-3", "state": "lost", "payment_kind": "bitcoin", "received_on": "31/02/2026" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        for field in [
            "member_id",
            "amount",
            "state",
            "payment_kind",
            "received_on",
        ] {
            problem(&body, field);
        }

        // A member with a membership is not removed from the AMAP, nor the period deleted.
        let admin = app.token(cast.admin.email).await;
        let inactive = cast.inactive.id;
        let (status, _) = app
            .post(&ledger_path(id), Some(&treasurer), entry(inactive))
            .await;
        assert_eq!(status, StatusCode::CREATED);
        let (status, body) = app
            .delete(
                &format!("/api/v1/amaps/{SLUG}/members/{inactive}"),
                Some(&admin),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(problem(&body, "member")["code"], "has_adhesions");
        let (status, body) = app
            .delete(&format!("{}/{id}", periods_path()), Some(&treasurer))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(problem(&body, "period")["code"], "has_adhesions");
        assert_eq!(problem(&body, "period")["limit"], 2);

        // Period names are unique in the AMAP; the dates go forward.
        let (status, body) = app
            .post(
                &periods_path(),
                Some(&treasurer),
                json!({ "name": "Saison papier", "starts_on": "2026-09-01", "ends_on": "2026-08-31", "minimum": "10", "suggested": "5", "enrolment": "online" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(problem(&body, "ends_on")["code"], "invalid_date");
        assert_eq!(problem(&body, "suggested")["code"], "below_minimum");
        let (status, body) = app
            .post(
                &periods_path(),
                Some(&treasurer),
                json!({ "name": "Saison papier", "starts_on": "2026-09-01", "ends_on": "2027-08-31", "minimum": "10", "enrolment": "online" }),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(problem(&body, "name")["code"], "taken");
    }
);

on_both_engines!(
    a_template_that_requires_a_membership_waits_for_it_and_keeps_it,
    |app| {
        let cast = app.cast().await;
        let treasurer = app.token(cast.treasurer.email).await;
        let referent = app.referent_of(cast.producer_one).await;
        let referent = app.token(referent.email).await;
        let member = app.token(cast.member.email).await;
        let id = period(&app, &treasurer, "Saison 2026", "online").await;
        let template = cast.template;
        let requirement = format!("/api/v1/amaps/{SLUG}/templates/{template}/adhesion");

        // The référent reads the periods and requires one.
        let (status, periods) = app.get(&periods_path(), Some(&referent)).await;
        assert_eq!(status, StatusCode::OK, "{periods}");
        assert!(periods[0]["totals"].is_null(), "totals are the treasurer's");
        let (status, view) = app
            .put(&requirement, Some(&referent), json!({ "period_id": id }))
            .await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert_eq!(view["adhesion_period_id"], id);

        // The member's form says so; the server refuses the sign-up.
        let contract = format!("/api/v1/amaps/{SLUG}/me/contracts/{template}");
        let (_, page) = app.get(&contract, Some(&member)).await;
        assert_eq!(page["adhesion_needed"]["id"], id);
        let order =
            json!({ "grid": [{ "date": cast.first_date, "product": cast.product_one, "qty": 2 }] });
        let (status, body) = app.put(&contract, Some(&member), order.clone()).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        let refused = problem(&body, "adhesion");
        assert_eq!(refused["code"], "adhesion_required");
        assert!(
            refused["message"]
                .as_str()
                .expect("message")
                .contains("Saison 2026"),
            "{refused}"
        );

        // Adhered: the sign-up goes through, and the membership it stands on stays.
        let (status, _) = app
            .put(&mine_path(id), Some(&member), json!({ "amount": "20" }))
            .await;
        assert_eq!(status, StatusCode::OK);
        let (_, page) = app.get(&contract, Some(&member)).await;
        assert!(page["adhesion_needed"].is_null(), "{page}");
        let (status, body) = app.put(&contract, Some(&member), order).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, body) = app.delete(&mine_path(id), Some(&member)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(problem(&body, "amount")["code"], "has_contracts");
        let (status, body) = app
            .delete(&format!("{}/{id}", periods_path()), Some(&treasurer))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(problem(&body, "period")["code"], "has_adhesions", "{body}");
        let codes: Vec<&Value> = body["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| &f["code"])
            .collect();
        assert!(codes.contains(&&json!("required_by_templates")), "{body}");

        // Another AMAP's period cannot be required, nor read from there.
        let outsider = app.token(cast.outsider.email).await;
        let (status, _) = app.get(&ledger_path(id), Some(&outsider)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = app
            .get(
                &format!("/api/v1/amaps/{OTHER_SLUG}/adhesion-periods/{id}/adhesions"),
                Some(&outsider),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "a plain member of B is no treasurer there"
        );
        let (status, body) = app
            .put(
                &requirement,
                Some(&referent),
                json!({ "period_id": id + 1000 }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(problem(&body, "period_id")["code"], "unknown_value");
    }
);

on_both_engines!(two_tabs_adhering_at_once_leave_one_membership, |app| {
    let cast = app.cast().await;
    let treasurer = app.token(cast.treasurer.email).await;
    let member = app.token(cast.member.email).await;
    let id = period(&app, &treasurer, "Saison", "online").await;
    let requests = (0..6)
        .map(|i| {
            (
                reqwest::Method::PUT,
                mine_path(id),
                json!({ "amount": format!("{}", 20 + i) }),
            )
        })
        .collect();
    let answers = app.all_at_once(requests, &member).await;
    for (status, body) in &answers {
        assert!(
            *status == StatusCode::OK || *status == StatusCode::CONFLICT,
            "{status} {body}"
        );
    }
    assert!(answers.iter().any(|(s, _)| *s == StatusCode::OK));
    let (_, ledger) = app.get(&ledger_path(id), Some(&treasurer)).await;
    assert_eq!(ledger["period"]["totals"]["count"], 1, "{ledger}");
});
