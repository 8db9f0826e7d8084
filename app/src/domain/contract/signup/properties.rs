//! Property tests of the basket expansion and of `check_sign_up` on arbitrary input.

use super::tests::{absence, postpone};
use super::*;
use crate::domain::contract::grid::Cell;
use crate::domain::contract::jokers::{JokerMode, JokerPolicy};
use crate::domain::contract::rules::{DateScope, EntryRule, Operator, ProductScope};
use crate::domain::contract::template::fixtures::{at, day, subscription};
use crate::domain::contract::template::{Exclusion, OfferProduct, TemplateState};
use crate::domain::money::Money;
use chrono::Days;
use proptest::prelude::*;

/// A date near the sample season: the delivery Thursdays and the days around them.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0_u64..70).prop_map(|offset| day(2025, 5, 29) + Days::new(offset))
}

fn any_product() -> impl Strategy<Value = ProductId> {
    (0_i64..6).prop_map(ProductId)
}

fn any_grid() -> impl Strategy<Value = Quantities> {
    proptest::collection::vec((any_date(), any_product(), 0_u32..20), 0..12).prop_map(|cells| {
        cells
            .into_iter()
            .map(|(date, product, qty)| Cell { date, product, qty })
            .collect::<Vec<_>>()
            .into()
    })
}

fn any_window() -> impl Strategy<Value = Window> {
    prop_oneof![
        Just(Window::Open),
        Just(Window::Closed),
        any_date().prop_map(|from| Window::LateFrom { from }),
        proptest::collection::vec(any_date(), 0..6).prop_map(|dates| Window::SomeDates { dates }),
    ]
}

fn any_joker() -> impl Strategy<Value = JokerChoice> {
    (any_date(), proptest::option::of(any_date())).prop_map(|(date, to)| JokerChoice { date, to })
}

fn any_rule() -> impl Strategy<Value = EntryRule> {
    let dates = prop_oneof![
        Just(DateScope::EachDate),
        Just(DateScope::WholeContract),
        any_date().prop_map(DateScope::OneDate),
        proptest::collection::vec(any_date(), 0..4).prop_map(DateScope::SeveralDates),
    ];
    let products = prop_oneof![
        any_product().prop_map(ProductScope::One),
        proptest::collection::vec(any_product(), 0..4).prop_map(ProductScope::Several),
        Just(ProductScope::All),
    ];
    let operator = prop_oneof![
        Just(Operator::Equal),
        Just(Operator::AtLeast),
        Just(Operator::AtMost),
        Just(Operator::MultipleOf),
    ];
    (
        dates,
        products,
        operator,
        0_u32..10,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(dates, products, operator, value, worded, everyone)| EntryRule {
                dates,
                products,
                operator,
                value,
                message: worded.then(|| "Règle du référent".to_owned()),
                binds: if everyone {
                    Binds::Everyone
                } else {
                    Binds::MembersOnly
                },
            },
        )
}

fn any_policy() -> impl Strategy<Value = JokerPolicy> {
    let kind = prop_oneof![
        Just(JokerKind::None),
        Just(JokerKind::Absence),
        Just(JokerKind::Postponement)
    ];
    let mode = prop_oneof![
        Just(JokerMode::AtSignUp),
        (0_u32..20).prop_map(JokerMode::UntilDaysBefore)
    ];
    (kind, 0_u32..3, 0_u32..4, mode).prop_map(|(kind, min, max, mode)| JokerPolicy {
        kind,
        min,
        max,
        mode,
    })
}

fn any_offer() -> impl Strategy<Value = Offer> {
    let nature = prop_oneof![
        Just(Nature::FixedBasket),
        Just(Nature::Free),
        Just(Nature::PrepaidCard)
    ];
    let state = prop_oneof![
        Just(TemplateState::Draft),
        Just(TemplateState::Active),
        Just(TemplateState::Archived)
    ];
    let exclusions =
        proptest::collection::vec((any_date(), proptest::option::of(any_product())), 0..5)
            .prop_map(|v| {
                v.into_iter()
                    .map(|(date, product)| Exclusion { date, product })
                    .collect()
            });
    (
        (
            nature,
            state,
            any_date(),
            0_u32..10,
            any::<bool>(),
            0_u32..10,
        ),
        proptest::collection::vec(any_date(), 0..9),
        proptest::collection::btree_map(any_product(), -500_i64..3_000, 0..5),
        exclusions,
        proptest::collection::vec(any_rule(), 0..4),
        any_policy(),
    )
        .prop_map(
            |(
                (nature, state, deadline, prepaid, late, notice),
                dates,
                prices,
                exclusions,
                rules,
                jokers,
            )| Offer {
                nature,
                state,
                deadline,
                prepaid_notice_days: prepaid,
                late_joiners: late,
                producer_notice_days: notice,
                dates: crate::domain::contract::calendar::normalize(dates),
                products: prices
                    .into_iter()
                    .map(|(id, cents)| OfferProduct {
                        id,
                        price: Money::from_cents(cents),
                    })
                    .collect(),
                exclusions,
                rules,
                jokers,
                conversions: Vec::new(),
            },
        )
}

fn any_sign_up() -> impl Strategy<Value = SignUp> {
    (
        proptest::collection::vec((any_product(), 0_u32..5), 0..4),
        any_grid(),
        proptest::collection::vec(any_joker(), 0..4),
    )
        .prop_map(|(basket, grid, jokers)| SignUp {
            basket,
            grid,
            jokers,
        })
}

/// An offer without exclusions and the indexes of two of its dates.
fn offer_and_two_dates() -> impl Strategy<Value = (Offer, NaiveDate, NaiveDate)> {
    (
        proptest::collection::btree_set(0_u64..20, 2..10),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
    )
        .prop_filter_map("two distinct dates", |(weeks, i, j)| {
            let dates: Vec<NaiveDate> = weeks
                .iter()
                .map(|w| day(2025, 6, 5) + Days::new(7 * w))
                .collect();
            let (a, b) = (dates[i.index(dates.len())], dates[j.index(dates.len())]);
            (a != b).then(|| {
                (
                    Offer {
                        dates,
                        ..subscription()
                    },
                    a,
                    b,
                )
            })
        })
}

fn any_basket() -> impl Strategy<Value = Vec<(ProductId, u32)>> {
    proptest::collection::vec((1_i64..5, 0_u32..5), 1..4)
        .prop_map(|v| v.into_iter().map(|(p, q)| (ProductId(p), q)).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_basket_puts_the_same_quantity_on_every_open_date(
        mut offer in any_offer(),
        items in proptest::collection::btree_map(any_product(), 0_u32..5, 0..4),
        window in any_window(),
    ) {
        offer.nature = Nature::FixedBasket;
        let basket: Vec<(ProductId, u32)> = items.into_iter().collect();
        let q = expand_basket(&offer, &basket, &[], &window);
        for &date in &offer.dates {
            for &(product, qty) in &basket {
                let expected = if window.allows(date) && offer.is_open(date, product) { qty } else { 0 };
                prop_assert_eq!(q.get(date, product), expected);
            }
        }
        prop_assert!(q.cells().all(|c| offer.is_open(c.date, c.product) && window.allows(c.date)));
    }

    #[test]
    fn a_postponement_preserves_the_contract_total((offer, from, to) in offer_and_two_dates(), basket in any_basket()) {
        let price = |p| offer.price_of(p);
        let plain = expand_basket(&offer, &basket, &[], &Window::Open);
        let moved = expand_basket(&offer, &basket, &[postpone(from, to)], &Window::Open);
        prop_assert_eq!(moved.amount(price), plain.amount(price));
        prop_assert_eq!(moved.date_total(from), 0);
        prop_assert_eq!(moved.date_total(to), 2 * plain.date_total(to));
    }

    #[test]
    fn an_absence_lowers_the_total_by_the_skipped_date((offer, skipped, _) in offer_and_two_dates(), basket in any_basket()) {
        let price = |p| offer.price_of(p);
        let plain = expand_basket(&offer, &basket, &[], &Window::Open);
        let absent = expand_basket(&offer, &basket, &[absence(skipped)], &Window::Open);
        prop_assert_eq!(
            absent.amount(price).cents(),
            plain.amount(price).cents() - plain.date_amount(skipped, price).cents()
        );
    }

    #[test]
    fn check_sign_up_never_panics_and_only_stores_sound_grids(
        offer in any_offer(),
        sign_up in any_sign_up(),
        referent in any::<bool>(),
        window in any_window(),
        existing in proptest::option::of(any_grid()),
        minutes in 0_i64..(100 * 24 * 60),
    ) {
        let now = at(day(2025, 5, 20), 0, 0) + chrono::Duration::minutes(minutes);
        let entrant = if referent { Entrant::Referent } else { Entrant::Member };
        match check_sign_up(&offer, &sign_up, entrant, &window, existing.as_ref(), now) {
            Ok(stored) => {
                prop_assert!(!stored.is_empty());
                prop_assert!(stored.cells().all(|c| offer.is_open(c.date, c.product)));
                // Outside the window nothing moves (jokers aside, which may widen it).
                let widened = offer.nature == Nature::FixedBasket && offer.jokers.offered();
                if entrant == Entrant::Member && !widened {
                    let before = existing.clone().unwrap_or_default();
                    for date in offer.dates.iter().filter(|d| !window.allows(**d)) {
                        for product in offer.products.iter().map(|p| p.id) {
                            prop_assert_eq!(stored.get(*date, product), before.get(*date, product));
                        }
                    }
                }
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for (i, p) in problems.iter().enumerate() {
                    prop_assert!(!problems[..i].contains(p), "duplicate {:?}", p);
                }
            }
        }
    }
}
