//! The demo AMAP's season: every producer's catalogue, one template each (the six shapes a
//! real AMAP uses), and most members signed up through the same save path as the API.

use crate::contracts::save::{self, Target};
use crate::contracts::setup::{TemplateSpec, create_template};
use crate::db::entities::amap;
use crate::error::{AppError, AppResult};
use crate::repo;
use app::domain::contract::calendar::{Frequency, generate_dates};
use app::domain::contract::signup::{Entrant, SignUp};
use app::domain::contract::{
    Binds, Conversion, DateScope, EntryRule, JokerKind, JokerMode, JokerPolicy, Nature, Operator,
    ProductScope, Quantities, StockLimit,
};
use app::domain::{Money, ProducerId, ProductId, TemplateId, UserId};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use sea_orm::DatabaseConnection;

/// Members left without any contract, so that a visitor can try signing up from scratch.
pub const UNSUBSCRIBED: [&str; 2] = ["marie.dubois@example.org", "admin@example.org"];

fn euros(cents: i64) -> Money {
    Money::from_cents(cents)
}

/// The first distribution: a Thursday at least ten days away.
pub(crate) fn first_thursday(today: NaiveDate) -> NaiveDate {
    let mut day = today + Days::new(10);
    while day.weekday() != Weekday::Thu {
        day = day + Days::new(1);
    }
    day
}

fn rule(products: ProductScope, operator: Operator, value: u32) -> EntryRule {
    EntryRule {
        dates: DateScope::EachDate,
        products,
        operator,
        value,
        message: None,
        binds: Binds::MembersOnly,
    }
}

async fn products(
    db: &DatabaseConnection,
    amap_id: i64,
    producer: &str,
    items: &[(&str, &str, i64)],
) -> AppResult<(i64, Vec<(i64, Money)>)> {
    let producer = repo::producers::find_by_name(db, amap_id, producer)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut list = Vec::new();
    for (name, packaging, cents) in items {
        let product = repo::products::insert(
            db,
            amap_id,
            producer.id,
            repo::products::NewProduct {
                name,
                packaging,
                description: "",
                active: true,
            },
        )
        .await?;
        list.push((product.id, euros(*cents)));
    }
    Ok((producer.id, list))
}

/// Creates the six templates and the members' contracts. `today` is the AMAP's local date.
pub async fn seed(db: &DatabaseConnection, amap: &amap::Model, today: NaiveDate) -> AppResult<()> {
    let first = first_thursday(today);
    let deadline = today + Days::new(7);
    let season_end = first + Days::new(7 * 23);
    let weekly = generate_dates(Frequency::Weekly, first, season_end);
    let mut templates = Vec::new();

    let (farm, items) = products(
        db,
        amap.id,
        "Ferme du Petit Pré",
        &[
            ("Petit panier", "panier 3 kg", 1200),
            ("Grand panier", "panier 5 kg", 2000),
        ],
    )
    .await?;
    let (small, large) = (ProductId(items[0].0), ProductId(items[1].0));
    let mut spec = TemplateSpec::simple(
        farm,
        "Légumes — saison d'hiver",
        Nature::FixedBasket,
        deadline,
        weekly.clone(),
        items,
    );
    spec.description = "Un panier de légumes de saison chaque jeudi.";
    spec.rules = vec![rule(ProductScope::All, Operator::AtMost, 2)];
    spec.jokers = JokerPolicy {
        kind: JokerKind::Absence,
        min: 0,
        max: 3,
        mode: JokerMode::UntilDaysBefore(7),
    };
    spec.limits = vec![StockLimit {
        product: small,
        date: None,
        available: 140,
    }];
    spec.conversions = vec![Conversion {
        product: large,
        stock_product: small,
        coefficient: 2,
    }];
    spec.late_joiners = true;
    templates.push(create_template(db, amap.id, spec).await?);

    let (farm, items) = products(
        db,
        amap.id,
        "Les Œufs de la Butte",
        &[
            ("Œufs ×6", "boîte de 6", 240),
            ("Œufs ×12", "boîte de 12", 450),
        ],
    )
    .await?;
    let fortnightly = generate_dates(Frequency::Fortnightly, first, season_end);
    let spec = TemplateSpec::simple(
        farm,
        "Œufs — tous les 15 jours",
        Nature::FixedBasket,
        deadline,
        fortnightly,
        items,
    );
    templates.push(create_template(db, amap.id, spec).await?);

    let (farm, items) = products(
        db,
        amap.id,
        "Fournil des Tilleuls",
        &[
            ("Pain de campagne", "1 kg", 480),
            ("Pain aux graines", "500 g", 390),
            ("Brioche", "400 g", 600),
        ],
    )
    .await?;
    let mut spec = TemplateSpec::simple(
        farm,
        "Pain — au choix chaque semaine",
        Nature::Free,
        deadline,
        weekly[..12].to_vec(),
        items,
    );
    spec.rules = vec![rule(ProductScope::All, Operator::AtMost, 6)];
    templates.push(create_template(db, amap.id, spec).await?);

    let (farm, items) = products(
        db,
        amap.id,
        "Domaine des Coteaux",
        &[
            ("Rouge des Coteaux", "bouteille 75 cl", 950),
            ("Blanc sec", "bouteille 75 cl", 890),
        ],
    )
    .await?;
    let wine_dates = vec![weekly[1], weekly[9], weekly[17]];
    let mut spec = TemplateSpec::simple(
        farm,
        "Vins — cartons de 6",
        Nature::Free,
        deadline,
        wine_dates,
        items.clone(),
    );
    spec.description = "Commande par cartons de 6 bouteilles, trois livraisons dans la saison.";
    spec.rules = items
        .iter()
        .map(|(id, _)| rule(ProductScope::One(ProductId(*id)), Operator::MultipleOf, 6))
        .collect();
    spec.limits = vec![StockLimit {
        product: ProductId(items[0].0),
        date: None,
        available: 240,
    }];
    templates.push(create_template(db, amap.id, spec).await?);

    let (farm, items) = products(
        db,
        amap.id,
        "Fromagerie du Val",
        &[
            ("Crottin de chèvre", "pièce 60 g", 320),
            ("Tomme de vache", "500 g", 900),
        ],
    )
    .await?;
    let mut spec = TemplateSpec::simple(
        farm,
        "Fromages — carte prépayée",
        Nature::PrepaidCard,
        deadline,
        weekly.clone(),
        items,
    );
    spec.prepaid_notice_days = 3;
    templates.push(create_template(db, amap.id, spec).await?);

    let (farm, items) = products(
        db,
        amap.id,
        "Élevage des Prés Salés",
        &[
            ("Colis d'agneau", "5 kg", 8500),
            ("Colis de bœuf", "5 kg", 7500),
        ],
    )
    .await?;
    let monthly = generate_dates(Frequency::MonthlySameWeekday, first, season_end);
    let mut spec = TemplateSpec::simple(
        farm,
        "Viande — colis mensuel",
        Nature::FixedBasket,
        deadline,
        monthly,
        items.clone(),
    );
    spec.limits = items
        .iter()
        .map(|(id, _)| StockLimit {
            product: ProductId(*id),
            date: None,
            available: 20,
        })
        .collect();
    spec.late_joiners = true;
    templates.push(create_template(db, amap.id, spec).await?);

    subscribe_members(db, amap, &templates).await?;
    crate::demo_cheques::seed(db, amap, &templates, deadline, today).await
}

/// What member number `i` orders from template number `t` (None: not subscribed).
fn order(i: usize, t: usize, dates: &[NaiveDate], products: &[ProductId]) -> Option<SignUp> {
    let basket = |p: usize, q: u32| SignUp {
        basket: vec![(products[p], q)],
        ..SignUp::default()
    };
    let grid = |cells: Vec<(NaiveDate, usize, u32)>| {
        let mut g = Quantities::new();
        for (d, p, q) in cells {
            g.set(d, products[p], q);
        }
        SignUp {
            grid: g,
            ..SignUp::default()
        }
    };
    match t {
        0 if i % 10 < 7 => Some(basket(usize::from(i.is_multiple_of(3)), 1)),
        1 if i.is_multiple_of(2) => Some(basket(i % 4 / 2, 1)),
        2 if i % 5 < 2 => Some(grid(
            dates.iter().step_by(2).map(|d| (*d, i % 3, 1)).collect(),
        )),
        3 if i % 5 == 1 => Some(grid(vec![(dates[0], 0, 6), (dates[2], 1, 6)])),
        4 if i % 10 < 3 => Some(grid(dates.iter().map(|d| (*d, 0, 2)).collect())),
        5 if i % 7 == 3 => Some(basket(i % 2, 1)),
        _ => None,
    }
}

async fn subscribe_members(
    db: &DatabaseConnection,
    amap: &amap::Model,
    templates: &[i64],
) -> AppResult<()> {
    let members = repo::memberships::list_with_users(db, amap.id).await?;
    for (t, template_id) in templates.iter().enumerate() {
        let template = repo::templates::find(db, amap.id, TemplateId(*template_id))
            .await?
            .ok_or(AppError::NotFound)?;
        let producer = repo::producers::find(db, amap.id, ProducerId(template.producer_id))
            .await?
            .ok_or(AppError::NotFound)?;
        let loaded = repo::templates::load(db, template).await?;
        let dates: Vec<NaiveDate> = loaded.dates.iter().map(|d| d.date).collect();
        let products: Vec<ProductId> = loaded
            .products
            .iter()
            .map(|(tp, _)| ProductId(tp.product_id))
            .collect();
        for (i, (_, user)) in members.iter().enumerate() {
            if UNSUBSCRIBED.contains(&user.email.as_str()) || user.email.starts_with("producteur") {
                continue;
            }
            let Some(sign_up) = order(i, t, &dates, &products) else {
                continue;
            };
            let target = Target {
                amap,
                loaded: &loaded,
                producer: &producer,
                user_id: UserId(user.id),
                actor: user.id,
                now: crate::clock::local(&amap.time_zone, chrono::Utc::now()),
                instant: chrono::Utc::now(),
                confirm_with: None,
            };
            save::save(db, target, sign_up, Entrant::Member).await?;
        }
    }
    Ok(())
}
