//! `amapola backup`: on SQLite a consistent copy taken while members keep writing, which
//! opens on its own with everything committed before it began; on PostgreSQL every AMAP's
//! archive, which restores on a new deployment where members log in with their passwords.

use crate::helpers::{Engine, OTHER_SLUG, SLUG, spawn_app};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait, Statement};
use server::db::entities::app_user;

#[tokio::test]
async fn a_backup_taken_while_members_write_opens_whole() {
    let app = spawn_app(Engine::Sqlite).await.expect("sqlite app");
    app.cast().await;
    let before = app_user::Entity::find()
        .count(&app.state.db)
        .await
        .expect("count");
    // Members keep arriving while the copy is taken.
    let writers = app.crowd(SLUG, 40);
    let dir = tempfile::tempdir().expect("dir");
    let (people, copy) = tokio::join!(
        writers,
        server::backup::backup(&app.state.db, dir.path(), app.state.clock.now())
    );
    assert_eq!(people.len(), 40);
    let copy = copy.expect("backup");
    let name = copy.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(
        name.starts_with("amapola-") && name.ends_with(".sqlite"),
        "{name}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no partial file left"
    );

    // The copy is a database of its own: intact, with at least what was committed before.
    let url = format!("sqlite://{}?mode=rw", copy.display());
    let restored = server::db::connect(&url).await.expect("the copy opens");
    let check = restored
        .query_one_raw(Statement::from_string(
            restored.get_database_backend(),
            "PRAGMA integrity_check".to_owned(),
        ))
        .await
        .expect("check")
        .expect("a row");
    assert_eq!(check.try_get_by_index::<String>(0).expect("text"), "ok");
    let users = app_user::Entity::find()
        .count(&restored)
        .await
        .expect("count");
    assert!(
        users >= before && users <= before + 40,
        "{before} then {users}"
    );
}

#[tokio::test]
async fn a_postgresql_backup_holds_every_amap_and_restores_with_the_passwords() {
    let Some(app) = spawn_app(Engine::Postgres).await else {
        eprintln!("skipped: PostgreSQL not reachable");
        return;
    };
    let cast = app.cast().await;
    let dir = tempfile::tempdir().expect("dir");
    let path = server::backup::backup(&app.state.db, dir.path(), app.state.clock.now())
        .await
        .expect("backup");
    let name = path.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(
        name.starts_with("amapola-") && name.ends_with(".zip"),
        "{name}"
    );
    let mut outer = zip::ZipArchive::new(std::fs::File::open(&path).expect("open")).expect("a zip");
    let mut names: Vec<String> = outer
        .file_names()
        .map(|name| name.expect("a name").into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [format!("{SLUG}.zip"), format!("{OTHER_SLUG}.zip")]);
    let mut inner = Vec::new();
    std::io::Read::read_to_end(
        &mut outer.by_name(&format!("{SLUG}.zip")).expect("entry"),
        &mut inner,
    )
    .expect("read");
    let archive = server::archive::file::read(&inner).expect("an archive");

    let restored = spawn_app(Engine::Sqlite).await.expect("sqlite app");
    server::archive::restore(&restored.state.db, &archive, None)
        .await
        .expect("restore");
    // The member's own password works there.
    let token = restored.token(cast.member.email).await;
    let (status, _) = restored
        .get(&format!("/api/v1/amaps/{SLUG}"), Some(&token))
        .await;
    assert_eq!(status, 200);
}
