//! Worked examples of §3.2, checked by hand against AmapJ's code.

use super::*;

pub(in crate::domain::payment) fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, month, d).expect("valid date")
}

fn euros(cents: i64) -> Money {
    Money::from_cents(cents)
}

fn terms(total: i64, credit: i64, minimum: i64) -> Terms {
    Terms {
        total: euros(total),
        credit: euros(credit),
        minimum: euros(minimum),
    }
}

/// Modifiable, still-empty lines on the 1st of the next `n` months.
fn monthly(n: u32) -> Vec<Line> {
    (0..n)
        .map(|i| Line {
            date: day(i + 1, 1),
            amount: Money::ZERO,
            modifiable: true,
        })
        .collect()
}

fn amounts(lines: &[Line]) -> Vec<i64> {
    lines.iter().map(|line| line.amount.cents()).collect()
}

fn proposed(kind: ProposalKind, terms: &Terms, lines: &[Line]) -> Vec<i64> {
    amounts(&propose(kind, terms, lines, &[]).expect("a modifiable line"))
}

#[test]
fn hundred_euros_over_three_dates() {
    let t = terms(10_000, 0, 0);
    assert_eq!(
        proposed(ProposalKind::SplitRounded, &t, &monthly(3)),
        [3400, 3400, 3200]
    );
    assert_eq!(
        proposed(ProposalKind::SplitStrict, &t, &monthly(3)),
        [3333, 3333, 3334]
    );
}

#[test]
fn forty_euros_over_four_dates_with_a_twenty_euro_minimum() {
    let t = terms(4000, 0, 2000);
    assert_eq!(
        proposed(ProposalKind::SplitRounded, &t, &monthly(4)),
        [2000, 0, 2000, 0]
    );
}

#[test]
fn a_total_below_the_minimum_goes_on_the_first_cheque() {
    let t = terms(1500, 0, 2000);
    assert_eq!(
        proposed(ProposalKind::SplitRounded, &t, &monthly(3)),
        [1500, 0, 0]
    );
}

#[test]
fn pay_ahead_rounds_up_to_the_euro_unlike_amapj_help_text() {
    // Deliveries 15,50 € and 12 € before the second payment date, then 13,50 €.
    let deliveries = [
        (day(1, 8), euros(1550)),
        (day(1, 22), euros(1200)),
        (day(2, 5), euros(1350)),
    ];
    let lines = [day(1, 8), day(2, 5)].map(|date| Line {
        date,
        amount: Money::ZERO,
        modifiable: true,
    });
    let t = terms(4100, 0, 0);
    let rounded = propose(ProposalKind::PayAheadRounded, &t, &lines, &deliveries);
    assert_eq!(amounts(&rounded.expect("proposal")), [2800, 1300]);
    let strict = propose(ProposalKind::PayAheadStrict, &t, &lines, &deliveries);
    assert_eq!(amounts(&strict.expect("proposal")), [2750, 1350]);
}

#[test]
fn pay_ahead_leaves_zero_once_the_credit_covers_the_deliveries() {
    let deliveries = [
        (day(1, 1), euros(1000)),
        (day(2, 1), euros(1000)),
        (day(3, 1), euros(1000)),
    ];
    let t = terms(3000, 1500, 0);
    let lines = propose(ProposalKind::PayAheadStrict, &t, &monthly(3), &deliveries);
    assert_eq!(amounts(&lines.expect("proposal")), [0, 500, 1000]);
}

#[test]
fn pay_ahead_rounded_takes_everything_when_the_rest_would_be_under_the_minimum() {
    let deliveries = [(day(1, 1), euros(1000)), (day(2, 1), euros(1500))];
    let t = terms(2500, 0, 2000);
    let lines = propose(ProposalKind::PayAheadRounded, &t, &monthly(2), &deliveries);
    assert_eq!(amounts(&lines.expect("proposal")), [2500, 0]);
}

#[test]
fn no_modifiable_line_is_an_error() {
    let mut lines = monthly(2);
    for line in &mut lines {
        line.modifiable = false;
    }
    let t = terms(1000, 0, 0);
    assert_eq!(
        propose(ProposalKind::SplitRounded, &t, &lines, &[]),
        Err(NothingModifiable)
    );
    assert_eq!(
        propose(ProposalKind::SplitStrict, &t, &[], &[]),
        Err(NothingModifiable)
    );
    assert_eq!(adjust(&t, lines), Err(NothingModifiable));
}

#[test]
fn a_single_modifiable_line_takes_what_is_due() {
    let mut lines = monthly(3);
    lines[0] = Line {
        amount: euros(2000),
        modifiable: false,
        ..lines[0]
    };
    lines[2] = Line {
        amount: euros(500),
        modifiable: false,
        ..lines[2]
    };
    for kind in [
        ProposalKind::SplitStrict,
        ProposalKind::SplitRounded,
        ProposalKind::PayAheadStrict,
        ProposalKind::PayAheadRounded,
    ] {
        assert_eq!(
            proposed(kind, &terms(6000, 1000, 2000), &lines),
            [2000, 2500, 500]
        );
    }
}

#[test]
fn a_credit_reduces_what_is_due() {
    let t = terms(10_000, 1000, 0);
    assert_eq!(
        proposed(ProposalKind::SplitRounded, &t, &monthly(3)),
        [3000, 3000, 3000]
    );
    assert_eq!(
        proposed(ProposalKind::SplitStrict, &t, &monthly(3)),
        [3000, 3000, 3000]
    );
}

#[test]
fn non_modifiable_lines_are_kept() {
    let mut lines = monthly(4);
    lines[0] = Line {
        amount: euros(4000),
        modifiable: false,
        ..lines[0]
    };
    let t = terms(10_000, 0, 0);
    assert_eq!(
        proposed(ProposalKind::SplitRounded, &t, &lines),
        [4000, 2000, 2000, 2000]
    );
    assert_eq!(
        proposed(ProposalKind::SplitStrict, &t, &lines),
        [4000, 2000, 2000, 2000]
    );
}

#[test]
fn a_later_fixed_cheque_is_reserved_deliberately_unlike_amapj() {
    // AmapJ caps the third line at T − 23 € (not reserving the fixed 20 €): 23, 0, 23, 20, −1.
    let mut lines = monthly(5);
    lines[3] = Line {
        amount: euros(2000),
        modifiable: false,
        ..lines[3]
    };
    let t = terms(6500, 0, 2000);
    assert_eq!(
        proposed(ProposalKind::SplitRounded, &t, &lines),
        [2300, 0, 2200, 2000, 0]
    );
}

#[test]
fn lines_come_back_in_date_order() {
    let mut lines = monthly(3);
    lines.reverse();
    let proposal = propose(
        ProposalKind::SplitRounded,
        &terms(10_000, 0, 0),
        &lines,
        &[],
    );
    let dates: Vec<NaiveDate> = proposal.expect("proposal").iter().map(|l| l.date).collect();
    assert_eq!(dates, [day(1, 1), day(2, 1), day(3, 1)]);
}

#[test]
fn adjust_moves_the_difference_onto_the_last_modifiable_line() {
    let mut lines = monthly(3);
    lines[0].amount = euros(9500);
    lines[1].amount = euros(6000);
    lines[2] = Line {
        amount: euros(1000),
        modifiable: false,
        ..lines[2]
    };
    let adjusted = adjust(&terms(10_000, 500, 0), lines).expect("adjusted");
    assert_eq!(amounts(&adjusted), [9500, -1000, 1000]);
}

#[test]
fn delivery_values_come_from_the_grid() {
    let mut grid = Quantities::new();
    grid.set(day(1, 8), ProductId(1), 2);
    grid.set(day(1, 8), ProductId(2), 1);
    grid.set(day(2, 5), ProductId(1), 1);
    let price = |p: ProductId| Some(euros(if p == ProductId(1) { 550 } else { 450 }));
    assert_eq!(
        delivery_values(&grid, price),
        [(day(1, 8), euros(1550)), (day(2, 5), euros(550))]
    );
}
