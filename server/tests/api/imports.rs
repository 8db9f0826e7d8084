//! Importing a member list and managing members one by one: a file is read and checked line
//! by line before anything is written, imported whole or not at all; admins correct,
//! deactivate and remove members, with the reasons when they may not.

use crate::helpers::{OTHER_SLUG, SLUG, TestApp};
use crate::mailbox::queued_to;
use crate::on_both_engines;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Sends `bytes` as the file `name`, asking for JSON: the status and the preview.
async fn upload(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
    let form = reqwest::multipart::Form::new().part("file", part);
    let response = app
        .client()
        .post(app.url(&format!("/api/v1/amaps/{SLUG}/members/imports")))
        .bearer_auth(token)
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn import_path(preview: &Value) -> String {
    format!(
        "/api/v1/amaps/{SLUG}/members/imports/{}",
        preview["id"].as_str().expect("preview id")
    )
}

fn line(preview: &Value, number: u64) -> &Value {
    preview["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|l| l["line"] == number)
        .expect("line in the preview")
}

fn codes(line: &Value) -> Vec<(String, String)> {
    line["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["field"].as_str().unwrap_or_default().to_owned(),
                p["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

async fn member_emails(app: &TestApp, token: &str) -> Vec<String> {
    let (_, list) = app
        .get(&format!("/api/v1/amaps/{SLUG}/members"), Some(token))
        .await;
    list.as_array()
        .expect("members")
        .iter()
        .map(|m| m["email"].as_str().unwrap_or_default().to_owned())
        .collect()
}

on_both_engines!(a_list_is_checked_line_by_line_then_imported_whole, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let before = member_emails(&app, &admin).await;
    // A French Excel CSV: `;`, Windows-1252 ("Léa" is L, 0xE9, a). Line 3 lacks a last name,
    // line 4 repeats line 2's address, line 5 is already a member, line 6 is a member of
    // AMAP B (an existing account: it joins).
    let mut csv = b"Nom;Pr\xe9nom;Courriel;T\xe9l;Ville;Remarques\r\n".to_vec();
    csv.extend_from_slice(b"Durand;L\xe9a;lea.durand@example.org;612345678;Lyon;\r\n");
    csv.extend_from_slice(b";Paul;paul@example.org;;;\r\n");
    csv.extend_from_slice(b"Autre;L\xe9a;LEA.DURAND@example.org;;;\r\n");
    csv.extend_from_slice(format!("Membre;Deja;{};;;\r\n", cast.member.email).as_bytes());
    csv.extend_from_slice(format!("Dehors;Olive;{};;;\r\n", cast.outsider.email).as_bytes());
    let (status, preview) = upload(&app, &admin, "adherents.csv", csv).await;
    assert_eq!(status, StatusCode::CREATED, "{preview}");
    assert_eq!(preview["importable"], false);
    assert_eq!(preview["ignored_columns"], json!(["Remarques"]));
    assert_eq!(line(&preview, 2)["first_name"], "Léa");
    assert_eq!(line(&preview, 2)["phone1"], "06 12 34 56 78");
    assert_eq!(codes(line(&preview, 2)), vec![]);
    assert_eq!(
        codes(line(&preview, 3)),
        vec![("last_name".into(), "required".into())]
    );
    assert_eq!(
        codes(line(&preview, 4)),
        vec![("email".into(), "duplicate".into())]
    );
    assert_eq!(line(&preview, 4)["problems"][0]["limit"], 2);
    assert_eq!(
        codes(line(&preview, 5)),
        vec![("email".into(), "already_member".into())]
    );
    // Whether an address has an account elsewhere is not said.
    assert!(line(&preview, 6).get("has_account").is_none());
    assert_eq!(codes(line(&preview, 6)), vec![]);
    assert_eq!(preview["ready"], 2);

    // All or nothing: the import of a file with problems names each line, writes nothing.
    let (status, refused) = app
        .post(
            &import_path(&preview),
            Some(&admin),
            json!({ "invite": true }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(
        refused.to_string().contains("line_3.last_name"),
        "{refused}"
    );
    assert_eq!(member_emails(&app, &admin).await, before);
    assert!(queued_to(&app, "lea.durand@example.org").await.is_empty());

    // The corrected file (XLSX this time, as a spreadsheet saves it) imports whole.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, text) in [
        "Nom",
        "Prénom",
        "E-mail",
        "Téléphone 1",
        "Code postal",
        "Ville",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, *text).expect("cell");
    }
    let rows = [
        ("Durand", "Léa", "lea.durand@example.org"),
        ("Martin", "Paul", "paul@example.org"),
        ("Dehors", "Olive", cast.outsider.email),
    ];
    for (row, (last, first, email)) in rows.iter().enumerate() {
        let r = row as u32 + 1;
        sheet.write_string(r, 0, *last).expect("cell");
        sheet.write_string(r, 1, *first).expect("cell");
        sheet.write_string(r, 2, *email).expect("cell");
        // Typed as numbers: the spreadsheet dropped the leading zeros.
        sheet.write_number(r, 3, 612345678.0).expect("cell");
        sheet.write_number(r, 4, 1000.0).expect("cell");
        sheet.write_string(r, 5, "Bourg").expect("cell");
    }
    let bytes = book.save_to_buffer().expect("xlsx");
    let (status, preview) = upload(&app, &admin, "adherents.xlsx", bytes).await;
    assert_eq!(status, StatusCode::CREATED, "{preview}");
    assert_eq!(preview["importable"], true, "{preview}");
    let (status, done) = app
        .post(
            &import_path(&preview),
            Some(&admin),
            json!({ "invite": true }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    // Three members; the two new accounts are invited, the outsider (who has a password) not.
    assert_eq!(done, json!({ "added": 3, "invited": 2 }));
    let after = member_emails(&app, &admin).await;
    for email in [
        "lea.durand@example.org",
        "paul@example.org",
        cast.outsider.email,
    ] {
        assert!(after.iter().any(|e| e == email), "{email} imported");
    }
    assert_eq!(queued_to(&app, "lea.durand@example.org").await.len(), 1);
    assert!(queued_to(&app, cast.outsider.email).await.is_empty());
    let (_, list) = app
        .get(&format!("/api/v1/amaps/{SLUG}/members"), Some(&admin))
        .await;
    let lea = list
        .as_array()
        .expect("members")
        .iter()
        .find(|m| m["email"] == "lea.durand@example.org")
        .expect("Léa");
    assert_eq!(lea["contact"]["phone1"], "06 12 34 56 78");
    assert_eq!(lea["contact"]["postcode"], "01000");
    assert_eq!(lea["has_password"], false);
    // Imported once: the preview is gone.
    let (status, _) = app
        .post(
            &import_path(&preview),
            Some(&admin),
            json!({ "invite": true }),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
});

on_both_engines!(
    a_preview_is_its_senders_only_and_a_bad_file_says_why,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        let csv = b"Nom,Prenom,Email\nDurand,Lea,lea@example.org\n".to_vec();
        let (_, preview) = upload(&app, &admin, "a.csv", csv).await;
        assert_eq!(preview["importable"], true, "{preview}");
        // Another treasurer of the same AMAP does not see it, nor can import it.
        let (status, _) = app.get(&import_path(&preview), Some(&treasurer)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = app
            .post(&import_path(&preview), Some(&treasurer), json!({}))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = app.get(&import_path(&preview), Some(&admin)).await;
        assert_eq!(status, StatusCode::OK);

        // A file missing required columns, and one that is no spreadsheet at all.
        let (_, missing) = upload(&app, &admin, "b.csv", b"Nom;Ville\nA;B\n".to_vec()).await;
        assert_eq!(missing["importable"], false);
        let details: Vec<&str> = missing["file_problems"]
            .as_array()
            .expect("problems")
            .iter()
            .filter_map(|p| p["detail"].as_str())
            .collect();
        assert_eq!(details, vec!["Prénom", "E-mail"]);
        let (_, broken) = upload(&app, &admin, "c.xlsx", b"PK\x03\x04broken".to_vec()).await;
        assert_eq!(broken["file_problems"][0]["code"], "unreadable_file");

        // A browser's form post lands on the preview page, which lists the lines.
        let browser = app.browser();
        let login = browser
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "email": cast.admin.email, "password": crate::helpers::PASSWORD }))
            .send()
            .await
            .expect("login");
        assert_eq!(login.status(), StatusCode::OK);
        let part = reqwest::multipart::Part::bytes(
            b"Nom;Prenom;Email\nZola;Emile;ez@example.org\n".to_vec(),
        )
        .file_name("liste.csv");
        let response = browser
            .post(app.url(&format!("/api/v1/amaps/{SLUG}/members/imports")))
            .header("accept", "text/html")
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .expect("upload");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned();
        assert!(
            page.starts_with(&format!("/a/{SLUG}/admin/members/import?lot=")),
            "{page}"
        );
        let html = browser
            .get(app.url(&page))
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("html");
        assert!(
            html.contains("ez@example.org"),
            "the preview lists the line"
        );
        assert!(
            html.contains("Importer les 1 adhérents"),
            "and offers the import"
        );
        // The example file downloads as CSV.
        let example = app
            .client()
            .get(app.url(&format!(
                "/api/v1/amaps/{SLUG}/members/import-example?format=csv"
            )))
            .bearer_auth(&admin)
            .send()
            .await
            .expect("example");
        assert_eq!(example.status(), StatusCode::OK);
        let text = example.text().await.expect("csv");
        assert!(text.contains("Nom;Prénom;E-mail;Téléphone 1"), "{text}");
        let _ = OTHER_SLUG;
    }
);

on_both_engines!(
    admins_correct_deactivate_and_remove_members_with_reasons,
    |app| {
        let cast = app.cast().await;
        let admin = app.token(cast.admin.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        let member_path = |id: i64| format!("/api/v1/amaps/{SLUG}/members/{id}");
        let new =
            |email: &str| json!({ "email": email, "first_name": "Nina", "last_name": "Nouvelle" });
        let (status, nina) = app
            .post(
                &format!("/api/v1/amaps/{SLUG}/members"),
                Some(&admin),
                new("nina@example.org"),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{nina}");
        let nina_id = nina["id"].as_i64().expect("id");

        // A treasurer corrects names and phones (in one spelling), not the login address.
        let edit = json!({ "email": "nina@example.org", "first_name": "Nina", "last_name": "Nouvel", "phone1": "0712345678", "town": "Lyon" });
        let (status, saved) = app.put(&member_path(nina_id), Some(&treasurer), edit).await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(saved["contact"]["phone1"], "07 12 34 56 78");
        let moved =
            json!({ "email": "nina.n@example.org", "first_name": "Nina", "last_name": "Nouvel" });
        let (status, _) = app
            .put(&member_path(nina_id), Some(&treasurer), moved.clone())
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        // An admin corrects a mistyped address: the invitation sent to the old one no longer
        // opens the account, a new one goes to the right address.
        let first = crate::mailbox::only_mail_to(&app, "nina@example.org").await;
        let old_link = crate::mailbox::link_in(&first.text, &app.base);
        let old_token = old_link.split_once("?jeton=").expect("a link").1.to_owned();
        let (status, saved) = app.put(&member_path(nina_id), Some(&admin), moved).await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(saved["email"], "nina.n@example.org");
        let (status, _) = app
            .post(
                "/api/v1/auth/password",
                None,
                json!({ "token": old_token, "password": "une phrase assez longue" }),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(queued_to(&app, "nina.n@example.org").await.len(), 1);
        let (status, bad) = app
        .put(&member_path(nina_id), Some(&treasurer), json!({ "email": "nina.n@example.org", "first_name": "Nina", "last_name": "Nouvel", "phone1": "moi" }))
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad["fields"][0]["field"], "phone1", "{bad}");
        // Another account's address is taken; a shared account's address is its owner's.
        let (status, _) = app
            .put(
                &member_path(nina_id),
                Some(&admin),
                json!({ "email": cast.member.email, "first_name": "Nina", "last_name": "Nouvel" }),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        let shared = app
            .post(
                &format!("/api/v1/amaps/{OTHER_SLUG}/members"),
                Some(&app.token(cast.operator.email).await),
                new("nina.n@example.org"),
            )
            .await;
        assert_eq!(shared.0, StatusCode::CREATED, "{}", shared.1);
        let (status, refused) = app
        .put(&member_path(nina_id), Some(&admin), json!({ "email": "nina.autre@example.org", "first_name": "Nina", "last_name": "Nouvel" }))
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(refused["fields"][0]["code"], "shared_account", "{refused}");

        // Deactivating several at once; nobody in the selection may be oneself.
        let deactivate = format!("/api/v1/amaps/{SLUG}/members/deactivate");
        let (status, done) = app
            .post(
                &deactivate,
                Some(&treasurer),
                json!({ "member_ids": [nina_id, cast.member.id, cast.inactive.id] }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{done}");
        assert_eq!(done["changed"], 2, "the inactive one was already");
        let (status, _) = app
            .post(
                &deactivate,
                Some(&treasurer),
                json!({ "member_ids": [cast.treasurer.id] }),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.post(&deactivate, Some(&treasurer), json!({})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        // Removal: admins only; refused with every reason while contracts or roles remain.
        let (status, _) = app.delete(&member_path(nina_id), Some(&treasurer)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, refused) = app
            .delete(&member_path(cast.treasurer.id), Some(&admin))
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(refused["fields"][0]["code"], "has_roles", "{refused}");
        app.ensure_contract(&cast).await;
        let (status, refused) = app.delete(&member_path(cast.member.id), Some(&admin)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(refused["fields"][0]["code"], "has_contracts", "{refused}");
        assert_eq!(refused["fields"][0]["limit"], 1);
        // Nina has neither: she leaves AMAP A; her account stays for AMAP B.
        let (status, _) = app.delete(&member_path(nina_id), Some(&admin)).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = app.get(&member_path(nina_id), Some(&admin)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let account = server::repo::users::find(&app.state.db, app::domain::UserId(nina_id))
            .await
            .expect("query");
        assert!(account.is_some(), "still a member of AMAP B");
        // A mistaken entry with nothing else goes entirely.
        let (_, oops) = app
            .post(
                &format!("/api/v1/amaps/{SLUG}/members"),
                Some(&admin),
                new("oups@example.org"),
            )
            .await;
        let oops_id = oops["id"].as_i64().expect("id");
        let (status, _) = app.delete(&member_path(oops_id), Some(&admin)).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let account = server::repo::users::find(&app.state.db, app::domain::UserId(oops_id))
            .await
            .expect("query");
        assert!(account.is_none(), "the account went too");
    }
);
