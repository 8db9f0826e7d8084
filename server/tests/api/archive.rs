//! An AMAP's archive: export → import → export gives the same file, on each engine and from
//! one engine to the other; nothing secret inside unless the operator asks for the
//! passwords; an import never overwrites an AMAP; the restored AMAP works (its members log
//! in, its stock is counted again).

use crate::helpers::{Engine, spawn_app};
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::Value;
use server::archive::{self, Archive, ArchiveError, Options};
use server::db::entities::stock_counter;
use server::demo::{DEMO_PASSWORD, DEMO_SLUG};

async fn demo_archive(app: &crate::helpers::TestApp, options: Options) -> (i64, Vec<u8>) {
    server::demo::seed(&app.state.db).await.expect("demo");
    let amap = app.amap_id(DEMO_SLUG).await;
    let bytes = archive::export(&app.state.db, amap, options)
        .await
        .expect("export");
    (amap, bytes)
}

/// Table by table, so that a difference names its table and row.
fn assert_same(left: &Archive, right: &Archive) {
    assert_eq!(left.format, right.format);
    assert_eq!(left.version, right.version);
    for table in archive::tables::TABLES {
        let (l, r) = (left.rows(table.name), right.rows(table.name));
        assert_eq!(l.len(), r.len(), "{}: row count", table.name);
        for (index, (a, b)) in l.iter().zip(r).enumerate() {
            assert_eq!(a, b, "{} row {}", table.name, index + 1);
        }
    }
}

/// Instants to the microsecond, what PostgreSQL keeps (SQLite keeps what it is given).
fn to_microseconds(archive: &mut Archive) {
    for rows in archive.tables.values_mut() {
        for value in rows.iter_mut().flat_map(|row| row.values_mut()) {
            if let Value::String(text) = value
                && let Ok(at) = chrono::DateTime::parse_from_rfc3339(text)
                && text.contains('T')
            {
                let at = at.with_timezone(&chrono::Utc);
                let micros = at.timestamp_micros();
                let at = chrono::DateTime::from_timestamp_micros(micros).expect("instant");
                *text = serde_json::to_value(at)
                    .expect("json")
                    .as_str()
                    .expect("text")
                    .to_owned();
            }
        }
    }
}

crate::on_both_engines!(
    an_amap_exported_imported_and_exported_again_is_the_same_file,
    |app| {
        let (amap, first) = demo_archive(&app, Options::default()).await;
        let archive = archive::file::read(&first).expect("an archive");
        for table in [
            "app_user",
            "membership",
            "producer",
            "product",
            "contract_template",
            "delivery_date",
            "subscription",
            "subscription_cell",
            "cheque",
            "remittance",
            "adhesion",
            "duty_period",
            "duty_place",
        ] {
            assert!(
                !archive.rows(table).is_empty(),
                "the demo season has {table}"
            );
        }
        let json = serde_json::to_string(&archive).expect("json");
        assert!(!json.contains("$argon2"), "no password hash in an archive");
        assert!(!json.contains("password_hash"));
        // Its own numbering: every table from 1, whatever the database's ids.
        assert_eq!(archive.rows("amap")[0]["id"], 1);
        assert_eq!(archive.rows("amap")[0]["slug"], DEMO_SLUG);
        // The same AMAP twice, nothing written between: the same bytes.
        let again = archive::export(&app.state.db, amap, Options::default())
            .await
            .expect("export");
        assert!(first == again, "two exports of an unchanged AMAP differ");

        // Into a new deployment of the same engine, with the passwords.
        let with_passwords = archive::export(
            &app.state.db,
            amap,
            Options {
                with_passwords: true,
            },
        )
        .await
        .expect("export with passwords");
        let archived = archive::file::read(&with_passwords).expect("an archive");
        let other = spawn_app(app.engine).await.expect("another deployment");
        let restored = archive::restore(&other.state.db, &archived, None)
            .await
            .expect("import");
        let second = archive::export(&other.state.db, restored, Options::default())
            .await
            .expect("export of the restored AMAP");
        assert_same(&archive, &archive::file::read(&second).expect("an archive"));
        assert!(first == second, "export → import → export changed the file");
        // The stock counters, rebuilt, are those of the original.
        let counters = |db| async move {
            stock_counter::Entity::find()
                .order_by_asc(stock_counter::Column::Id)
                .all(db)
                .await
                .expect("counters")
                .into_iter()
                .map(|c| (c.date, c.capacity, c.used))
                .collect::<Vec<_>>()
        };
        let mut original = counters(&app.state.db).await;
        let mut rebuilt = counters(&other.state.db).await;
        original.sort();
        rebuilt.sort();
        assert!(!original.is_empty());
        assert_eq!(original, rebuilt);
        // Its members log in with their own passwords and find their AMAP.
        let response = other
            .client()
            .post(other.url("/api/v1/auth/login"))
            .json(&serde_json::json!({ "email": "admin@example.org", "password": DEMO_PASSWORD }))
            .send()
            .await
            .expect("login");
        assert_eq!(response.status(), 200);
        let token: Value = response.json().await.expect("json");
        let token = token["token"].as_str().expect("token");
        let (status, templates) = other
            .get(&format!("/api/v1/amaps/{DEMO_SLUG}/templates"), Some(token))
            .await;
        assert_eq!(status, 200, "{templates}");
        assert_eq!(
            templates.as_array().map(Vec::len),
            Some(archive.rows("contract_template").len())
        );

        // Never over an existing AMAP; beside it under another slug, sharing the accounts.
        assert!(matches!(
            archive::restore(&app.state.db, &archive, None).await,
            Err(ArchiveError::SlugTaken(_))
        ));
        let copy = archive::restore(&app.state.db, &archive, Some("copie"))
            .await
            .expect("import beside");
        let mut copied = archive::file::read(
            &archive::export(&app.state.db, copy, Options::default())
                .await
                .expect("export of the copy"),
        )
        .expect("an archive");
        copied.tables.get_mut("amap").expect("amap")[0].insert("slug".to_owned(), DEMO_SLUG.into());
        assert_same(&archive, &copied);

        // And into the other engine: the same AMAP, instants to the microsecond.
        let other_engine = match app.engine {
            Engine::Sqlite => Engine::Postgres,
            Engine::Postgres => Engine::Sqlite,
        };
        if let Some(other) = spawn_app(other_engine).await {
            let restored = archive::restore(&other.state.db, &archive, None)
                .await
                .expect("import on the other engine");
            let mut crossed = archive::file::read(
                &archive::export(&other.state.db, restored, Options::default())
                    .await
                    .expect("export"),
            )
            .expect("an archive");
            let mut expected = archive.clone();
            to_microseconds(&mut expected);
            to_microseconds(&mut crossed);
            assert_same(&expected, &crossed);
        }
    }
);

#[tokio::test]
async fn what_is_not_an_archive_is_refused_whole() {
    assert!(matches!(
        archive::file::read(b"not a zip"),
        Err(ArchiveError::NotAnArchive(_))
    ));
    let app = spawn_app(Engine::Sqlite).await.expect("sqlite app");
    let (_, bytes) = demo_archive(&app, Options::default()).await;
    let mut archive = archive::file::read(&bytes).expect("an archive");
    archive.version += 1;
    assert!(matches!(
        archive::restore(&app.state.db, &archive, Some("suivante")).await,
        Err(ArchiveError::Version { .. })
    ));
    archive.version -= 1;
    // A reference to a row the archive does not hold: nothing at all is written.
    let cells = archive.tables.get_mut("subscription_cell").expect("cells");
    let last = cells.len() - 1;
    cells[last].insert("product_id".to_owned(), 999_999.into());
    let refused = archive::restore(&app.state.db, &archive, Some("cassee")).await;
    assert!(
        matches!(&refused, Err(ArchiveError::Row { table, .. }) if table == "subscription_cell"),
        "{refused:?}"
    );
    assert!(
        server::repo::amaps::find_by_slug(&app.state.db, "cassee")
            .await
            .expect("query")
            .is_none(),
        "a refused import leaves nothing behind"
    );
}

crate::on_both_engines!(an_admin_downloads_the_archive_of_their_amap_only, |app| {
    let cast = app.cast().await;
    let admin = app.token(cast.admin.email).await;
    let response = app
        .client()
        .get(app.url(&format!("/api/v1/amaps/{}/archive", crate::helpers::SLUG)))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("download");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        disposition.starts_with(&format!("attachment; filename=\"{}-", crate::helpers::SLUG)),
        "{disposition}"
    );
    let bytes = response.bytes().await.expect("body");
    let downloaded = archive::file::read(&bytes).expect("an archive");
    let amap = app.amap_id(crate::helpers::SLUG).await;
    let exported = archive::export(&app.state.db, amap, Options::default())
        .await
        .expect("export");
    assert_eq!(bytes.as_ref(), exported.as_slice());
    // Only this AMAP's people and rows: the outsider, a member of AMAP B only, is absent.
    let emails: Vec<&str> = downloaded
        .rows("app_user")
        .iter()
        .filter_map(|u| u["email"].as_str())
        .collect();
    assert!(emails.contains(&cast.member.email));
    assert!(!emails.contains(&cast.outsider.email), "{emails:?}");
    assert_eq!(downloaded.rows("amap").len(), 1);

    let member = app.token(cast.member.email).await;
    let (status, _) = app
        .get(
            &format!("/api/v1/amaps/{}/archive", crate::helpers::SLUG),
            Some(&member),
        )
        .await;
    assert_eq!(status, 403);
});

/// The cheque journal keeps the ids of cheques and contracts deleted since (a schedule
/// proposed again, a contract withdrawn): the archive still writes, the journal's line kept
/// without the row it named.
#[tokio::test]
async fn a_journal_naming_deleted_cheques_still_archives() {
    use sea_orm::{ColumnTrait, QueryFilter};
    use server::db::entities::{cheque, cheque_event};
    let app = spawn_app(Engine::Sqlite).await.expect("sqlite app");
    server::demo::seed(&app.state.db).await.expect("demo");
    let amap = app.amap_id(DEMO_SLUG).await;
    let event = cheque_event::Entity::find()
        .filter(cheque_event::Column::AmapId.eq(amap))
        .filter(cheque_event::Column::ChequeId.is_not_null())
        .one(&app.state.db)
        .await
        .expect("query")
        .expect("the demo's journal names cheques");
    let gone = event.cheque_id.expect("a cheque");
    cheque::Entity::delete_by_id(gone)
        .exec(&app.state.db)
        .await
        .expect("delete");
    let bytes = archive::export(&app.state.db, amap, Options::default())
        .await
        .expect("export");
    let archive = archive::file::read(&bytes).expect("an archive");
    let events = archive.rows("cheque_event");
    assert_eq!(
        events.len(),
        cheque_event::Entity::find()
            .filter(cheque_event::Column::AmapId.eq(amap))
            .all(&app.state.db)
            .await
            .expect("events")
            .len(),
        "every line of the journal"
    );
    assert!(events.iter().any(|e| e["cheque_id"].is_null()
        && e["action"] == serde_json::to_value(event.action).expect("json")));
    let other = spawn_app(Engine::Sqlite).await.expect("sqlite app");
    let restored = archive::restore(&other.state.db, &archive, None)
        .await
        .expect("import");
    let again = archive::export(&other.state.db, restored, Options::default())
        .await
        .expect("export");
    assert!(bytes == again, "export → import → export changed the file");
}
