//! The pages as a browser without JavaScript sees them: complete HTML from the server,
//! forms that post and redirect, errors brought back to the form, both languages.

use crate::helpers::{PASSWORD, SLUG};
use crate::on_both_engines;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, LOCATION, SET_COOKIE};

const HTML: &str = "text/html,application/xhtml+xml";

/// The page's markup without the hydration markers Leptos puts between text pieces.
async fn page(response: reqwest::Response) -> String {
    let html = response.text().await.expect("html");
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|e| e + 3)
        } else if after.starts_with("<!>") {
            Some(3)
        } else {
            None
        };
        match end {
            Some(end) => rest = &after[end..],
            None => {
                out.push_str("<!");
                rest = &after[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The page at `path` as `browser` (a browser without JavaScript) receives it.
async fn html_at(app: &crate::helpers::TestApp, browser: &reqwest::Client, path: &str) -> String {
    page(
        browser
            .get(app.url(path))
            .header(ACCEPT, HTML)
            .send()
            .await
            .expect("page"),
    )
    .await
}

/// A browser without JavaScript, logged in as `email`.
async fn logged_in(app: &crate::helpers::TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    post_login(app, &browser, &[("email", email), ("password", PASSWORD)]).await;
    browser
}

/// Posts the login form as a browser without JavaScript does.
async fn post_login(
    app: &crate::helpers::TestApp,
    browser: &reqwest::Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    browser
        .post(app.url("/api/v1/auth/login"))
        .header(ACCEPT, HTML)
        .form(fields)
        .send()
        .await
        .expect("login post")
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

on_both_engines!(
    a_member_logs_in_with_a_plain_form_and_sees_their_home,
    |app| {
        let cast = app.cast().await;
        let browser = app.browser();
        let login = browser
            .get(app.url("/login"))
            .header(ACCEPT, HTML)
            .send()
            .await
            .expect("login page");
        assert_eq!(login.status(), StatusCode::OK);
        let html = page(login).await;
        assert!(
            html.contains("<form method=\"post\" action=\"/api/v1/auth/login\""),
            "{html}"
        );
        assert!(html.contains("Adresse e-mail") && html.contains("Mot de passe"));

        let posted = post_login(
            &app,
            &browser,
            &[
                ("email", cast.member.email),
                ("password", PASSWORD),
                ("_next", "/"),
                ("_back", "/login"),
            ],
        )
        .await;
        assert_eq!(posted.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&posted), "/");
        assert!(
            posted.headers().get(SET_COOKIE).is_some(),
            "the redirect keeps the session cookie"
        );

        let root = browser
            .get(app.url("/"))
            .header(ACCEPT, HTML)
            .send()
            .await
            .expect("root");
        assert_eq!(
            location(&root),
            format!("/a/{SLUG}"),
            "one AMAP: straight to it"
        );
        let home = browser
            .get(app.url(&format!("/a/{SLUG}")))
            .header(ACCEPT, HTML)
            .send()
            .await
            .expect("home");
        assert_eq!(home.status(), StatusCode::OK);
        let html = page(home).await;
        for section in [
            "Bonjour Marie",
            "Prochaine livraison",
            "Chèques à apporter",
            "Contrats ouverts aux inscriptions",
            "1 contrat en cours",
            "Adhérent",
        ] {
            assert!(html.contains(section), "missing {section}");
        }
        // Its next delivery in words, and what is in it.
        let first = server::clock::local("Europe/Paris", app.state.clock.now()).date()
            + chrono::Days::new(14);
        let months = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        use chrono::Datelike;
        let day = format!(
            "{} {} {}",
            first.day(),
            months[first.month0() as usize],
            first.year()
        );
        assert!(html.contains(&day), "{day} in {html}");
        assert!(html.contains("Panier (panier 5 kg)"));
        assert!(
            !html.contains("Mes permanences"),
            "no promise of a rota that does not exist yet"
        );
        assert!(
            !html.contains("Adhérents et rôles"),
            "members do not see the admin link"
        );
    }
);

on_both_engines!(
    a_wrong_password_comes_back_to_the_form_with_its_message,
    |app| {
        let cast = app.cast().await;
        let browser = app.browser();
        let posted = post_login(
            &app,
            &browser,
            &[
                ("email", cast.member.email),
                ("password", "wrong wrong"),
                ("form", "login"),
                ("_next", "/"),
                ("_back", "/login?next=%2Fa%2Famap-a"),
            ],
        )
        .await;
        assert_eq!(posted.status(), StatusCode::SEE_OTHER);
        let back = location(&posted);
        // Back to the form, with nothing typed in the URL: what was typed and the error come
        // back in the flash cookie (never the password).
        assert_eq!(back, "/login?next=%2Fa%2Famap-a");
        let flash = posted
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("amapola_flash="))
            .expect("a flash cookie")
            .to_owned();
        assert!(
            flash.contains("HttpOnly") && flash.contains("Max-Age=120"),
            "{flash}"
        );
        assert!(!flash.contains("wrong"), "no password in the flash");
        let shown = page(
            browser
                .get(app.url(&back))
                .header(ACCEPT, HTML)
                .send()
                .await
                .expect("page"),
        )
        .await;
        assert!(
            shown.contains("role=\"alert\"")
                && shown.contains("Adresse e-mail ou mot de passe incorrect."),
            "{shown}"
        );
        assert!(shown.contains("value=\"membre@a.example.org\""), "{shown}");
        assert!(!shown.contains("wrong wrong"), "{shown}");
        // Shown once: the page cleared the flash.
        let again = page(
            browser
                .get(app.url(&back))
                .header(ACCEPT, HTML)
                .send()
                .await
                .expect("page"),
        )
        .await;
        assert!(!again.contains("role=\"alert\""), "{again}");

        let posted = post_login(
            &app,
            &browser,
            &[
                ("email", "pas-un-email"),
                ("password", ""),
                ("form", "login"),
                ("_back", "/login"),
            ],
        )
        .await;
        let back = location(&posted);
        let shown = page(
            browser
                .get(app.url(&back))
                .header(ACCEPT, HTML)
                .send()
                .await
                .expect("page"),
        )
        .await;
        assert!(
            shown.contains("Adresse e-mail invalide.")
                && shown.contains("Ce champ est obligatoire."),
            "{back}"
        );
        // Redirect targets never leave the site.
        let posted = post_login(
            &app,
            &browser,
            &[
                ("email", cast.member.email),
                ("password", PASSWORD),
                ("_next", "https://evil.example/"),
            ],
        )
        .await;
        assert_eq!(location(&posted), "/");
    }
);

on_both_engines!(an_admin_grants_a_role_without_javascript, |app| {
    let cast = app.cast().await;
    let browser = app.browser();
    post_login(
        &app,
        &browser,
        &[
            ("email", cast.admin.email),
            ("password", PASSWORD),
            ("_next", "/"),
        ],
    )
    .await;
    let admin_page = format!("/a/{SLUG}/admin/members");
    let response = browser
        .get(app.url(&admin_page))
        .header(ACCEPT, HTML)
        .send()
        .await
        .expect("page");
    assert_eq!(response.status(), StatusCode::OK);
    let html = page(response).await;
    assert!(html.contains(cast.member.email) && !html.contains(cast.outsider.email));
    let member_id = cast.member.id.to_string();
    let producer_id = cast.producer_one.to_string();
    let posted = browser
        .post(app.url(&format!("/api/v1/amaps/{SLUG}/roles")))
        .header(ACCEPT, HTML)
        .form(&[
            ("member_id", member_id.as_str()),
            ("role", "referent"),
            ("producer_id", producer_id.as_str()),
            ("granted", "true"),
            ("_next", admin_page.as_str()),
            ("_back", admin_page.as_str()),
        ])
        .send()
        .await
        .expect("grant");
    assert_eq!(
        (posted.status(), location(&posted)),
        (StatusCode::SEE_OTHER, admin_page.clone())
    );
    let html = page(
        browser
            .get(app.url(&admin_page))
            .header(ACCEPT, HTML)
            .send()
            .await
            .expect("page"),
    )
    .await;
    assert!(
        html.contains("Référent · Ferme Une"),
        "the new role is listed"
    );
    assert!(
        html.contains("Rôle « Référent » donné à Marie Membre."),
        "the page says what was done"
    );
    let again = page(
        browser
            .get(app.url(&admin_page))
            .header(ACCEPT, HTML)
            .send()
            .await
            .expect("page"),
    )
    .await;
    assert!(!again.contains("donné à Marie"), "said once");

    // A member gets the page's error instead of the list.
    let member = app.browser();
    post_login(
        &app,
        &member,
        &[("email", cast.member.email), ("password", PASSWORD)],
    )
    .await;
    let refused = member
        .get(app.url(&admin_page))
        .header(ACCEPT, HTML)
        .send()
        .await
        .expect("page");
    // A forbidden page says so with its status, keeps the menu and offers a way back.
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let html = page(refused).await;
    assert!(
        html.contains("Votre rôle ne permet pas cette action.") && !html.contains(cast.admin.email)
    );
    assert!(html.contains("class=\"topbar\""), "{html}");
    assert!(
        html.contains(&format!("<a href=\"/a/{SLUG}\">Retour à l'accueil</a>")),
        "{html}"
    );

    // An address that leads nowhere inside the AMAP: a 404 with the AMAP's header.
    let lost = member
        .get(app.url(&format!("/a/{SLUG}/nulle-part")))
        .header(ACCEPT, HTML)
        .send()
        .await
        .expect("page");
    assert_eq!(lost.status(), StatusCode::NOT_FOUND);
    let html = page(lost).await;
    assert!(
        html.contains("Page introuvable") && html.contains("class=\"topbar\""),
        "{html}"
    );
});

on_both_engines!(english_is_one_click_away_and_remembered, |app| {
    let cast = app.cast().await;
    let browser = app.browser();
    let switched = browser
        .get(app.url("/lang/en?next=%2Flogin"))
        .send()
        .await
        .expect("switch");
    assert_eq!(
        (switched.status(), location(&switched)),
        (StatusCode::SEE_OTHER, "/login".to_owned())
    );
    let html = page(
        browser
            .get(app.url("/login"))
            .header(ACCEPT, HTML)
            .send()
            .await
            .expect("page"),
    )
    .await;
    assert!(
        html.contains("lang=\"en\"") && html.contains("E-mail address"),
        "{html}"
    );
    post_login(
        &app,
        &browser,
        &[("email", cast.member.email), ("password", PASSWORD)],
    )
    .await;
    let html = page(
        browser
            .get(app.url(&format!("/a/{SLUG}")))
            .header(ACCEPT, HTML)
            .send()
            .await
            .expect("home"),
    )
    .await;
    assert!(html.contains("My contracts") && html.contains("Hello Marie"));
    // Anonymous visitors of a member page are sent to log in, and back afterwards.
    let anonymous = app
        .client()
        .get(app.url(&format!("/a/{SLUG}")))
        .header(ACCEPT, HTML)
        .send()
        .await
        .expect("page");
    assert_eq!(location(&anonymous), format!("/login?next=/a/{SLUG}"));
});

on_both_engines!(a_saved_contract_says_which_cheques_to_bring, |app| {
    let cast = app.cast().await;
    let browser = app.browser();
    post_login(
        &app,
        &browser,
        &[("email", cast.member.email), ("password", PASSWORD)],
    )
    .await;
    // Two baskets on the first date instead of one: the plan proposes new cheques.
    let contract = format!("/api/v1/amaps/{SLUG}/me/contracts/{}", cast.template);
    let mine = format!("/a/{SLUG}/contrats");
    let field = format!("q.{}.{}", cast.first_date, cast.product_one);
    let loaded = app
        .get(&contract, Some(&app.token(cast.member.email).await))
        .await;
    let mut fields: Vec<(String, String)> = vec![
        ("_method".into(), "put".into()),
        ("_next".into(), mine.clone()),
        ("_back".into(), mine.clone()),
    ];
    for cell in loaded.1["mine"]["grid"].as_array().expect("a grid") {
        let name = format!(
            "q.{}.{}",
            cell["date"].as_str().expect("date"),
            cell["product"]
        );
        let qty = if name == field {
            2
        } else {
            cell["qty"].as_u64().expect("qty")
        };
        fields.push((name, qty.to_string()));
    }
    let posted = browser
        .post(app.url(&contract))
        .header(ACCEPT, HTML)
        .form(&fields)
        .send()
        .await
        .expect("sign-up post");
    assert_eq!(
        (posted.status(), location(&posted)),
        (StatusCode::SEE_OTHER, mine.clone())
    );
    let html = page(
        browser
            .get(app.url(&mine))
            .header(ACCEPT, HTML)
            .send()
            .await
            .expect("page"),
    )
    .await;
    // The sentence names the cheques the schedule now holds, grouped by amount.
    let token = app.token(cast.member.email).await;
    let (_, page_data) = app.get(&contract, Some(&token)).await;
    let schedule = &page_data["schedule"];
    let amounts: Vec<app::domain::Money> = schedule["cheques"]
        .as_array()
        .expect("cheques")
        .iter()
        .map(|c| serde_json::from_value(c["amount"].clone()).expect("money"))
        .collect();
    assert!(!amounts.is_empty(), "the plan proposes cheques: {schedule}");
    let groups = app::api::notice::cheque_groups(amounts);
    let first = &groups[0];
    let expected = format!(
        "{} chèque{} de {}",
        first.count,
        if first.count > 1 { "s" } else { "" },
        first.amount
    );
    assert!(html.contains("Contrat enregistré : "), "{html}");
    assert!(html.contains(&expected), "{expected} in {html}");
});

on_both_engines!(mes_paiements_speaks_the_members_language, |app| {
    let cast = app.cast().await;
    // The member accepts the proposed cheques (four baskets at 15 €).
    crate::payments::first_cheque(&app, &cast).await;
    let browser = logged_in(&app, cast.member.email).await;
    let html = html_at(&app, &browser, &format!("/a/{SLUG}/paiements")).await;
    // Nothing handed in yet: everything is left to give, and no signed treasurer's "solde".
    let euros = |cents| app::domain::Money::from_cents(cents).to_string();
    assert!(
        html.contains(&format!("Déjà donné : {}", euros(0))),
        "{html}"
    );
    assert!(
        html.contains(&format!("Reste à donner : {}", euros(6000))),
        "{html}"
    );
    let main = &html[html.find("<main").expect("main")..];
    assert!(!main.contains("Solde"), "{main}");
});

on_both_engines!(granting_a_role_chooses_nothing_in_advance, |app| {
    let cast = app.cast().await;
    let browser = logged_in(&app, cast.admin.email).await;
    let admin_page = format!("/a/{SLUG}/admin/members");
    let get = |path: String| {
        let browser = browser.clone();
        let url = app.url(&path);
        async move {
            page(
                browser
                    .get(url)
                    .header(ACCEPT, HTML)
                    .send()
                    .await
                    .expect("page"),
            )
            .await
        }
    };
    let html = get(admin_page.clone()).await;
    // Neither a member nor a role is selected: one tap cannot make anyone an admin.
    for select in ["grant-member_id", "grant-role"] {
        let at = html.find(&format!("id=\"{select}\"")).expect(select);
        let options = &html[at..at + html[at..].find("</select>").expect("end")];
        assert_eq!(
            options.matches("selected").count(),
            1,
            "{select}: {options}"
        );
        assert!(
            options.contains("<option value=\"\" selected>"),
            "{select}: {options}"
        );
    }
    let post = |fields: Vec<(&'static str, String)>| {
        let browser = browser.clone();
        let url = app.url(&format!("/api/v1/amaps/{SLUG}/roles"));
        let back = admin_page.clone();
        async move {
            let mut form = fields;
            form.extend([
                ("granted", "true".into()),
                ("form", "grant".into()),
                ("_back", back.clone()),
                ("_next", back),
            ]);
            browser
                .post(url)
                .header(ACCEPT, HTML)
                .form(&form)
                .send()
                .await
                .expect("post")
        }
    };
    let member = cast.member.id.to_string();
    // A référent without a producer: the error sits on the producer's select.
    let posted = post(vec![
        ("member_id", member.clone()),
        ("role", "referent".into()),
        ("producer_id", String::new()),
    ])
    .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let html = get(admin_page.clone()).await;
    let producer = &html[html.find("id=\"grant-producer_id\"").expect("select")..];
    assert!(producer.contains("aria-invalid=\"true\""), "{producer}");
    assert!(html.contains("Ce champ est obligatoire."), "{html}");
    // Admin rights without the tick: refused, named on the confirmation, nothing granted.
    post(vec![
        ("member_id", member.clone()),
        ("role", "admin".into()),
    ])
    .await;
    let html = get(admin_page.clone()).await;
    assert!(html.contains("Cochez la case pour confirmer"), "{html}");
    assert!(
        html.contains("<option value=\"admin\" selected"),
        "the choice is kept: {html}"
    );
    let (_, members) = app
        .get(
            &format!("/api/v1/amaps/{SLUG}/members"),
            Some(&app.token(cast.admin.email).await),
        )
        .await;
    let marie = members
        .as_array()
        .expect("list")
        .iter()
        .find(|m| m["id"] == cast.member.id)
        .expect("marie")
        .clone();
    assert_eq!(marie["roles"]["admin"], false);
    // Ticked, it is done.
    post(vec![
        ("member_id", member),
        ("role", "admin".into()),
        ("confirm_admin", "on".into()),
    ])
    .await;
    let html = get(admin_page.clone()).await;
    assert!(
        html.contains("Rôle « Administrateur » donné à Marie Membre."),
        "{html}"
    );

    // The search ignores case and accents; a page holds 25 members at most.
    app.crowd(SLUG, 30).await;
    let html = get(format!("{admin_page}?q=TRESORIER")).await;
    assert!(
        html.contains(cast.treasurer.email)
            && !html.contains(&format!("<td data-label=\"E-mail\">{}", cast.member.email)),
        "{html}"
    );
    let first = get(admin_page.clone()).await;
    let rows = |html: &str| html.matches("<tr data-member=").count();
    assert_eq!(rows(&first), 25);
    assert!(first.contains("Page 1 sur 2"), "{first}");
    let second = get(format!("{admin_page}?page=2")).await;
    assert!(rows(&second) >= 5 && rows(&second) < 25, "{second}");
});

on_both_engines!(the_cheque_log_reads_in_the_amaps_time_zone, |app| {
    let cast = app.cast().await;
    let treasurer = app.token(cast.treasurer.email).await;
    let manage = format!("/api/v1/amaps/{SLUG}/templates/{}", cast.template);
    let first = crate::payments::first_cheque(&app, &cast).await;
    let (status, _) = app
        .post(
            &format!("{manage}/cheques/receive"),
            Some(&treasurer),
            serde_json::json!({ "received": [first] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, log) = app
        .get(&format!("{manage}/cheques/audit"), Some(&treasurer))
        .await;
    let at: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(log["entries"][0]["at"].clone()).expect("instant");
    let paris = at
        .with_timezone(&chrono_tz::Europe::Paris)
        .format("%d/%m/%Y à %H:%M")
        .to_string();

    let browser = logged_in(&app, cast.treasurer.email).await;
    let html = html_at(
        &app,
        &browser,
        &format!(
            "/a/{SLUG}/gestion/contrats/{}/cheques/journal",
            cast.template
        ),
    )
    .await;
    assert!(html.contains(&paris), "{paris} in {html}");
    assert!(!html.contains(" UTC"), "{html}");
});

on_both_engines!(
    the_template_editor_lists_its_sections_and_only_its_natures_fields,
    |app| {
        let cast = app.cast().await;
        let browser = app.browser();
        post_login(
            &app,
            &browser,
            &[("email", cast.admin.email), ("password", PASSWORD)],
        )
        .await;
        let html = page(
            browser
                .get(app.url(&format!("/a/{SLUG}/gestion/contrats/{}", cast.template)))
                .header(ACCEPT, HTML)
                .send()
                .await
                .expect("page"),
        )
        .await;
        // A table of contents leads to every section.
        for anchor in [
            "reglages",
            "produits",
            "calendrier",
            "regles",
            "stock",
            "paiement",
        ] {
            assert!(
                html.contains(&format!("<a href=\"#{anchor}\">")),
                "{anchor}"
            );
            assert!(html.contains(&format!("id=\"{anchor}\"")), "{anchor}");
        }
        // The cast's template is LIBRE: no jokers nor prepaid notice to fill in, but their
        // stored values travel with the form.
        assert!(!html.contains("<select id=\"header-joker_kind\""), "{html}");
        assert!(
            html.contains("<input type=\"hidden\" name=\"joker_kind\""),
            "{html}"
        );
        assert!(
            !html.contains("id=\"header-prepaid_notice_days\""),
            "{html}"
        );
        assert!(html.contains("id=\"header-late_joiners\""), "{html}");
        // Prices read the French way in their inputs.
        assert!(html.contains("value=\"15,00\""), "{html}");
    }
);
