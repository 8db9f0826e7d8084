//! The member list: active members only, in French order, each contact field shown as the
//! AMAP decided — enforced in the API's answer, not only in the page — and never a member
//! of another AMAP.

use crate::helpers::{OTHER_SLUG, SLUG};
use crate::on_both_engines;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn entry<'a>(list: &'a Value, last_name: &str) -> Option<&'a Value> {
    list["entries"]
        .as_array()?
        .iter()
        .find(|e| e["last_name"] == last_name)
}

on_both_engines!(
    the_member_list_shows_each_field_to_whom_the_amap_chose,
    |app| {
        let cast = app.cast().await;
        let member = app.token(cast.member.email).await;
        let treasurer = app.token(cast.treasurer.email).await;
        // The treasurer fills in their details; phones are stored in one spelling.
        let (status, saved) = app
            .put(
                "/api/v1/me/contact",
                Some(&treasurer),
                json!({ "phone1": "0612345678", "address": "2 rue des Écoles", "postcode": "69001", "town": "Lyon" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(saved["phone1"], "06 12 34 56 78");
        let bad = app
            .put(
                "/api/v1/me/contact",
                Some(&treasurer),
                json!({ "phone1": "appelez-moi" }),
            )
            .await;
        assert_eq!(bad.0, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.1["fields"][0]["code"], "invalid_phone", "{}", bad.1);

        let path = format!("/api/v1/amaps/{SLUG}/directory");
        let (status, list) = app.get(&path, Some(&member)).await;
        assert_eq!(status, StatusCode::OK);
        let tom = entry(&list, "Trésorier").expect("the treasurer is listed");
        // Default rules: e-mail and phones for every member, the address for référents up.
        assert_eq!(tom["email"], cast.treasurer.email);
        assert_eq!(tom["phones"], json!(["06 12 34 56 78"]));
        assert_eq!(tom["address"], Value::Null, "{tom}");
        // A référent sees the address.
        let referent = app.token(cast.referent.email).await;
        let (_, seen) = app.get(&path, Some(&referent)).await;
        assert_eq!(
            entry(&seen, "Trésorier").expect("listed")["address"]["town"],
            "Lyon"
        );
        // Deactivated members are not listed; names are in French order.
        assert!(!list.to_string().contains(cast.inactive.email));
        let names: Vec<String> = list["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["last_name"].as_str().unwrap_or_default().to_owned())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_by(|a, b| server::collation::compare_text(a, b));
        assert_eq!(names, sorted);

        // The AMAP hides phones from everyone: the API leaves them out (the owner still sees theirs).
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
        use server::db::entities::{amap, stored};
        let id = app.amap_id(SLUG).await;
        let row = amap::Entity::find_by_id(id)
            .one(&app.state.db)
            .await
            .expect("amap")
            .expect("amap");
        let mut row: amap::ActiveModel = row.into();
        row.directory_phone = Set(stored::Visibility::Nobody);
        row.update(&app.state.db).await.expect("hide phones");
        let (_, hidden) = app.get(&path, Some(&referent)).await;
        assert_eq!(
            entry(&hidden, "Trésorier").expect("listed")["phones"],
            json!([])
        );
        let (_, own) = app.get(&path, Some(&treasurer)).await;
        assert_eq!(
            entry(&own, "Trésorier").expect("listed")["phones"],
            json!(["06 12 34 56 78"])
        );
        assert_eq!(hidden["rules"]["phone"], "nobody");
    }
);

on_both_engines!(no_member_of_another_amap_is_ever_listed, |app| {
    let cast = app.cast().await;
    let member = app.token(cast.member.email).await;
    let outsider = app.token(cast.outsider.email).await;
    let (_, ours) = app
        .get(&format!("/api/v1/amaps/{SLUG}/directory"), Some(&member))
        .await;
    assert!(!ours.to_string().contains(cast.outsider.email));
    let (_, theirs) = app
        .get(
            &format!("/api/v1/amaps/{OTHER_SLUG}/directory"),
            Some(&outsider),
        )
        .await;
    assert!(theirs.to_string().contains(cast.outsider.email), "{theirs}");
    assert!(!theirs.to_string().contains(cast.member.email));
    // A member of A asking for B's list learns nothing, not even that it exists.
    let (status, _) = app
        .get(
            &format!("/api/v1/amaps/{OTHER_SLUG}/directory"),
            Some(&member),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
});

on_both_engines!(admins_list_former_members_and_download_the_list, |app| {
    let cast = app.cast().await;
    let member = app.token(cast.member.email).await;
    let treasurer = app.token(cast.treasurer.email).await;
    let path = format!("/api/v1/amaps/{SLUG}/directory");
    let (_, mine) = app.get(&path, Some(&member)).await;
    assert_eq!(mine["may_manage"], false);
    for query in ["?status=inactive", "?status=all", "?format=csv"] {
        let (status, _) = app.get(&format!("{path}{query}"), Some(&member)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{query}");
    }
    let (status, _) = app
        .get(&format!("{path}?status=gone"), Some(&treasurer))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, former) = app
        .get(&format!("{path}?status=inactive"), Some(&treasurer))
        .await;
    assert_eq!(status, StatusCode::OK);
    let emails: Vec<&str> = former["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["email"].as_str())
        .collect();
    assert_eq!(emails, vec![cast.inactive.email]);
    assert_eq!(former["entries"][0]["active"], false);
    let file = app
        .client()
        .get(app.url(&format!("{path}?status=all&format=csv")))
        .bearer_auth(&treasurer)
        .send()
        .await
        .expect("csv");
    assert_eq!(file.status(), StatusCode::OK);
    let text = file.text().await.expect("text");
    assert!(
        text.contains("Nom;Prénom;E-mail;Téléphone 1;Téléphone 2;Adresse;Code postal;Ville;Actif"),
        "{text}"
    );
    assert!(
        text.contains(&format!("{};", cast.inactive.email)) && text.contains(";non"),
        "{text}"
    );
});
