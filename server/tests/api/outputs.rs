//! Producer outputs: the synthesis of a template and the delivery sheet of one date, as JSON,
//! CSV and XLSX, with who may read them.

use crate::helpers::{Cast, OTHER_SLUG, SLUG, TestApp};
use crate::on_both_engines;
use app::domain::Money;
use app::domain::contract::Nature;
use chrono::{Days, NaiveDate};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use serde_json::{Value, json};
use server::repo;

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A two-product template of producer 1 ("Légumes d'été", three weekly dates), with:
/// Marie Membre: d1 2 carrots + 1 eggs, d2 1 carrots; Alice Admin: d1 3 eggs, d2 1 carrots
/// + 2 eggs, d3 1 carrots — then d3 is cancelled.
struct Season {
    template: i64,
    carrots: i64,
    eggs: i64,
    dates: [NaiveDate; 3],
}

async fn season(app: &TestApp, cast: &Cast) -> Season {
    let db = &app.state.db;
    let amap = repo::amaps::find_by_slug(db, SLUG)
        .await
        .expect("query")
        .expect("amap")
        .id;
    let product = |name: &'static str, packaging: &'static str| {
        repo::products::insert(
            db,
            amap,
            cast.producer_one,
            repo::products::NewProduct {
                name,
                packaging,
                description: "",
                active: true,
            },
        )
    };
    let carrots = product("Carottes", "botte").await.expect("product").id;
    let eggs = product("Œufs", "boîte de 6").await.expect("product").id;
    let today = app.today();
    let first = today + Days::new(14);
    let dates = [first, first + Days::new(7), first + Days::new(14)];
    let spec = server::contracts::setup::TemplateSpec::simple(
        cast.producer_one,
        "Légumes d'été",
        Nature::Free,
        today + Days::new(7),
        dates.to_vec(),
        vec![
            (carrots, Money::from_cents(1250)),
            (eggs, Money::from_cents(320)),
        ],
    );
    let template = server::contracts::setup::create_template(db, amap, spec)
        .await
        .expect("template");
    let [d1, d2, d3] = dates;
    let path = format!("/api/v1/amaps/{SLUG}/me/contracts/{template}");
    // Marie signs up with JSON…
    let marie = app.token(cast.member.email).await;
    let grid = json!({ "grid": [
        { "date": d1, "product": carrots, "qty": 2 },
        { "date": d1, "product": eggs, "qty": 1 },
        { "date": d2, "product": carrots, "qty": 1 },
    ] });
    let (status, body) = app.put(&path, Some(&marie), grid).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // …Alice with the sign-up form's fields.
    let alice = app.token(cast.admin.email).await;
    let fields = [
        (format!("q.{d1}.{eggs}"), "3"),
        (format!("q.{d2}.{carrots}"), "1"),
        (format!("q.{d2}.{eggs}"), "2"),
        (format!("q.{d3}.{carrots}"), "1"),
    ];
    let response = app
        .client()
        .put(app.url(&path))
        .bearer_auth(&alice)
        .header("accept", "application/json")
        .form(&fields)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let (status, body) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/templates/{template}/changes"),
            Some(&alice),
            json!({ "kind": "cancel", "date": d3.to_string(), "apply": "on" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    Season {
        template,
        carrots,
        eggs,
        dates,
    }
}

/// A GET whose body is a file: status, content type, disposition, bytes.
pub(crate) async fn download(
    app: &TestApp,
    path: &str,
    token: &str,
) -> (StatusCode, String, String, Vec<u8>) {
    let response = app
        .client()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (content_type, disposition) = (header(CONTENT_TYPE), header(CONTENT_DISPOSITION));
    let status = response.status();
    let bytes = response.bytes().await.expect("body").to_vec();
    (status, content_type, disposition, bytes)
}

/// CSV records (header first), after checking the BOM and the `;` separator.
pub(crate) fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("UTF-8 byte-order mark");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect()
}

pub(crate) fn xlsx_sheet(bytes: Vec<u8>, name: &str) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    assert!(bytes.starts_with(b"PK"), "an XLSX file is a ZIP archive");
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("xlsx");
    book.worksheet_range(name).expect("sheet")
}

fn cell(range: &calamine::Range<calamine::Data>, row: usize, col: usize) -> calamine::Data {
    range
        .get((row, col))
        .cloned()
        .unwrap_or(calamine::Data::Empty)
}

on_both_engines!(synthesis_sums_every_contract_date_by_date, |app| {
    let cast = app.cast().await;
    let s = season(&app, &cast).await;
    let referent = app.token(cast.treasurer.email).await;
    let path = format!("/api/v1/amaps/{SLUG}/templates/{}/synthesis", s.template);
    let (status, body) = app.get(&path, Some(&referent)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["template"]["name"], "Légumes d'été");
    assert_eq!(body["template"]["subscriber_count"], 2);
    let ids: Vec<&Value> = body["products"]
        .as_array()
        .expect("products")
        .iter()
        .map(|p| &p["id"])
        .collect();
    assert_eq!(ids, [&json!(s.carrots), &json!(s.eggs)]);
    let [d1, d2, d3] = s.dates;
    assert_eq!(
        body["rows"],
        json!([
            { "date": d1, "cancelled": false, "quantities": [2, 4], "cumulative": [2, 4], "amount": "37.80" },
            { "date": d2, "cancelled": false, "quantities": [2, 2], "cumulative": [4, 6], "amount": "31.40" },
            { "date": d3, "cancelled": true, "quantities": [0, 0], "cumulative": [4, 6], "amount": "0.00" },
        ])
    );
    assert_eq!(body["totals"], json!([4, 6]));
    assert_eq!(body["amount"], "69.20");

    let (status, content_type, disposition, bytes) =
        download(&app, &format!("{path}?format=csv"), &referent).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "text/csv; charset=utf-8");
    assert_eq!(
        disposition,
        "attachment; filename=\"synthese-legumes-d-ete.csv\""
    );
    let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    assert_eq!(
        csv_records(&bytes),
        [
            vec![
                "Date",
                "Annulée",
                "Carottes (botte)",
                "Œufs (boîte de 6)",
                "Cumul Carottes",
                "Cumul Œufs",
                "Montant (€)"
            ],
            vec![&day(d1), "", "2", "4", "2", "4", "37,80"],
            vec![&day(d2), "", "2", "2", "4", "6", "31,40"],
            vec![&day(d3), "oui", "0", "0", "4", "6", "0,00"],
            vec!["Total", "", "4", "6", "", "", "69,20"],
        ]
    );

    let (status, content_type, disposition, bytes) =
        download(&app, &format!("{path}?format=xlsx"), &referent).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, XLSX_TYPE);
    assert_eq!(
        disposition,
        "attachment; filename=\"synthese-legumes-d-ete.xlsx\""
    );
    let sheet = xlsx_sheet(bytes, "Synthèse");
    assert_eq!(
        cell(&sheet, 0, 2),
        calamine::Data::String("Carottes (botte)".into())
    );
    assert_eq!(cell(&sheet, 2, 5), calamine::Data::Float(6.0));
    assert_eq!(cell(&sheet, 4, 0), calamine::Data::String("Total".into()));
    assert_eq!(cell(&sheet, 4, 3), calamine::Data::Float(6.0));
    assert_eq!(cell(&sheet, 4, 6), calamine::Data::Float(69.2));

    let (status, body) = app
        .get(&format!("{path}?format=pdf"), Some(&referent))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["fields"][0]["field"], "format");
});

on_both_engines!(delivery_sheet_lists_members_by_last_name, |app| {
    let cast = app.cast().await;
    let s = season(&app, &cast).await;
    let admin = app.token(cast.admin.email).await;
    let [d1, _, d3] = s.dates;
    let path = |d: NaiveDate| {
        format!(
            "/api/v1/amaps/{SLUG}/templates/{}/deliveries/{d}",
            s.template
        )
    };
    let (status, body) = app.get(&path(d1), Some(&admin)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["date"], json!(d1));
    assert_eq!(
        body["rows"],
        json!([
            { "member": { "id": cast.admin.id, "name": "Alice Admin" }, "quantities": [0, 3], "amount": "9.60" },
            { "member": { "id": cast.member.id, "name": "Marie Membre" }, "quantities": [2, 1], "amount": "28.20" },
        ])
    );
    assert_eq!(body["totals"], json!([2, 4]));
    assert_eq!(body["amount"], "37.80");

    // A cancelled date has nothing to hand out; a date outside the template does not exist.
    let (status, body) = app.get(&path(d3), Some(&admin)).await;
    assert_eq!((status, body["rows"].clone()), (StatusCode::OK, json!([])));
    let (status, _) = app.get(&path(d1 + Days::new(1)), Some(&admin)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .get(
            &format!(
                "/api/v1/amaps/{SLUG}/templates/{}/deliveries/demain",
                s.template
            ),
            Some(&admin),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, content_type, disposition, bytes) =
        download(&app, &format!("{}?format=csv", path(d1)), &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "text/csv; charset=utf-8");
    assert_eq!(
        disposition,
        format!("attachment; filename=\"livraison-legumes-d-ete-{d1}.csv\"")
    );
    assert_eq!(
        csv_records(&bytes),
        [
            [
                "Amapien",
                "Carottes (botte)",
                "Œufs (boîte de 6)",
                "Montant (€)"
            ],
            ["Alice Admin", "0", "3", "9,60"],
            ["Marie Membre", "2", "1", "28,20"],
            ["Total", "2", "4", "37,80"],
        ]
    );

    let (status, content_type, disposition, bytes) =
        download(&app, &format!("{}?format=xlsx", path(d1)), &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, XLSX_TYPE);
    assert!(
        disposition.ends_with(&format!("-{d1}.xlsx\"")),
        "{disposition}"
    );
    let sheet = xlsx_sheet(bytes, "Livraison");
    assert_eq!(
        cell(&sheet, 2, 0),
        calamine::Data::String("Marie Membre".into())
    );
    assert_eq!(cell(&sheet, 3, 2), calamine::Data::Float(4.0));
    assert_eq!(cell(&sheet, 3, 3), calamine::Data::Float(37.8));
});

on_both_engines!(outputs_are_for_the_producers_people_only, |app| {
    let cast = app.cast().await;
    let s = season(&app, &cast).await;
    let d1 = s.dates[0];
    let paths = [
        format!(
            "/api/v1/amaps/{SLUG}/templates/{}/synthesis?format=csv",
            s.template
        ),
        format!(
            "/api/v1/amaps/{SLUG}/templates/{}/deliveries/{d1}?format=xlsx",
            s.template
        ),
    ];
    let member = app.token(cast.member.email).await;
    let outsider = app.token(cast.outsider.email).await;
    let other_referent = app.token(cast.referent.email).await;
    for path in &paths {
        assert_eq!(
            app.get(path, Some(&member)).await.0,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            app.get(path, Some(&other_referent)).await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.get(path, Some(&outsider)).await.0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(app.get(path, None).await.0, StatusCode::UNAUTHORIZED);
        // Through AMAP B's address, AMAP A's template does not exist either.
        let other = path.replace(SLUG, OTHER_SLUG);
        assert_eq!(
            app.get(&other, Some(&outsider)).await.0,
            StatusCode::NOT_FOUND
        );
    }
    // The producer's own people read what they must deliver, without managing anything.
    let admin = app.token(cast.admin.email).await;
    let (status, body) = app
        .post(
            &format!("/api/v1/amaps/{SLUG}/roles"),
            Some(&admin),
            json!({ "member_id": cast.referent.id, "role": "producer", "producer_id": cast.producer_one, "granted": true }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for path in &paths {
        let (status, _, _, bytes) = download(&app, path, &other_referent).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(!bytes.is_empty());
    }
    let (status, _) = app
        .get(
            &format!("/api/v1/amaps/{SLUG}/templates/{}", s.template),
            Some(&other_referent),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
});

on_both_engines!(
    the_producer_gets_the_delivery_sheet_before_the_distribution_once,
    |app| {
        let cast = app.cast().await;
        app.ensure_contract(&cast).await;
        let producer = app.producer_account(cast.producer_one).await;
        let amap = app.amap_id(crate::helpers::SLUG).await;
        let farm = server::repo::producers::find(
            &app.state.db,
            amap,
            app::domain::ProducerId(cast.producer_one),
        )
        .await
        .expect("query")
        .expect("producer");
        let lead = if farm.notice_days > 0 {
            farm.notice_days as u64
        } else {
            2
        };
        let at = |date: chrono::NaiveDate| date.and_hms_opt(12, 0, 0).expect("noon").and_utc();
        // Each pass runs at the application's clock, which the outbox follows too.
        let pass = |at: chrono::DateTime<chrono::Utc>| {
            app.state.clock.set(at);
            let state = app.state.clone();
            async move {
                let queued = server::mail::sheets::queue_due(&state, at)
                    .await
                    .expect("pass");
                state.mailer.wake();
                queued
            }
        };
        // The day before it is due: nothing.
        let early = cast.first_date - chrono::Days::new(lead + 1);
        let queued = pass(at(early)).await;
        assert_eq!(queued, 0);
        // On the day: the producer's account gets the sheet, attached.
        let due = cast.first_date - chrono::Days::new(lead);
        let queued = pass(at(due)).await;
        assert_eq!(queued, 1, "the producer's one account");
        let rows = crate::mailbox::queued_to(&app, producer.email).await;
        assert_eq!(rows.len(), 1);
        let mail = crate::mailbox::arrival(&rows[0].message_id).await;
        assert!(mail.subject.contains("livraison du"), "{}", mail.subject);
        assert!(mail.text.contains("1 adhérent(s)"), "{}", mail.text);
        let (name, bytes) = mail.attachments.first().expect("the sheet attached");
        assert!(
            name.ends_with(&format!("{}.xlsx", cast.first_date)),
            "{name}"
        );
        // The attachment is the sheet: the member's row is in it.
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.clone()))
            .expect("an XLSX file");
        let sheet = book
            .worksheet_range_at(0)
            .expect("a sheet")
            .expect("readable");
        let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
        assert!(cells.iter().any(|c| c.contains("Membre")), "{cells:?}");
        // Later passes, a restart: never a second copy.
        for _ in 0..2 {
            let again = pass(at(due)).await;
            assert_eq!(again, 0);
        }
        assert_eq!(
            crate::mailbox::queued_to(&app, producer.email).await.len(),
            1
        );
    }
);
