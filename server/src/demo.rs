//! `amapola demo`: a realistic AMAP to click through, created through the same use cases
//! as the API. Idempotent: an existing demo AMAP is left as it is.
//!
//! Every demo account's password is [`DEMO_PASSWORD`]. Known accounts:
//! `admin@example.org` (admin of both AMAPs), `tresorier@example.org`,
//! `referent.legumes@example.org` (référent of the vegetable farm), `operateur@example.org`
//! (platform operator) and members such as `marie.dubois@example.org`.

use crate::auth::password;
use crate::error::{AppError, AppResult};
use crate::repo;
use crate::services::amaps::create_in as create_amap_with;
use crate::services::members::{add as add_member, apply_role_change};
use app::api::amaps::CreateAmapForm;
use app::api::members::{CreateMemberForm, NewMember, RoleChange};
use app::domain::ProducerId;
use sea_orm::{DatabaseConnection, TransactionTrait};

pub const DEMO_PASSWORD: &str = "amapola-demo";
pub const DEMO_SLUG: &str = "amap-des-quatre-saisons";
pub const SECOND_SLUG: &str = "amap-du-canal";

const FIRST_NAMES: [&str; 24] = [
    "Marie",
    "Jean",
    "Camille",
    "Nicolas",
    "Julie",
    "Pierre",
    "Sophie",
    "Thomas",
    "Claire",
    "Antoine",
    "Élodie",
    "Mathieu",
    "Chloé",
    "Julien",
    "Léa",
    "François",
    "Manon",
    "Hugo",
    "Inès",
    "Louis",
    "Anaïs",
    "Baptiste",
    "Céline",
    "Rémi",
];
const LAST_NAMES: [&str; 30] = [
    "Dubois",
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
];

/// (producer, description, notice days, référent e-mail)
const PRODUCERS: [(&str, &str, i32, &str); 6] = [
    (
        "Ferme du Petit Pré",
        "Légumes de saison en agriculture biologique, panier hebdomadaire.",
        7,
        "referent.legumes@example.org",
    ),
    (
        "Les Œufs de la Butte",
        "Œufs de poules élevées en plein air.",
        3,
        "referent.oeufs@example.org",
    ),
    (
        "Fournil des Tilleuls",
        "Pains au levain cuits au feu de bois.",
        2,
        "referent.pain@example.org",
    ),
    (
        "Domaine des Coteaux",
        "Vins rouges et blancs, par cartons de 6.",
        14,
        "referent.vin@example.org",
    ),
    (
        "Fromagerie du Val",
        "Fromages de chèvre et de vache au lait cru.",
        5,
        "referent.fromage@example.org",
    ),
    (
        "Élevage des Prés Salés",
        "Colis de viande d'agneau et de bœuf, livraison mensuelle.",
        10,
        "referent.viande@example.org",
    ),
];

/// Strips accents so "Élodie Lefèvre" becomes "elodie.lefevre@example.org".
fn ascii_email(first: &str, last: &str) -> String {
    let fold = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
                'à' | 'â' => 'a',
                'ï' | 'î' => 'i',
                'ç' => 'c',
                'ô' => 'o',
                other => other.to_ascii_lowercase(),
            })
            .filter(char::is_ascii_alphanumeric)
            .collect()
    };
    format!("{}.{}@example.org", fold(first), fold(last))
}

fn member(email: &str, first: &str, last: &str) -> AppResult<NewMember> {
    CreateMemberForm {
        email: email.into(),
        first_name: first.into(),
        last_name: last.into(),
        password: None,
    }
    .parse()
    .map_err(AppError::Validation)
}

/// The ~120 generated members: distinct, deterministic, French.
pub fn member_names() -> Vec<(String, String)> {
    let mut names = Vec::new();
    for i in 0..120 {
        let first = FIRST_NAMES[i % FIRST_NAMES.len()];
        let last = LAST_NAMES[(i * 7 + i / FIRST_NAMES.len()) % LAST_NAMES.len()];
        if !names.iter().any(|(f, l)| f == first && l == last) {
            names.push((first.to_owned(), last.to_owned()));
        }
    }
    names
}

pub async fn seed(db: &DatabaseConnection) -> AppResult<()> {
    if repo::amaps::find_by_slug(db, DEMO_SLUG).await?.is_some() {
        tracing::info!("demo AMAP already present; nothing to do");
        return Ok(());
    }
    // One hash for every demo account: they share a published password anyway, and it
    // keeps seeding under a second.
    let hash = password::hash(DEMO_PASSWORD.to_owned()).await?;
    let txn = db.begin().await?;
    let form = |slug: &str, name: &str, city: &str| CreateAmapForm {
        name: name.into(),
        city: city.into(),
        slug: slug.into(),
        time_zone: Some("Europe/Paris".into()),
        admin_email: None,
    };
    let new = form(DEMO_SLUG, "AMAP des Quatre Saisons", "Lyon")
        .parse()
        .map_err(AppError::Validation)?;
    create_amap_with(&txn, &new).await?;
    let amap = repo::amaps::find_by_slug(&txn, DEMO_SLUG)
        .await?
        .ok_or(AppError::NotFound)?;
    let settings = app::api::amaps::AmapSettingsForm {
        name: amap.name.clone(),
        city: amap.city.clone(),
        time_zone: amap.time_zone.clone(),
        distribution_place: "Maison de quartier, 12 rue Saint-Jean, Lyon 5e".into(),
        distribution_hours: "jeudi 18 h 30 – 19 h 30".into(),
        duty_reminder_days: Some("2".into()),
        swap_close_days: Some("1".into()),
    }
    .parse()
    .map_err(AppError::Validation)?;
    repo::amaps::update_settings(&txn, amap.id, &settings).await?;

    let admin = add_member(
        &txn,
        amap.id,
        &member("admin@example.org", "Claire", "Martin")?,
        Some(hash.clone()),
    )
    .await?
    .0;
    apply_role_change(&txn, amap.id, admin, RoleChange::Admin(true)).await?;
    let treasurer = add_member(
        &txn,
        amap.id,
        &member("tresorier@example.org", "Jean", "Dupuis")?,
        Some(hash.clone()),
    )
    .await?
    .0;
    apply_role_change(&txn, amap.id, treasurer, RoleChange::Treasurer(true)).await?;

    let referent_names = [
        ("Lucie", "Perrin"),
        ("Olivier", "Blanc"),
        ("Sarah", "Guérin"),
        ("Paul", "Muller"),
        ("Emma", "Faure"),
        ("Marc", "Rousseau"),
    ];
    for ((name, description, notice, email), (first, last)) in PRODUCERS.iter().zip(referent_names)
    {
        let producer = repo::producers::insert(&txn, amap.id, name, description, *notice).await?;
        if *name == PRODUCERS[0].0 {
            // The vegetable farm handles its own cheques: its account shows that screen too.
            repo::producers::update(&txn, producer.id, name, description, *notice, true, true)
                .await?;
        }
        let referent = add_member(
            &txn,
            amap.id,
            &member(email, first, last)?,
            Some(hash.clone()),
        )
        .await?
        .0;
        apply_role_change(
            &txn,
            amap.id,
            referent,
            RoleChange::Referent(ProducerId(producer.id), true),
        )
        .await?;
        let farmer_email = format!("producteur{}@example.org", producer.id);
        let farmer = add_member(
            &txn,
            amap.id,
            &member(&farmer_email, "Producteur", name)?,
            Some(hash.clone()),
        )
        .await?
        .0;
        apply_role_change(
            &txn,
            amap.id,
            farmer,
            RoleChange::Producer(ProducerId(producer.id), true),
        )
        .await?;
    }
    // Phones for most, an address for some: the member list has something to show.
    const STREETS: [&str; 5] = [
        "rue des Écoles",
        "avenue Jean Jaurès",
        "place du Marché",
        "chemin des Vignes",
        "rue Pasteur",
    ];
    let mut members = Vec::new();
    let mut addresses = Vec::new();
    for (i, (first, last)) in member_names().into_iter().enumerate() {
        let email = ascii_email(&first, &last);
        let (id, _) = add_member(
            &txn,
            amap.id,
            &member(&email, &first, &last)?,
            Some(hash.clone()),
        )
        .await?;
        members.push(id);
        addresses.push(email);
        if i % 5 != 4 {
            let phone = format!(
                "06 {:02} {:02} {:02} {:02}",
                10 + i % 80,
                i % 97,
                (i * 7) % 100,
                (i * 13) % 100
            );
            let street = format!("{} {}", 1 + i % 40, STREETS[i % STREETS.len()]);
            let with_address = i % 3 == 0;
            repo::users::set_contact(
                &txn,
                id.0,
                repo::users::ContactRow {
                    phone1: &phone,
                    phone2: "",
                    address: if with_address { &street } else { "" },
                    postcode: if with_address { "69001" } else { "" },
                    town: if with_address { "Lyon" } else { "" },
                },
            )
            .await?;
        }
    }

    let today = crate::clock::local(&amap.time_zone, chrono::Utc::now()).date();
    crate::demo_office::seed_adhesions(&txn, &amap, &members, today).await?;
    crate::demo_office::seed_rota(&txn, &amap, &members, today).await?;
    addresses.truncate(5);
    crate::demo_office::seed_mails(&txn, &amap, &addresses).await?;

    // A second, smaller AMAP so that the AMAP switcher has somewhere to go.
    let new = form(SECOND_SLUG, "AMAP du Canal", "Villeurbanne")
        .parse()
        .map_err(AppError::Validation)?;
    create_amap_with(&txn, &new).await?;
    let second = repo::amaps::find_by_slug(&txn, SECOND_SLUG)
        .await?
        .ok_or(AppError::NotFound)?;
    let admin_there = add_member(
        &txn,
        second.id,
        &member("admin@example.org", "Claire", "Martin")?,
        None,
    )
    .await?
    .0;
    apply_role_change(&txn, second.id, admin_there, RoleChange::Admin(true)).await?;
    for (first, last) in member_names().into_iter().skip(100) {
        add_member(
            &txn,
            second.id,
            &member(&ascii_email(&first, &last), &first, &last)?,
            None,
        )
        .await?;
    }
    repo::producers::insert(
        &txn,
        second.id,
        "Jardins du Canal",
        "Légumes et fruits de saison.",
        7,
    )
    .await?;

    repo::users::insert(
        &txn,
        repo::users::NewUserRow {
            email: "operateur@example.org",
            first_name: "Opérateur",
            last_name: "Plateforme",
            password_hash: Some(hash),
            operator: true,
        },
    )
    .await?;
    txn.commit().await?;
    // The demo's dates are relative to the AMAP's real today.
    crate::demo_season::seed(db, &amap, today).await?;
    tracing::info!(
        amap = DEMO_SLUG,
        password = DEMO_PASSWORD,
        "demo AMAPs created: log in as admin@example.org or marie.dubois@example.org"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_members_are_about_120_distinct_people_with_valid_emails() {
        let names = member_names();
        assert!(names.len() >= 100, "{}", names.len());
        let emails: std::collections::HashSet<String> =
            names.iter().map(|(f, l)| ascii_email(f, l)).collect();
        assert_eq!(emails.len(), names.len());
        assert!(
            emails
                .iter()
                .all(|e| app::domain::Email::parse("email", e).is_ok())
        );
        assert!(emails.contains("marie.dubois@example.org"));
        assert_eq!(
            ascii_email("Élodie", "Lefèvre"),
            "elodie.lefevre@example.org"
        );
    }
}
