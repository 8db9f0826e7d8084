//! Entry rules on concrete AMAP examples, and the multiple-of property.
use super::*;
use crate::domain::contract::grid::Cell;
use crate::domain::contract::template::fixtures::*;
use crate::domain::contract::template::{Exclusion, Nature};
use proptest::prelude::*;

fn rule(dates: DateScope, products: ProductScope, operator: Operator, value: u32) -> EntryRule {
    EntryRule {
        dates,
        products,
        operator,
        value,
        message: None,
        binds: Binds::Everyone,
    }
}

fn grid(cells: &[(NaiveDate, ProductId, u32)]) -> Quantities {
    cells
        .iter()
        .map(|&(date, product, qty)| Cell { date, product, qty })
        .collect::<Vec<_>>()
        .into()
}

fn fields(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.field.as_str()).collect()
}

#[test]
fn operators_compare_as_documented() {
    assert!(Operator::Equal.holds(2, 2) && !Operator::Equal.holds(3, 2));
    assert!(Operator::AtLeast.holds(1, 1) && !Operator::AtLeast.holds(0, 1));
    assert!(Operator::AtMost.holds(3, 3) && !Operator::AtMost.holds(4, 3));
    assert!(Operator::MultipleOf.holds(12, 6) && !Operator::MultipleOf.holds(5, 6));
    assert!(Operator::MultipleOf.holds(0, 6) && Operator::MultipleOf.holds(0, 0));
    assert!(!Operator::MultipleOf.holds(6, 0));
}

#[test]
fn wine_by_the_case_of_six_on_each_date() {
    let offer = offer();
    let [a, b, c] = [0, 1, 2].map(|i| offer.dates[i]);
    let wine = rule(
        DateScope::EachDate,
        ProductScope::One(WINE),
        Operator::MultipleOf,
        6,
    );
    let q = grid(&[(a, WINE, 6), (b, WINE, 5), (c, WINE, 12)]);
    let problems = wine.violations(&offer, &q, &offer.dates);
    assert_eq!(
        problems,
        vec![Problem::with_limit(
            "q.2025-06-12.4",
            ProblemCode::MultipleOf,
            6
        )]
    );
}

#[test]
fn wine_by_the_case_over_the_whole_contract() {
    let offer = offer();
    let [a, b] = [0, 1].map(|i| offer.dates[i]);
    let wine = rule(
        DateScope::WholeContract,
        ProductScope::One(WINE),
        Operator::MultipleOf,
        6,
    );
    assert!(
        wine.violations(&offer, &grid(&[(a, WINE, 3), (b, WINE, 3)]), &offer.dates)
            .is_empty()
    );
    let problems = wine.violations(&offer, &grid(&[(a, WINE, 3), (b, WINE, 4)]), &offer.dates);
    assert_eq!(fields(&problems), vec!["q.4"]);
}

#[test]
fn at_least_one_basket_on_every_date_including_empty_ones() {
    let mut offer = offer();
    let [a, b, c] = [0, 1, 2].map(|i| offer.dates[i]);
    // Both baskets are cancelled on c: the rule skips it.
    offer.exclusions = vec![
        Exclusion {
            date: c,
            product: Some(SMALL_BASKET),
        },
        Exclusion {
            date: c,
            product: Some(LARGE_BASKET),
        },
    ];
    let baskets = ProductScope::Several(vec![SMALL_BASKET, LARGE_BASKET]);
    let one_basket = rule(DateScope::EachDate, baskets, Operator::AtLeast, 1);
    let q = grid(&[(a, SMALL_BASKET, 1), (b, EGGS, 2), (c, EGGS, 1)]);
    let active = [a, b, c, offer.dates[3]];
    let problems = one_basket.violations(&offer, &q, &active);
    assert_eq!(fields(&problems), vec!["q.2025-06-12", "q.2025-06-26"]);
    assert!(
        problems
            .iter()
            .all(|p| p.code == ProblemCode::AtLeast && p.limit == Some(1))
    );
}

#[test]
fn at_most_three_boxes_of_eggs() {
    let offer = offer();
    let a = offer.dates[0];
    let eggs = rule(
        DateScope::EachDate,
        ProductScope::One(EGGS),
        Operator::AtMost,
        3,
    );
    assert!(
        eggs.violations(&offer, &grid(&[(a, EGGS, 3)]), &offer.dates)
            .is_empty()
    );
    let problems = eggs.violations(&offer, &grid(&[(a, EGGS, 4)]), &offer.dates);
    assert_eq!(
        problems,
        vec![Problem::with_limit(
            "q.2025-06-05.3",
            ProblemCode::AtMost,
            3
        )]
    );
}

#[test]
fn an_abonnement_reports_on_the_product() {
    let offer = subscription();
    let eggs = rule(
        DateScope::EachDate,
        ProductScope::One(EGGS),
        Operator::AtMost,
        3,
    );
    let q = grid(&[(offer.dates[0], EGGS, 4), (offer.dates[1], EGGS, 4)]);
    let problems = eggs.violations(&offer, &q, &offer.dates);
    assert_eq!(fields(&problems), vec!["q.3", "q.3"]);
}

#[test]
fn one_date_and_several_dates_sum_only_active_listed_dates() {
    let offer = offer();
    let [a, b, c] = [0, 1, 2].map(|i| offer.dates[i]);
    let q = grid(&[(a, SMALL_BASKET, 1), (a, EGGS, 1), (b, EGGS, 1)]);
    let exactly_two = rule(DateScope::OneDate(a), ProductScope::All, Operator::Equal, 2);
    assert!(exactly_two.violations(&offer, &q, &offer.dates).is_empty());
    let exactly_one = EntryRule {
        value: 1,
        ..exactly_two.clone()
    };
    let problems = exactly_one.violations(&offer, &q, &offer.dates);
    assert_eq!(
        problems,
        vec![Problem::with_limit(
            "q.2025-06-05",
            ProblemCode::MustEqual,
            1
        )]
    );
    // A late joiner who starts on b is not held by a rule on a.
    assert!(exactly_one.violations(&offer, &q, &[b, c]).is_empty());

    let eggs_early = rule(
        DateScope::SeveralDates(vec![a, b, c]),
        ProductScope::One(EGGS),
        Operator::AtLeast,
        3,
    );
    let problems = eggs_early.violations(&offer, &q, &offer.dates);
    assert_eq!(
        problems,
        vec![Problem::with_limit("contract", ProblemCode::AtLeast, 3)]
    );
    assert!(
        eggs_early
            .violations(&offer, &q, &offer.dates[3..])
            .is_empty()
    );
}

#[test]
fn whole_contract_across_products_reports_on_the_contract() {
    let offer = offer();
    let big = rule(
        DateScope::WholeContract,
        ProductScope::All,
        Operator::AtMost,
        1,
    );
    let q = grid(&[(offer.dates[0], EGGS, 1), (offer.dates[1], WINE, 1)]);
    assert_eq!(
        fields(&big.violations(&offer, &q, &offer.dates)),
        vec!["contract"]
    );
}

#[test]
fn a_referent_wording_travels_as_detail() {
    let offer = offer();
    let wine = EntryRule {
        message: Some("Le vin se commande par carton de 6".to_owned()),
        ..rule(
            DateScope::EachDate,
            ProductScope::One(WINE),
            Operator::MultipleOf,
            6,
        )
    };
    let problems = wine.violations(&offer, &grid(&[(offer.dates[0], WINE, 1)]), &offer.dates);
    assert_eq!(
        problems[0].detail.as_deref(),
        Some("Le vin se commande par carton de 6")
    );
}

#[test]
fn sums_do_not_overflow() {
    let offer = offer();
    let q = grid(&[
        (offer.dates[0], WINE, u32::MAX),
        (offer.dates[1], WINE, u32::MAX),
    ]);
    let at_most = rule(
        DateScope::WholeContract,
        ProductScope::All,
        Operator::AtMost,
        u32::MAX,
    );
    assert!(at_most.violations(&offer, &q, &offer.dates).is_empty());
    let duplicated = rule(
        DateScope::OneDate(offer.dates[0]),
        ProductScope::Several(vec![WINE, WINE]),
        Operator::Equal,
        u32::MAX,
    );
    assert!(duplicated.violations(&offer, &q, &offer.dates).is_empty());
}

#[test]
fn rules_keep_their_wire_form() {
    let wine = rule(
        DateScope::OneDate(day(2025, 6, 5)),
        ProductScope::Several(vec![WINE]),
        Operator::MultipleOf,
        6,
    );
    let json = serde_json::to_string(&wine).expect("json");
    assert_eq!(
        json,
        r#"{"dates":{"one_date":"2025-06-05"},"products":{"several":[4]},"operator":"multiple_of","value":6,"message":null,"binds":"everyone"}"#
    );
    assert_eq!(
        serde_json::from_str::<EntryRule>(&json).expect("parse"),
        wine
    );
    assert_eq!(Nature::FixedBasket, subscription().nature);
}

proptest! {
    #[test]
    fn multiple_of_accepts_exactly_the_multiples(quantity in 0_u32..2_000, value in 0_u32..60) {
        let is_multiple = (0..=quantity).any(|k| k * value == quantity);
        prop_assert_eq!(Operator::MultipleOf.holds(quantity, value), is_multiple);
    }

    #[test]
    fn a_multiple_of_rule_flags_exactly_the_dates_that_are_not(quantities in proptest::collection::vec(0_u32..40, 8), value in 1_u32..13) {
        let offer = offer();
        let q = grid(&offer.dates.iter().zip(&quantities).map(|(d, n)| (*d, WINE, *n)).collect::<Vec<_>>());
        let wine = rule(DateScope::EachDate, ProductScope::One(WINE), Operator::MultipleOf, value);
        let flagged = wine.violations(&offer, &q, &offer.dates).len();
        prop_assert_eq!(flagged, quantities.iter().filter(|n| **n % value != 0).count());
    }
}
