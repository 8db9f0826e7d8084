//! Example tests of the sign-up form's view of the rules.

use super::*;
use crate::api::contracts::sign_up_from_fields;
use crate::domain::contract::deadline::member_window;
use crate::domain::contract::jokers::{JokerMode, JokerPolicy};
use crate::domain::contract::rules::{Binds, DateScope, EntryRule, Operator, ProductScope};
use crate::domain::contract::signup::resulting_grid;
use crate::domain::contract::stock::Conversion;
use crate::domain::contract::template::Exclusion;
use crate::domain::contract::template::fixtures::*;

fn before_deadline() -> LocalNow {
    at(day(2025, 5, 20), 18, 0)
}

fn context<'a>(
    offer: &'a Offer,
    window: &'a Window,
    existing: Option<&'a Quantities>,
    limits: &'a [StockLimit],
    others: &'a StockUse,
) -> EntryContext<'a> {
    EntryContext {
        offer,
        entrant: Entrant::Member,
        window,
        existing,
        now: before_deadline(),
        limits,
        others,
    }
}

fn fields(pairs: &[(String, &str)]) -> SignUp {
    let map: BTreeMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.clone(), (*v).to_owned()))
        .collect();
    sign_up_from_fields(&map).expect("well-formed fields")
}

fn wine_by_six() -> Offer {
    Offer {
        rules: vec![EntryRule {
            dates: DateScope::EachDate,
            products: ProductScope::One(WINE),
            operator: Operator::MultipleOf,
            value: 6,
            message: None,
            binds: Binds::Everyone,
        }],
        ..offer()
    }
}

fn name(product: ProductId) -> String {
    format!("Produit {product}")
}

#[test]
fn five_bottles_break_the_multiple_of_six_and_six_pass() {
    let offer = wine_by_six();
    let (window, others) = (Window::Open, StockUse::new());
    let ctx = context(&offer, &window, None, &[], &others);
    let first = offer.dates[0];
    let cell = format!("q.{first}.{WINE}");

    let five = ctx.review(&fields(&[(cell.clone(), "5")]), name);
    assert_eq!(
        five.problems,
        vec![Problem::with_limit(&cell, ProblemCode::MultipleOf, 6)]
    );
    // The totals still follow what is typed.
    assert_eq!(five.grid.amount(|p| offer.price_of(p)).cents(), 4_000);

    let six = ctx.review(&fields(&[(cell, "6")]), name);
    assert!(six.problems.is_empty(), "{:?}", six.problems);
    assert_eq!(six.grid.amount(|p| offer.price_of(p)).cents(), 4_800);
    assert_eq!(product_amount(&offer, &six.grid, WINE).cents(), 4_800);
    assert_eq!(product_amount(&offer, &six.grid, EGGS), Money::ZERO);
}

#[test]
fn shortages_are_named_like_the_server_names_them() {
    let offer = Offer {
        conversions: vec![Conversion {
            product: LARGE_BASKET,
            stock_product: SMALL_BASKET,
            coefficient: 2,
        }],
        ..offer()
    };
    let first = offer.dates[0];
    let limits = [StockLimit {
        product: SMALL_BASKET,
        date: None,
        available: 20,
    }];
    let others = StockUse::from([((first, SMALL_BASKET), 17)]);
    let window = Window::Open;
    let ctx = context(&offer, &window, None, &limits, &others);
    let two_large = fields(&[(format!("q.{first}.{LARGE_BASKET}"), "2")]);
    let review = ctx.review(&two_large, name);
    let expected = Problem {
        detail: Some("Produit 1 — 05/06/2025".to_owned()),
        ..Problem::with_limit(
            &format!("q.{first}.{SMALL_BASKET}"),
            ProblemCode::OutOfStock,
            3,
        )
    };
    assert_eq!(review.problems, vec![expected]);

    // On an ABONNEMENT the problem sits on the product's single input.
    let short = shortage_problem(Nature::FixedBasket, first, EGGS, 0, "Œufs");
    assert_eq!(short.field, "q.3");
}

#[test]
fn cancelled_cells_are_greyed_and_gone_dates_locked() {
    let offer = Offer {
        late_joiners: true,
        exclusions: vec![Exclusion {
            date: day(2025, 6, 19),
            product: Some(EGGS),
        }],
        ..wine_by_six()
    };
    let now = at(day(2025, 6, 3), 10, 0);
    let window = member_window(&offer, false, now);
    let others = StockUse::new();
    let ctx = EntryContext {
        now,
        ..context(&offer, &window, None, &[], &others)
    };
    let editable = ctx.editable();
    assert_eq!(
        ctx.cell_state(&editable, day(2025, 6, 5), EGGS),
        CellState::Locked
    );
    assert_eq!(
        ctx.cell_state(&editable, day(2025, 6, 12), EGGS),
        CellState::Open
    );
    assert_eq!(
        ctx.cell_state(&editable, day(2025, 6, 19), EGGS),
        CellState::Cancelled
    );
    assert_eq!(ctx.first_open_date(&editable), Some(day(2025, 6, 12)));
    assert!(ctx.can_save(&editable) && !ctx.jokers_offered());

    // A référent may change every delivered cell.
    let referent = EntryContext {
        entrant: Entrant::Referent,
        ..ctx
    };
    let all = referent.editable();
    assert_eq!(
        referent.cell_state(&all, day(2025, 6, 5), EGGS),
        CellState::Open
    );
    assert_eq!(
        referent.cell_state(&all, day(2025, 6, 19), EGGS),
        CellState::Cancelled
    );
}

#[test]
fn a_stored_abonnement_comes_back_as_the_same_fields() {
    let offer = Offer {
        jokers: JokerPolicy {
            kind: JokerKind::Postponement,
            min: 0,
            max: 2,
            mode: JokerMode::AtSignUp,
        },
        ..subscription()
    };
    let d = offer.dates.clone();
    let jokers = vec![JokerChoice {
        date: d[0],
        to: Some(d[1]),
    }];
    let basket = [(SMALL_BASKET, 1), (EGGS, 2)];
    let stored = expand_basket(&offer, &basket, &jokers, &Window::Open);
    let values = form_values(&offer, &stored, &jokers);
    assert_eq!(values.get("q.1").map(String::as_str), Some("1"));
    assert_eq!(values.get("q.2").map(String::as_str), Some(""));
    assert_eq!(values.get("q.3").map(String::as_str), Some("2"));
    assert_eq!(
        values.get(&format!("joker.{}", d[0])),
        Some(&d[1].to_string())
    );
    let again = sign_up_from_fields(&values).expect("well-formed");
    assert_eq!(resulting_grid(&offer, &again, &Window::Open), stored);

    let window = Window::Open;
    let others = StockUse::new();
    let ctx = context(&offer, &window, Some(&stored), &[], &others);
    let editable = ctx.editable();
    assert!(ctx.joker_editable(&editable, d[3]) && !ctx.joker_absence());
    assert_eq!(ctx.joker_targets(&editable, d[0]).len(), d.len() - 1);
    assert!(ctx.may_withdraw());
}

#[test]
fn a_stored_grid_comes_back_as_the_same_fields() {
    let offer = offer();
    let mut stored = Quantities::new();
    stored.set(offer.dates[0], SMALL_BASKET, 1);
    stored.set(offer.dates[3], WINE, 12);
    let values = form_values(&offer, &stored, &[]);
    assert_eq!(values.len(), 2);
    let again = sign_up_from_fields(&values).expect("well-formed");
    assert_eq!(again.grid, stored);
}

#[test]
fn the_intended_grid_is_what_the_server_stores() {
    // After the deadline an ABONNEMENT keeps its basket; jokers still move on far dates.
    let offer = Offer {
        jokers: JokerPolicy {
            kind: JokerKind::Absence,
            min: 0,
            max: 2,
            mode: JokerMode::UntilDaysBefore(7),
        },
        ..subscription()
    };
    let items = [(SMALL_BASKET, 1)];
    let signed = expand_basket(&offer, &items, &[], &Window::Open);
    let now = at(day(2025, 6, 10), 9, 0);
    let window = member_window(&offer, true, now);
    assert_eq!(window, Window::Closed);
    let others = StockUse::new();
    let ctx = EntryContext {
        now,
        ..context(&offer, &window, Some(&signed), &[], &others)
    };
    assert!(!ctx.basket_editable());
    let editable = ctx.editable();
    assert!(ctx.can_save(&editable));
    assert!(!ctx.joker_editable(&editable, day(2025, 6, 12)));
    assert!(ctx.joker_editable(&editable, day(2025, 6, 26)));
    assert!(!ctx.may_withdraw());

    let far = SignUp {
        basket: items.to_vec(),
        jokers: vec![JokerChoice {
            date: day(2025, 6, 26),
            to: None,
        }],
        ..SignUp::default()
    };
    let review = ctx.review(&far, name);
    assert!(review.problems.is_empty(), "{:?}", review.problems);
    assert_eq!(
        check_sign_up(&offer, &far, Entrant::Member, &window, Some(&signed), now),
        Ok(ctx.intended_grid(&far))
    );
    assert_eq!(review.grid.product_total(SMALL_BASKET), 7);
}
