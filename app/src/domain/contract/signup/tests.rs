//! Example tests of `check_sign_up` and the basket expansion.

use super::*;
use crate::domain::contract::deadline::member_window;
use crate::domain::contract::grid::Cell;
use crate::domain::contract::jokers::{JokerMode, JokerPolicy};
use crate::domain::contract::rules::{DateScope, EntryRule, Operator, ProductScope};
use crate::domain::contract::template::Exclusion;
use crate::domain::contract::template::fixtures::*;

fn before_deadline() -> LocalNow {
    at(day(2025, 5, 20), 18, 0)
}

fn basket(items: &[(ProductId, u32)]) -> SignUp {
    SignUp {
        basket: items.to_vec(),
        ..SignUp::default()
    }
}

fn grid(cells: &[(NaiveDate, ProductId, u32)]) -> Quantities {
    cells
        .iter()
        .map(|&(date, product, qty)| Cell { date, product, qty })
        .collect::<Vec<_>>()
        .into()
}

pub(super) fn absence(date: NaiveDate) -> JokerChoice {
    JokerChoice { date, to: None }
}

pub(super) fn postpone(date: NaiveDate, to: NaiveDate) -> JokerChoice {
    JokerChoice { date, to: Some(to) }
}

fn with_jokers(kind: JokerKind, min: u32, max: u32, mode: JokerMode) -> Offer {
    Offer {
        jokers: JokerPolicy {
            kind,
            min,
            max,
            mode,
        },
        ..subscription()
    }
}

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

fn problems(result: Result<Quantities, Vec<Problem>>) -> Vec<(String, ProblemCode, Option<u32>)> {
    result
        .expect_err("problems expected")
        .into_iter()
        .map(|p| (p.field, p.code, p.limit))
        .collect()
}

fn problem(field: &str, code: ProblemCode) -> (String, ProblemCode, Option<u32>) {
    (field.to_owned(), code, None)
}

fn member(
    offer: &Offer,
    sign_up: &SignUp,
    window: &Window,
    existing: Option<&Quantities>,
    now: LocalNow,
) -> Result<Quantities, Vec<Problem>> {
    check_sign_up(offer, sign_up, Entrant::Member, window, existing, now)
}

#[test]
fn field_names_follow_the_form() {
    let d = day(2025, 6, 5);
    assert_eq!(cell_field(Nature::Free, d, EGGS), "q.2025-06-05.3");
    assert_eq!(cell_field(Nature::PrepaidCard, d, EGGS), "q.2025-06-05.3");
    assert_eq!(cell_field(Nature::FixedBasket, d, EGGS), "q.3");
    assert_eq!(date_field(d), "q.2025-06-05");
    assert_eq!(joker_field(d), "joker.2025-06-05");
}

#[test]
fn a_basket_fills_every_open_date() {
    let mut offer = subscription();
    let dates = offer.dates.clone();
    offer.exclusions = vec![
        Exclusion {
            date: dates[2],
            product: None,
        },
        Exclusion {
            date: dates[3],
            product: Some(EGGS),
        },
    ];
    let q = expand_basket(&offer, &[(SMALL_BASKET, 1), (EGGS, 2)], &[], &Window::Open);
    for (i, date) in dates.iter().enumerate() {
        let (small, eggs) = match i {
            2 => (0, 0),
            3 => (1, 0),
            _ => (1, 2),
        };
        assert_eq!(
            (q.get(*date, SMALL_BASKET), q.get(*date, EGGS)),
            (small, eggs),
            "{date}"
        );
    }
    // A late joiner gets nothing before their first date.
    let late = Window::LateFrom { from: dates[5] };
    let q = expand_basket(&offer, &[(SMALL_BASKET, 1)], &[], &late);
    assert_eq!(
        q.cells().map(|c| c.date).collect::<Vec<_>>(),
        dates[5..].to_vec()
    );
    // Unknown products and repeated entries: the last quantity wins, unknowns get nothing.
    let q = expand_basket(
        &offer,
        &[(EGGS, 5), (EGGS, 1), (ProductId(99), 3)],
        &[],
        &Window::Open,
    );
    assert_eq!(q.product_total(EGGS), 6);
    assert_eq!(q.product_total(ProductId(99)), 0);
}

#[test]
fn a_postponement_keeps_the_total_and_an_absence_lowers_it() {
    let offer = subscription();
    let [a, b] = [offer.dates[1], offer.dates[4]];
    let price = |p| offer.price_of(p);
    let items = [(SMALL_BASKET, 1), (EGGS, 2)];
    let plain = expand_basket(&offer, &items, &[], &Window::Open);
    // 8 × (12,00 + 2 × 3,50) = 152,00 €
    assert_eq!(plain.amount(price).cents(), 15_200);

    let moved = expand_basket(&offer, &items, &[postpone(a, b)], &Window::Open);
    assert_eq!(moved.amount(price), plain.amount(price));
    assert_eq!(moved.date_total(a), 0);
    assert_eq!((moved.get(b, SMALL_BASKET), moved.get(b, EGGS)), (2, 4));

    let skipped = expand_basket(&offer, &items, &[absence(a)], &Window::Open);
    assert_eq!(skipped.amount(price).cents(), 15_200 - 1_900);
    assert_eq!(skipped.date_total(a), 0);
}

#[test]
fn the_resulting_grid_is_the_basket_for_an_abonnement_else_the_grid() {
    let offer = subscription();
    let d = offer.dates[0];
    let sign_up = SignUp {
        basket: vec![(EGGS, 1)],
        grid: grid(&[(d, WINE, 6)]),
        jokers: Vec::new(),
    };
    assert_eq!(
        resulting_grid(&offer, &sign_up, &Window::Open).product_total(EGGS),
        8
    );
    let correction = SignUp {
        basket: Vec::new(),
        ..sign_up.clone()
    };
    assert_eq!(
        resulting_grid(&offer, &correction, &Window::Open),
        grid(&[(d, WINE, 6)])
    );
    let free = Offer {
        nature: Nature::Free,
        ..offer
    };
    assert_eq!(
        resulting_grid(&free, &sign_up, &Window::Open),
        grid(&[(d, WINE, 6)])
    );
}

#[test]
fn a_member_signs_up_for_a_weekly_basket() {
    let offer = subscription();
    let stored = member(
        &offer,
        &basket(&[(SMALL_BASKET, 1)]),
        &Window::Open,
        None,
        before_deadline(),
    )
    .expect("valid sign-up");
    assert_eq!(stored.product_total(SMALL_BASKET), 8);
    assert_eq!(stored.cells().count(), 8);
}

#[test]
fn at_least_one_basket_per_date_is_reported_once_on_an_abonnement() {
    let mut offer = subscription();
    offer.rules = vec![
        rule(
            DateScope::EachDate,
            ProductScope::One(SMALL_BASKET),
            Operator::AtLeast,
            1,
        ),
        rule(
            DateScope::EachDate,
            ProductScope::One(EGGS),
            Operator::AtMost,
            3,
        ),
    ];
    let result = member(
        &offer,
        &basket(&[(EGGS, 4)]),
        &Window::Open,
        None,
        before_deadline(),
    );
    assert_eq!(
        problems(result),
        vec![
            ("q.1".to_owned(), ProblemCode::AtLeast, Some(1)),
            ("q.3".to_owned(), ProblemCode::AtMost, Some(3)),
        ]
    );
}

#[test]
fn wine_by_six_with_the_referent_wording() {
    let mut offer = offer();
    offer.rules = vec![EntryRule {
        message: Some("Vin : par carton de 6 bouteilles".to_owned()),
        ..rule(
            DateScope::EachDate,
            ProductScope::One(WINE),
            Operator::MultipleOf,
            6,
        )
    }];
    let d = offer.dates[0];
    let ok = SignUp {
        grid: grid(&[(d, WINE, 12)]),
        ..SignUp::default()
    };
    assert!(member(&offer, &ok, &Window::Open, None, before_deadline()).is_ok());
    let bad = SignUp {
        grid: grid(&[(d, WINE, 7)]),
        ..SignUp::default()
    };
    let found =
        member(&offer, &bad, &Window::Open, None, before_deadline()).expect_err("7 bottles");
    assert_eq!(
        found,
        vec![Problem {
            field: "q.2025-06-05.4".to_owned(),
            code: ProblemCode::MultipleOf,
            limit: Some(6),
            detail: Some("Vin : par carton de 6 bouteilles".to_owned()),
        }]
    );
}

#[test]
fn referents_are_exempt_from_member_rules_and_the_window() {
    let mut offer = offer();
    offer.rules = vec![
        EntryRule {
            binds: Binds::MembersOnly,
            ..rule(
                DateScope::EachDate,
                ProductScope::One(WINE),
                Operator::MultipleOf,
                6,
            )
        },
        rule(
            DateScope::EachDate,
            ProductScope::One(EGGS),
            Operator::AtMost,
            3,
        ),
    ];
    let d = offer.dates[0];
    let paper = SignUp {
        grid: grid(&[(d, WINE, 7), (d, EGGS, 1)]),
        ..SignUp::default()
    };
    let late = at(day(2025, 7, 1), 9, 0);
    let stored = check_sign_up(
        &offer,
        &paper,
        Entrant::Referent,
        &Window::Closed,
        None,
        late,
    )
    .expect("a référent enters a paper contract");
    assert_eq!(stored, paper.grid);
    // A member is held by both.
    assert_eq!(
        problems(member(&offer, &paper, &Window::Closed, None, late)),
        vec![
            problem("q.2025-06-05.3", ProblemCode::DateClosed),
            problem("q.2025-06-05.4", ProblemCode::DateClosed),
            (
                "q.2025-06-05.4".to_owned(),
                ProblemCode::MultipleOf,
                Some(6)
            ),
        ]
    );
    // "Everyone" rules bind référents too.
    let greedy = SignUp {
        grid: grid(&[(d, EGGS, 4)]),
        ..SignUp::default()
    };
    assert_eq!(
        problems(check_sign_up(
            &offer,
            &greedy,
            Entrant::Referent,
            &Window::Closed,
            None,
            late
        )),
        vec![("q.2025-06-05.3".to_owned(), ProblemCode::AtMost, Some(3))]
    );
}

#[test]
fn cancelled_cells_are_refused() {
    let mut offer = offer();
    let [a, b] = [offer.dates[0], offer.dates[1]];
    offer.exclusions = vec![
        Exclusion {
            date: a,
            product: None,
        },
        Exclusion {
            date: b,
            product: Some(EGGS),
        },
    ];
    let sign_up = SignUp {
        grid: grid(&[
            (a, SMALL_BASKET, 1),
            (b, EGGS, 1),
            (b, SMALL_BASKET, 1),
            (day(2025, 6, 6), WINE, 6),
        ]),
        ..SignUp::default()
    };
    assert_eq!(
        problems(member(
            &offer,
            &sign_up,
            &Window::Open,
            None,
            before_deadline()
        )),
        vec![
            problem("q.2025-06-05.1", ProblemCode::CellClosed),
            problem("q.2025-06-06.4", ProblemCode::CellClosed),
            problem("q.2025-06-12.3", ProblemCode::CellClosed),
        ]
    );
    let unknown = basket(&[(ProductId(99), 1), (SMALL_BASKET, 1)]);
    assert_eq!(
        problems(member(
            &subscription(),
            &unknown,
            &Window::Open,
            None,
            before_deadline()
        )),
        vec![problem("q.99", ProblemCode::CellClosed)]
    );
}

#[test]
fn an_empty_contract_is_refused() {
    let offer = offer();
    assert_eq!(
        problems(member(
            &offer,
            &SignUp::default(),
            &Window::Open,
            None,
            before_deadline()
        )),
        vec![problem("contract", ProblemCode::EmptyContract)]
    );
    let zeros = basket(&[(SMALL_BASKET, 0)]);
    assert_eq!(
        problems(member(
            &subscription(),
            &zeros,
            &Window::Open,
            None,
            before_deadline()
        )),
        vec![problem("contract", ProblemCode::EmptyContract)]
    );
}

#[test]
fn a_late_joiner_with_seven_days_notice_starts_on_the_twelfth() {
    let offer = Offer {
        late_joiners: true,
        ..subscription()
    };
    let now = at(day(2025, 6, 3), 10, 0);
    let window = member_window(&offer, false, now);
    assert_eq!(
        window,
        Window::LateFrom {
            from: day(2025, 6, 12)
        }
    );
    let stored =
        member(&offer, &basket(&[(SMALL_BASKET, 1)]), &window, None, now).expect("late sign-up");
    assert_eq!(stored.get(day(2025, 6, 5), SMALL_BASKET), 0);
    assert_eq!(stored.product_total(SMALL_BASKET), 7);

    // On a LIBRE contract the 5 June cell must stay empty.
    let free = Offer {
        nature: Nature::Free,
        ..offer
    };
    let early = SignUp {
        grid: grid(&[(day(2025, 6, 5), EGGS, 1), (day(2025, 6, 12), EGGS, 1)]),
        ..SignUp::default()
    };
    assert_eq!(
        problems(member(&free, &early, &window, None, now)),
        vec![problem("q.2025-06-05.3", ProblemCode::DateClosed)]
    );
}

#[test]
fn a_late_joiner_is_not_held_by_rules_on_dates_already_gone() {
    let mut offer = Offer {
        late_joiners: true,
        ..subscription()
    };
    offer.rules = vec![rule(
        DateScope::EachDate,
        ProductScope::One(SMALL_BASKET),
        Operator::AtLeast,
        1,
    )];
    let window = Window::LateFrom {
        from: day(2025, 6, 12),
    };
    assert!(
        member(
            &offer,
            &basket(&[(SMALL_BASKET, 1)]),
            &window,
            None,
            at(day(2025, 6, 3), 10, 0)
        )
        .is_ok()
    );
}

#[test]
fn a_closed_window_refuses_changes_but_accepts_the_same_grid() {
    let offer = offer();
    let d = offer.dates[0];
    let existing = grid(&[(d, EGGS, 2)]);
    let late = at(day(2025, 6, 10), 9, 0);
    let same = SignUp {
        grid: existing.clone(),
        ..SignUp::default()
    };
    assert_eq!(
        member(&offer, &same, &Window::Closed, Some(&existing), late),
        Ok(existing.clone())
    );
    let more = SignUp {
        grid: grid(&[(d, EGGS, 3)]),
        ..SignUp::default()
    };
    assert_eq!(
        problems(member(
            &offer,
            &more,
            &Window::Closed,
            Some(&existing),
            late
        )),
        vec![problem("q.2025-06-05.3", ProblemCode::DateClosed)]
    );
}

#[test]
fn a_prepaid_card_changes_only_dates_beyond_notice() {
    let offer = Offer {
        nature: Nature::PrepaidCard,
        ..offer()
    };
    // Monday 9 June, 3 days' notice: 12 June is closed, 19 June open.
    let now = at(day(2025, 6, 9), 8, 0);
    let window = member_window(&offer, true, now);
    let existing = grid(&[(day(2025, 6, 12), SMALL_BASKET, 1)]);
    let later = SignUp {
        grid: grid(&[
            (day(2025, 6, 12), SMALL_BASKET, 1),
            (day(2025, 6, 19), SMALL_BASKET, 2),
        ]),
        ..SignUp::default()
    };
    assert!(member(&offer, &later, &window, Some(&existing), now).is_ok());
    let cancel = SignUp {
        grid: grid(&[(day(2025, 6, 19), SMALL_BASKET, 2)]),
        ..SignUp::default()
    };
    assert_eq!(
        problems(member(&offer, &cancel, &window, Some(&existing), now)),
        vec![problem("q.2025-06-12.1", ProblemCode::DateClosed)]
    );
}

#[test]
fn jokers_need_an_abonnement_that_offers_them() {
    let d = day(2025, 6, 12);
    let sign_up = SignUp {
        jokers: vec![absence(d)],
        ..basket(&[(SMALL_BASKET, 1)])
    };
    let expected = vec![problem("joker.2025-06-12", ProblemCode::JokerNotAllowed)];
    assert_eq!(
        problems(member(
            &subscription(),
            &sign_up,
            &Window::Open,
            None,
            before_deadline()
        )),
        expected
    );
    let free = SignUp {
        grid: grid(&[(d, EGGS, 1)]),
        ..sign_up
    };
    let free_offer = Offer {
        jokers: JokerPolicy {
            kind: JokerKind::Absence,
            max: 2,
            ..JokerPolicy::default()
        },
        ..offer()
    };
    assert_eq!(
        problems(member(
            &free_offer,
            &free,
            &Window::Open,
            None,
            before_deadline()
        )),
        expected
    );
}

#[test]
fn joker_counts_stay_within_min_and_max() {
    let offer = with_jokers(JokerKind::Absence, 1, 2, JokerMode::AtSignUp);
    let dates = offer.dates.clone();
    let take = |jokers: Vec<JokerChoice>| SignUp {
        jokers,
        ..basket(&[(SMALL_BASKET, 1)])
    };
    assert_eq!(
        problems(member(
            &offer,
            &take(vec![]),
            &Window::Open,
            None,
            before_deadline()
        )),
        vec![("jokers".to_owned(), ProblemCode::TooFewJokers, Some(1))]
    );
    let two = take(vec![absence(dates[1]), absence(dates[3])]);
    let stored = member(&offer, &two, &Window::Open, None, before_deadline()).expect("two jokers");
    assert_eq!(stored.product_total(SMALL_BASKET), 6);
    let three = take(vec![
        absence(dates[1]),
        absence(dates[3]),
        absence(dates[5]),
    ]);
    assert_eq!(
        problems(member(
            &offer,
            &three,
            &Window::Open,
            None,
            before_deadline()
        )),
        vec![("jokers".to_owned(), ProblemCode::TooManyJokers, Some(2))]
    );
}

#[test]
fn jokers_must_match_the_kind_and_real_dates() {
    let offer = with_jokers(JokerKind::Postponement, 0, 3, JokerMode::AtSignUp);
    let d = offer.dates.clone();
    let take = |jokers: Vec<JokerChoice>| SignUp {
        jokers,
        ..basket(&[(SMALL_BASKET, 1)])
    };
    let check = |jokers| {
        problems(member(
            &offer,
            &take(jokers),
            &Window::Open,
            None,
            before_deadline(),
        ))
    };
    assert_eq!(
        check(vec![absence(d[1])]),
        vec![problem("joker.2025-06-12", ProblemCode::JokerNotAllowed)]
    );
    assert_eq!(
        check(vec![postpone(d[1], d[1])]),
        vec![problem("joker.2025-06-12", ProblemCode::InvalidDate)]
    );
    assert_eq!(
        check(vec![postpone(day(2025, 6, 13), d[2])]),
        vec![problem("joker.2025-06-13", ProblemCode::InvalidDate)]
    );
    assert_eq!(
        check(vec![postpone(d[1], d[2]), postpone(d[3], d[2])]),
        vec![problem("joker.2025-06-26", ProblemCode::InvalidDate)]
    );
    let moved = member(
        &offer,
        &take(vec![postpone(d[1], d[2])]),
        &Window::Open,
        None,
        before_deadline(),
    )
    .expect("postponed");
    assert_eq!((moved.date_total(d[1]), moved.date_total(d[2])), (0, 2));

    let absences = with_jokers(JokerKind::Absence, 0, 3, JokerMode::AtSignUp);
    let found = problems(member(
        &absences,
        &take(vec![postpone(d[1], d[2])]),
        &Window::Open,
        None,
        before_deadline(),
    ));
    assert_eq!(
        found,
        vec![problem("joker.2025-06-12", ProblemCode::JokerNotAllowed)]
    );

    let mut cancelled = with_jokers(JokerKind::Absence, 0, 3, JokerMode::AtSignUp);
    cancelled.exclusions = vec![Exclusion {
        date: d[1],
        product: None,
    }];
    let found = problems(member(
        &cancelled,
        &take(vec![absence(d[1])]),
        &Window::Open,
        None,
        before_deadline(),
    ));
    assert_eq!(
        found,
        vec![problem("joker.2025-06-12", ProblemCode::JokerNotAllowed)]
    );
}

#[test]
fn a_late_joiner_takes_jokers_only_on_their_dates() {
    let offer = Offer {
        late_joiners: true,
        ..with_jokers(JokerKind::Absence, 0, 2, JokerMode::AtSignUp)
    };
    let window = Window::LateFrom {
        from: day(2025, 6, 12),
    };
    let now = at(day(2025, 6, 3), 10, 0);
    let early = SignUp {
        jokers: vec![absence(day(2025, 6, 5))],
        ..basket(&[(SMALL_BASKET, 1)])
    };
    assert_eq!(
        problems(member(&offer, &early, &window, None, now)),
        vec![problem("joker.2025-06-05", ProblemCode::DateClosed)]
    );
}

#[test]
fn after_sign_up_jokers_move_until_the_joker_delay() {
    let offer = with_jokers(JokerKind::Absence, 0, 2, JokerMode::UntilDaysBefore(7));
    let items = [(SMALL_BASKET, 1)];
    let signed = expand_basket(&offer, &items, &[absence(day(2025, 6, 5))], &Window::Open);
    // Tuesday 10 June: 12 June is within the 7 days (closed since 5 June), 26 June is not.
    let now = at(day(2025, 6, 10), 9, 0);
    let window = member_window(&offer, true, now);
    assert_eq!(window, Window::Closed);
    let resubmit = |jokers: Vec<JokerChoice>| SignUp {
        jokers,
        ..basket(&items)
    };

    let same = resubmit(vec![absence(day(2025, 6, 5))]);
    assert_eq!(
        member(&offer, &same, &window, Some(&signed), now),
        Ok(signed.clone())
    );

    let far = resubmit(vec![absence(day(2025, 6, 5)), absence(day(2025, 6, 26))]);
    let stored = member(&offer, &far, &window, Some(&signed), now).expect("26 June is still open");
    assert_eq!(stored.date_total(day(2025, 6, 26)), 0);
    assert_eq!(stored.product_total(SMALL_BASKET), 6);

    let near = resubmit(vec![absence(day(2025, 6, 5)), absence(day(2025, 6, 12))]);
    assert_eq!(
        problems(member(&offer, &near, &window, Some(&signed), now)),
        vec![problem("joker.2025-06-12", ProblemCode::DateClosed)]
    );

    // The basket itself cannot change after the deadline.
    let bigger = SignUp {
        basket: vec![(SMALL_BASKET, 2)],
        ..same.clone()
    };
    assert_eq!(
        problems(member(&offer, &bigger, &window, Some(&signed), now)),
        vec![problem("q.1", ProblemCode::DateClosed)]
    );

    // Chosen at sign-up only: nothing moves after the deadline.
    let fixed = with_jokers(JokerKind::Absence, 0, 2, JokerMode::AtSignUp);
    assert_eq!(
        problems(member(&fixed, &far, &window, Some(&signed), now)),
        vec![problem("joker.2025-06-26", ProblemCode::DateClosed)]
    );
}

#[test]
fn active_dates_skip_cancellations_jokers_and_dates_outside_the_window() {
    let mut offer = subscription();
    let d = offer.dates.clone();
    offer.exclusions = vec![Exclusion {
        date: d[6],
        product: None,
    }];
    let window = Window::LateFrom { from: d[4] };
    let q = grid(&[(d[1], SMALL_BASKET, 1)]);
    let jokers = [absence(d[5]), postpone(d[4], d[7])];
    assert_eq!(active_dates(&offer, &q, &window, &jokers), vec![d[1], d[7]]);
    assert_eq!(
        active_dates(&offer, &Quantities::new(), &Window::Open, &[]).len(),
        7
    );
}
