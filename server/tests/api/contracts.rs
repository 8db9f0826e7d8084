//! Contract templates and sign-ups through the API: rules re-checked by the server, stock
//! held by the database under concurrency, deadlines in the AMAP's time zone, référent
//! changes with their impact preview.

use crate::helpers::{Cast, SLUG, TestApp, assert_error_shape};
use crate::on_both_engines;
use app::domain::contract::{
    Binds, Conversion, DateScope, EntryRule, Nature, Operator, ProductScope, StockLimit,
};
use app::domain::{Money, ProductId};
use chrono::{Days, NaiveDate};
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::contracts::setup::{TemplateSpec, create_template};
use server::repo;

async fn amap_id(app: &TestApp) -> i64 {
    app.amap_id(SLUG).await
}

async fn product(app: &TestApp, cast: &Cast, name: &str) -> i64 {
    repo::products::insert(
        &app.state.db,
        amap_id(app).await,
        cast.producer_one,
        repo::products::NewProduct {
            name,
            packaging: "",
            description: "",
            active: true,
        },
    )
    .await
    .expect("product")
    .id
}

fn contract_path(template: i64) -> String {
    format!("/api/v1/amaps/{SLUG}/me/contracts/{template}")
}

fn field<'a>(body: &'a Value, name: &str) -> Option<&'a Value> {
    body["fields"]
        .as_array()?
        .iter()
        .find(|f| f["field"] == name)
}

/// A wine template: bottles only by 6, 14 days from now, sign-up open a week.
async fn wine(app: &TestApp, cast: &Cast) -> (i64, i64, NaiveDate) {
    let bottle = product(app, cast, "Vin rouge").await;
    let date = app.today() + Days::new(14);
    let mut spec = TemplateSpec::simple(
        cast.producer_one,
        "Vins",
        Nature::Free,
        app.today() + Days::new(7),
        vec![date],
        vec![(bottle, Money::from_cents(850))],
    );
    spec.rules = vec![EntryRule {
        dates: DateScope::EachDate,
        products: ProductScope::One(ProductId(bottle)),
        operator: Operator::MultipleOf,
        value: 6,
        message: None,
        binds: Binds::Everyone,
    }];
    let id = create_template(&app.state.db, amap_id(app).await, spec)
        .await
        .expect("template");
    (id, bottle, date)
}

on_both_engines!(the_server_rechecks_entry_rules_the_browser_applied, |app| {
    let cast = app.cast().await;
    let (template, bottle, date) = wine(&app, &cast).await;
    let member = app.token(cast.member.email).await;
    let cell = format!("q.{date}.{bottle}");

    let (status, body) = app
        .put(
            &contract_path(template),
            Some(&member),
            json!({ "grid": [{ "date": date, "product": bottle, "qty": 5 }] }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_error_shape(&body, "validation");
    let problem = field(&body, &cell).expect("the cell is named");
    assert_eq!(problem["code"], "multiple_of");
    assert!(
        problem["message"]
            .as_str()
            .expect("message")
            .contains("multiple de 6"),
        "{problem}"
    );

    let (status, body) = app
        .put(
            &contract_path(template),
            Some(&member),
            json!({ "grid": [{ "date": date, "product": bottle, "qty": 6 }] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, mine) = app
        .get(&format!("/api/v1/amaps/{SLUG}/me/contracts"), Some(&member))
        .await;
    let contract = mine["mine"]
        .as_array()
        .expect("mine")
        .iter()
        .find(|c| c["template"]["id"] == template)
        .expect("listed");
    assert_eq!(contract["amount"], "51.00");
    assert_eq!(contract["units"], 6);
    // One contract per member per template: a second post replaces, never duplicates.
    let (status, _) = app
        .put(
            &contract_path(template),
            Some(&member),
            json!({ "grid": [{ "date": date, "product": bottle, "qty": 12 }] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, subs) = app
        .get(
            &format!("/api/v1/amaps/{SLUG}/templates/{template}/subscriptions"),
            Some(&app.token(cast.admin.email).await),
        )
        .await;
    assert_eq!(subs.as_array().expect("rows").len(), 1);
    assert_eq!(subs[0]["units"], 12);
});

on_both_engines!(a_plain_form_post_keeps_what_was_typed_on_error, |app| {
    let cast = app.cast().await;
    let (template, bottle, date) = wine(&app, &cast).await;
    let member = app.token(cast.member.email).await;
    let back = format!("/a/{SLUG}/contrats/{template}");
    let cell = format!("q.{date}.{bottle}");
    let browser = app.browser();
    let response = browser
        .post(app.url(&contract_path(template)))
        .bearer_auth(&member)
        .header("Accept", "text/html")
        .form(&[
            ("_method", "PUT"),
            (cell.as_str(), "5"),
            ("_next", "/fini"),
            ("_back", back.as_str()),
            ("form", "contract"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Back to the form with nothing typed in the URL (it would end up in history and logs).
    assert_eq!(response.headers()["location"], back.as_str());
    // The page shown next has the problem beside the field, and what was typed.
    let page = browser
        .get(app.url(&back))
        .bearer_auth(&member)
        .header("Accept", "text/html")
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(
        page.contains("Quantité à commander par multiple de 6."),
        "{page}"
    );
    let input = page
        .split("<input")
        .find(|i| i.contains(&format!("name=\"{cell}\"")))
        .expect("the cell's input");
    assert!(
        input.contains("value=\"5\"") && input.contains("aria-invalid=\"true\""),
        "{input}"
    );
});

on_both_engines!(
    two_hundred_members_never_get_more_than_fifty_baskets,
    |app| {
        let cast = app.cast().await;
        let basket = product(&app, &cast, "Panier unique").await;
        let date = app.today() + Days::new(10);
        let mut spec = TemplateSpec::simple(
            cast.producer_one,
            "Paniers limités",
            Nature::Free,
            app.today() + Days::new(3),
            vec![date],
            vec![(basket, Money::from_cents(1200))],
        );
        spec.limits = vec![StockLimit {
            product: ProductId(basket),
            date: None,
            available: 50,
        }];
        let template = create_template(&app.state.db, amap_id(&app).await, spec)
            .await
            .expect("template");
        let crowd = app.crowd(SLUG, 200).await;
        let body = json!({ "grid": [{ "date": date, "product": basket, "qty": 1 }] });
        let requests = crowd.iter().map(|(_, token)| {
            let request = app
                .client()
                .put(app.url(&contract_path(template)))
                .bearer_auth(token)
                .json(&body);
            async move {
                let response = request.send().await.expect("request");
                let status = response.status();
                (
                    status,
                    response.json::<Value>().await.unwrap_or(Value::Null),
                )
            }
        });
        let answers = futures::future::join_all(requests).await;
        let won = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
        let refused: Vec<&Value> = answers
            .iter()
            .filter(|(s, _)| *s == StatusCode::CONFLICT)
            .map(|(_, b)| b)
            .collect();
        assert_eq!(
            won,
            50,
            "statuses: {:?}",
            answers.iter().map(|(s, _)| s.as_u16()).collect::<Vec<_>>()
        );
        assert_eq!(refused.len(), 150);
        for body in refused {
            assert_error_shape(body, "conflict");
            let problem =
                field(body, &format!("q.{date}.{basket}")).expect("date and product named");
            assert_eq!(problem["code"], "out_of_stock");
            assert!(
                problem["message"]
                    .as_str()
                    .expect("message")
                    .contains("Panier unique"),
                "{problem}"
            );
        }
        // The rows agree with the counter: exactly 50 baskets are held.
        let admin = app.token(cast.admin.email).await;
        let (_, subs) = app
            .get(
                &format!("/api/v1/amaps/{SLUG}/templates/{template}/subscriptions"),
                Some(&admin),
            )
            .await;
        let held: u64 = subs
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["units"].as_u64().expect("units"))
            .sum();
        assert_eq!(held, 50);
        let (_, view) = app
            .get(
                &format!("/api/v1/amaps/{SLUG}/templates/{template}"),
                Some(&admin),
            )
            .await;
        assert_eq!(view["stock"][0]["used"], 50);
        assert_eq!(view["stock"][0]["capacity"], 50);
        // Withdrawing gives a basket back to the next member.
        let (_, first) = &crowd[answers
            .iter()
            .position(|(s, _)| *s == StatusCode::OK)
            .expect("a winner")];
        let (status, _) = app.delete(&contract_path(template), Some(first)).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, last) = &crowd[answers
            .iter()
            .position(|(s, _)| *s == StatusCode::CONFLICT)
            .expect("a loser")];
        let (status, _) = app
            .put(&contract_path(template), Some(last), body.clone())
            .await;
        assert_eq!(status, StatusCode::OK);
    }
);

on_both_engines!(a_large_basket_consumes_two_small_ones, |app| {
    let cast = app.cast().await;
    let small = product(&app, &cast, "Petit panier").await;
    let large = product(&app, &cast, "Grand panier").await;
    let date = app.today() + Days::new(10);
    let mut spec = TemplateSpec::simple(
        cast.producer_one,
        "Paniers",
        Nature::Free,
        app.today() + Days::new(3),
        vec![date],
        vec![
            (small, Money::from_cents(1000)),
            (large, Money::from_cents(1800)),
        ],
    );
    spec.limits = vec![StockLimit {
        product: ProductId(small),
        date: None,
        available: 5,
    }];
    spec.conversions = vec![Conversion {
        product: ProductId(large),
        stock_product: ProductId(small),
        coefficient: 2,
    }];
    let template = create_template(&app.state.db, amap_id(&app).await, spec)
        .await
        .expect("template");
    let member = app.token(cast.member.email).await;
    let (status, _) = app
        .put(
            &contract_path(template),
            Some(&member),
            json!({ "grid": [{ "date": date, "product": large, "qty": 2 }] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let other = app.token(cast.treasurer.email).await;
    let (status, body) = app
        .put(
            &contract_path(template),
            Some(&other),
            json!({ "grid": [{ "date": date, "product": small, "qty": 2 }] }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        field(&body, &format!("q.{date}.{small}")).expect("named")["limit"],
        1
    );
    let (status, _) = app
        .put(
            &contract_path(template),
            Some(&other),
            json!({ "grid": [{ "date": date, "product": small, "qty": 1 }] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
});

on_both_engines!(
    deadlines_close_sign_up_and_late_joiners_start_after_the_notice,
    |app| {
        let cast = app.cast().await;
        let basket = product(&app, &cast, "Panier tardif").await;
        // Producer 1 needs 7 days' notice; the deadline was yesterday.
        let dates: Vec<NaiveDate> = [3, 10, 17]
            .iter()
            .map(|d| app.today() + Days::new(*d))
            .collect();
        let mut spec = TemplateSpec::simple(
            cast.producer_one,
            "Tardifs",
            Nature::Free,
            app.today() - Days::new(1),
            dates.clone(),
            vec![(basket, Money::from_cents(1000))],
        );
        let closed = create_template(&app.state.db, amap_id(&app).await, spec)
            .await
            .expect("template");
        let member = app.token(cast.member.email).await;
        let all_dates = |qty: u32| json!({ "grid": dates.iter().map(|d| json!({ "date": d, "product": basket, "qty": qty })).collect::<Vec<_>>() });
        let (status, body) = app
            .put(&contract_path(closed), Some(&member), all_dates(1))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(
            body["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .all(|f| f["code"] == "date_closed"),
            "{body}"
        );

        spec = TemplateSpec::simple(
            cast.producer_one,
            "Tardifs bienvenus",
            Nature::Free,
            app.today() - Days::new(1),
            dates.clone(),
            vec![(basket, Money::from_cents(1000))],
        );
        spec.late_joiners = true;
        let late = create_template(&app.state.db, amap_id(&app).await, spec)
            .await
            .expect("template");
        let (_, page) = app.get(&contract_path(late), Some(&member)).await;
        assert_eq!(
            page["window"]["late_from"]["from"],
            dates[1].to_string(),
            "{page}"
        );
        // The first date is within the producer's notice: refused; the later ones are fine.
        let (status, body) = app
            .put(&contract_path(late), Some(&member), all_dates(1))
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(
            field(&body, &format!("q.{}.{basket}", dates[0])).is_some(),
            "{body}"
        );
        let later = json!({ "grid": dates[1..].iter().map(|d| json!({ "date": d, "product": basket, "qty": 1 })).collect::<Vec<_>>() });
        let (status, body) = app.put(&contract_path(late), Some(&member), later).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["late"], true);
    }
);

on_both_engines!(drafts_are_invisible_to_members, |app| {
    let cast = app.cast().await;
    let basket = product(&app, &cast, "Panier brouillon").await;
    let mut spec = TemplateSpec::simple(
        cast.producer_one,
        "Brouillon",
        Nature::Free,
        app.today() + Days::new(3),
        vec![app.today() + Days::new(10)],
        vec![(basket, Money::from_cents(1000))],
    );
    spec.state = app::domain::contract::TemplateState::Draft;
    let draft = create_template(&app.state.db, amap_id(&app).await, spec)
        .await
        .expect("template");
    let member = app.token(cast.member.email).await;
    assert_eq!(
        app.get(&contract_path(draft), Some(&member)).await.0,
        StatusCode::NOT_FOUND
    );
    let (_, mine) = app
        .get(&format!("/api/v1/amaps/{SLUG}/me/contracts"), Some(&member))
        .await;
    assert!(!mine["offered"].to_string().contains("Brouillon"));
    let admin = app.token(cast.admin.email).await;
    let (status, body) = app
        .put(
            &format!("/api/v1/amaps/{SLUG}/templates/{draft}/state"),
            Some(&admin),
            json!({ "state": "active" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, mine) = app
        .get(&format!("/api/v1/amaps/{SLUG}/me/contracts"), Some(&member))
        .await;
    assert!(mine["offered"].to_string().contains("Brouillon"));
});

on_both_engines!(
    publishing_refuses_products_left_at_zero_and_names_them,
    |app| {
        let cast = app.cast().await;
        let priced = product(&app, &cast, "Poireaux").await;
        let free = product(&app, &cast, "Courges").await;
        let mut spec = TemplateSpec::simple(
            cast.producer_one,
            "Hiver sans prix",
            Nature::Free,
            app.today() + Days::new(3),
            vec![app.today() + Days::new(10)],
            vec![(priced, Money::from_cents(300)), (free, Money::ZERO)],
        );
        spec.state = app::domain::contract::TemplateState::Draft;
        let draft = create_template(&app.state.db, amap_id(&app).await, spec)
            .await
            .expect("template");
        let admin = app.token(cast.admin.email).await;
        let state = format!("/api/v1/amaps/{SLUG}/templates/{draft}/state");
        let (status, body) = app
            .put(&state, Some(&admin), json!({ "state": "active" }))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(
            (
                body["fields"][0]["field"].as_str(),
                body["fields"][0]["code"].as_str()
            ),
            (Some("products"), Some("unpriced"))
        );
        let message = body["fields"][0]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("Courges") && !message.contains("Poireaux"),
            "{message}"
        );
        // Still a draft; once priced, it publishes.
        let (_, members_view) = app
            .get(
                &format!("/api/v1/amaps/{SLUG}/me/contracts"),
                Some(&app.token(cast.member.email).await),
            )
            .await;
        assert!(
            !members_view["offered"]
                .to_string()
                .contains("Hiver sans prix")
        );
        let (status, body) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/templates/{draft}/changes"),
            Some(&admin),
            json!({ "kind": "set_price", "product_id": free.to_string(), "price": "2,50", "apply": "on" }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, body) = app
            .put(&state, Some(&admin), json!({ "state": "active" }))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
);

on_both_engines!(
    a_referent_enters_paper_contracts_free_of_member_only_rules,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let template = cast.template;
        // The cast's template binds members to at most 10 per date (members only).
        let path = format!(
            "/api/v1/amaps/{SLUG}/templates/{template}/subscriptions/{}",
            cast.treasurer.id
        );
        let twelve = json!({ "grid": [{ "date": cast.first_date, "product": cast.product_one, "qty": 12 }] });
        let (status, body) = app.put(&path, Some(&admin), twelve.clone()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["edited_by_referent"], true);
        let treasurer = app.token(cast.treasurer.email).await;
        let (status, body) = app
            .put(&contract_path(template), Some(&treasurer), twelve)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            field(
                &body,
                &format!("q.{}.{}", cast.first_date, cast.product_one)
            )
            .expect("named")["code"],
            "at_most"
        );
        // A member never sees another member's contract: their page shows their own (none).
        let (_, page) = app
            .get(
                &contract_path(template),
                Some(&app.token(cast.referent.email).await),
            )
            .await;
        assert!(page["mine"].is_null(), "{page}");
    }
);

on_both_engines!(
    mass_changes_list_the_impacted_members_before_applying,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let changes = format!("/api/v1/amaps/{SLUG}/templates/{}/changes", cast.template);
        let cancel = json!({ "kind": "cancel", "date": cast.first_date.to_string() });
        let (status, preview) = app.post(&changes, Some(&admin), cancel.clone()).await;
        assert_eq!(status, StatusCode::OK, "{preview}");
        assert_eq!(preview["applied"], false);
        assert_eq!(preview["impacted"][0]["member"]["name"], "Marie Membre");
        assert_eq!(preview["impacted"][0]["amount_before"], "60.00");
        assert_eq!(preview["impacted"][0]["amount_after"], "45.00");
        let member = app.token(cast.member.email).await;
        let (_, before) = app
            .get(
                &format!("/api/v1/amaps/{SLUG}/me/deliveries"),
                Some(&member),
            )
            .await;
        assert_eq!(
            before["lines"].as_array().expect("lines").len(),
            4,
            "preview changed nothing"
        );

        let mut apply = cancel;
        apply["apply"] = json!("on");
        let (status, done) = app.post(&changes, Some(&admin), apply).await;
        assert_eq!((status, &done["applied"]), (StatusCode::OK, &json!(true)));
        let (_, after) = app
            .get(
                &format!("/api/v1/amaps/{SLUG}/me/deliveries"),
                Some(&member),
            )
            .await;
        assert_eq!(after["lines"].as_array().expect("lines").len(), 3);
        // The cancelled date is closed to everyone now.
        let (status, body) = app
        .put(&contract_path(cast.template), Some(&member), json!({ "grid": [{ "date": cast.first_date, "product": cast.product_one, "qty": 1 }] }))
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(body["fields"][0]["code"], "cell_closed");

        // A price change lists who pays more.
        let price = json!({ "kind": "set_price", "product_id": cast.product_one.to_string(), "price": "16,50", "apply": "on" });
        let (_, changed) = app.post(&changes, Some(&admin), price).await;
        assert_eq!(changed["impacted"][0]["amount_after"], "49.50");
    }
);

on_both_engines!(a_referent_cannot_touch_another_producers_templates, |app| {
    let cast = app.cast().await;
    // The cast's référent refers producer 2; the template is producer 1's.
    let referent = app.token(cast.referent.email).await;
    let base = format!("/api/v1/amaps/{SLUG}/templates/{}", cast.template);
    assert_eq!(
        app.get(&base, Some(&referent)).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, _) = app
        .post(
            &format!("{base}/changes"),
            Some(&referent),
            json!({ "kind": "delete_date", "date": cast.first_date.to_string(), "apply": "on" }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, list) = app
        .get(&format!("/api/v1/amaps/{SLUG}/templates"), Some(&referent))
        .await;
    assert_eq!(list.as_array().expect("list").len(), 0, "{list}");
    // Creating one for producer 1 is refused; for producer 2 it works.
    let form = |producer: i64| {
        json!({ "producer_id": producer.to_string(), "name": format!("Contrat {producer}"), "nature": "fixed_basket",
        "deadline": cast.first_date.to_string(), "frequency": "monthly_same_weekday",
        "first_date": cast.first_date.to_string(), "last_date": (cast.first_date + Days::new(90)).to_string() })
    };
    let create = format!("/api/v1/amaps/{SLUG}/templates");
    assert_eq!(
        app.post(&create, Some(&referent), form(cast.producer_one))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let (status, view) = app
        .post(&create, Some(&referent), form(cast.producer_two))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{view}");
    assert_eq!(view["summary"]["state"], "draft");
    let dates = view["dates"].as_array().expect("dates");
    assert!(
        (3..=4).contains(&dates.len()),
        "monthly over 90 days: {view}"
    );
});

on_both_engines!(a_producer_lists_only_the_templates_it_delivers, |app| {
    let cast = app.cast().await;
    let member = app.token(cast.member.email).await;
    let list = format!("/api/v1/amaps/{SLUG}/templates");
    assert_eq!(app.get(&list, Some(&member)).await.0, StatusCode::FORBIDDEN);
    server::services::members::apply_role_change(
        &app.state.db,
        amap_id(&app).await,
        app::domain::UserId(cast.member.id),
        app::api::members::RoleChange::Producer(app::domain::ProducerId(cast.producer_one), true),
    )
    .await
    .expect("producer role");
    let (status, templates) = app.get(&list, Some(&member)).await;
    assert_eq!(status, StatusCode::OK);
    let ids: Vec<i64> = templates
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|t| t["id"].as_i64())
        .collect();
    assert_eq!(ids, vec![cast.template]);
    // Reading is not managing.
    let editor = format!("/api/v1/amaps/{SLUG}/templates/{}", cast.template);
    assert_eq!(
        app.get(&editor, Some(&member)).await.0,
        StatusCode::FORBIDDEN
    );
});

on_both_engines!(
    a_saved_contract_is_mailed_to_its_member_with_its_cheques,
    |app| {
        let cast = app.cast().await;
        let (template, bottle, date) = wine(&app, &cast).await;
        let member = app.token(cast.member.email).await;
        let (status, body) = app
            .put(
                &contract_path(template),
                Some(&member),
                json!({ "grid": [{ "date": date, "product": bottle, "qty": 6 }] }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let mail = crate::mailbox::only_mail_to(&app, cast.member.email).await;
        // Amounts are written with a no-break space before the euro sign.
        let text = mail.text.replace(['\u{a0}', '\u{202f}'], " ");
        assert!(
            mail.subject.contains("« Vins » enregistré"),
            "{}",
            mail.subject
        );
        assert!(text.contains("6 × Vin rouge (8,50 €)"), "{}", mail.text);
        assert!(text.contains("51,00 €"), "{}", mail.text);
        assert!(
            mail.text
                .contains(&format!("/a/{SLUG}/contrats/{template}")),
            "a link to the contract: {}",
            mail.text
        );
        // A refused save mails nothing; a référent's correction says who changed it.
        let (status, _) = app
            .put(
                &contract_path(template),
                Some(&member),
                json!({ "grid": [{ "date": date, "product": bottle, "qty": 5 }] }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            crate::mailbox::queued_to(&app, cast.member.email)
                .await
                .len(),
            1
        );
        let referent = app.referent_of(cast.producer_one).await;
        let referent = app.token(referent.email).await;
        let (status, body) = app
            .put(
                &format!(
                    "/api/v1/amaps/{SLUG}/templates/{template}/subscriptions/{}",
                    cast.member.id
                ),
                Some(&referent),
                json!({ "grid": [{ "date": date, "product": bottle, "qty": 12 }] }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let rows = crate::mailbox::queued_to(&app, cast.member.email).await;
        assert_eq!(rows.len(), 2);
        let second = crate::mailbox::arrival(&rows[1].message_id).await;
        assert!(second.text.contains("12 × Vin rouge"), "{}", second.text);
        assert!(second.text.contains("référent"), "{}", second.text);
    }
);

on_both_engines!(a_first_publication_tells_every_active_member, |app| {
    let cast = app.cast().await;
    let leeks = product(&app, &cast, "Poireaux").await;
    let mut spec = TemplateSpec::simple(
        cast.producer_one,
        "Poireaux d'hiver",
        Nature::Free,
        app.today() + Days::new(3),
        vec![app.today() + Days::new(10), app.today() + Days::new(17)],
        vec![(leeks, Money::from_cents(300))],
    );
    spec.state = app::domain::contract::TemplateState::Draft;
    let draft = create_template(&app.state.db, amap_id(&app).await, spec)
        .await
        .expect("template");
    let admin = app.token(cast.admin.email).await;
    let state = format!("/api/v1/amaps/{SLUG}/templates/{draft}/state");
    let (status, body) = app
        .put(&state, Some(&admin), json!({ "state": "active" }))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mail = crate::mailbox::only_mail_to(&app, cast.member.email).await;
    assert!(
        mail.subject.contains("nouveau contrat : Poireaux d'hiver"),
        "{}",
        mail.subject
    );
    assert!(
        mail.text.contains(&format!("/a/{SLUG}/contrats/{draft}")),
        "{}",
        mail.text
    );
    assert!(
        crate::mailbox::queued_to(&app, cast.inactive.email)
            .await
            .is_empty()
    );
    assert!(
        crate::mailbox::queued_to(&app, cast.outsider.email)
            .await
            .is_empty()
    );
    // Archived and brought back, or back to draft and published again: no second one.
    for to in ["archived", "active", "draft", "active"] {
        let (status, body) = app.put(&state, Some(&admin), json!({ "state": to })).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    assert_eq!(
        crate::mailbox::queued_to(&app, cast.member.email)
            .await
            .len(),
        1
    );
});
