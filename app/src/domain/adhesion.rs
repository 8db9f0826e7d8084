//! Memberships (adhésions): the yearly fee a member pays the AMAP itself, per period.
//!
//! A period has dates, a minimum and a suggested amount, and says who records the
//! memberships: the members themselves online (an amount at least the minimum, theirs to
//! change or withdraw until the treasurer has cashed it) or the treasurer alone. The treasurer
//! follows each one from "to provide" to "cashed", with how it was paid and when it came in.
//! A contract template may require a membership of one period before a member signs up.

use super::names::names;
use super::{Money, Problem, ProblemCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest period name, as a contract's.
pub const NAME_MAX: usize = 100;
/// Longest payment instructions ("chèque à l'ordre de…, à remettre au trésorier").
pub const PAYMENT_TEXT_MAX: usize = 2000;

/// Who records the memberships of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Enrolment {
    /// Members adhere online; the treasurer may add the ones who came with paper.
    Online,
    /// Only the treasurer enters memberships (the AMAP collects paper forms).
    Treasurer,
}

names!(Enrolment {
    Online = "online",
    Treasurer = "treasurer",
});

/// How a membership was paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    Cheque,
    Cash,
    Transfer,
}

names!(PaymentKind {
    Cheque = "cheque",
    Cash = "cash",
    Transfer = "transfer",
});

/// Where a membership's payment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AdhesionState {
    /// Promised: the payment is still to come (AmapJ's "à fournir").
    ToProvide,
    /// The treasurer has it ("encaissé"): the member can no longer change it.
    Cashed,
}

names!(AdhesionState {
    ToProvide = "to_provide",
    Cashed = "cashed",
});

/// What a period asks of its members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodTerms {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub minimum: Money,
    pub suggested: Money,
    pub enrolment: Enrolment,
}

impl PeriodTerms {
    /// The dates in order, and a suggested amount no lower than the minimum (neither below
    /// zero): every problem, on its field.
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.ends_on < self.starts_on {
            problems.push(Problem::new("ends_on", ProblemCode::InvalidDate));
        }
        if self.minimum < Money::ZERO {
            problems.push(Problem::new("minimum", ProblemCode::InvalidAmount));
        }
        if self.suggested < self.minimum {
            problems.push(at_least("suggested", self.minimum));
        }
        problems
    }

    /// The period covers `today` (what "a current membership" means).
    pub fn covers(&self, today: NaiveDate) -> bool {
        self.starts_on <= today && today <= self.ends_on
    }

    /// Members may adhere, or change their amount, themselves today.
    pub fn open_online(&self, today: NaiveDate) -> bool {
        self.enrolment == Enrolment::Online && today <= self.ends_on
    }

    /// The amount a member offers: at least the minimum.
    pub fn check_amount(&self, field: &str, amount: Money) -> Result<Money, Problem> {
        if amount < self.minimum || amount < Money::ZERO {
            Err(at_least(field, self.minimum.max(Money::ZERO)))
        } else {
            Ok(amount)
        }
    }
}

/// "At least {amount}": the bound travels as cents, as every amount bound does.
fn at_least(field: &str, bound: Money) -> Problem {
    let cents = u32::try_from(bound.cents()).unwrap_or(u32::MAX);
    Problem::with_limit(field, ProblemCode::BelowMinimum, cents)
}

/// Why a member cannot adhere, change or withdraw their membership online, if they cannot.
pub fn member_refusal(
    terms: &PeriodTerms,
    current: Option<AdhesionState>,
    today: NaiveDate,
) -> Option<Problem> {
    if current == Some(AdhesionState::Cashed) {
        return Some(Problem::new("amount", ProblemCode::AdhesionCashed));
    }
    (!terms.open_online(today)).then(|| Problem::new("amount", ProblemCode::AdhesionClosed))
}

/// The date a payment came in: the one given, else today once the state says it came in;
/// none while it is still to provide (AmapJ sets it on "encaissé" the same way).
pub fn received_on(
    state: AdhesionState,
    given: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match state {
        AdhesionState::ToProvide => None,
        AdhesionState::Cashed => Some(given.unwrap_or(today)),
    }
}

/// One membership as the totals see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub amount: Money,
    pub state: AdhesionState,
}

/// The treasurer's summary of a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdhesionTotals {
    /// Memberships recorded.
    pub count: u32,
    /// Their amounts together.
    pub amount: Money,
    /// Cashed ones, and their amount.
    pub cashed_count: u32,
    pub cashed_amount: Money,
    /// Promised and not yet in hand, and their amount.
    pub missing_count: u32,
    pub missing_amount: Money,
    /// Active members who have not adhered to this period.
    pub without: u32,
}

impl AdhesionTotals {
    pub fn of(entries: impl IntoIterator<Item = Entry>, active_members: u32) -> Self {
        let mut totals = AdhesionTotals::default();
        for entry in entries {
            totals.count += 1;
            totals.amount = totals.amount + entry.amount;
            match entry.state {
                AdhesionState::Cashed => {
                    totals.cashed_count += 1;
                    totals.cashed_amount = totals.cashed_amount + entry.amount;
                }
                AdhesionState::ToProvide => {
                    totals.missing_count += 1;
                    totals.missing_amount = totals.missing_amount + entry.amount;
                }
            }
        }
        totals.without = active_members.saturating_sub(totals.count);
        totals
    }
}

/// Whether a member may sign up for a template that requires `required` (a period), given
/// the periods they adhere to.
pub fn requirement_met(required: Option<i64>, adhered: &[i64]) -> bool {
    required.is_none_or(|period| adhered.contains(&period))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 9, d).expect("valid")
    }

    fn terms(enrolment: Enrolment) -> PeriodTerms {
        PeriodTerms {
            starts_on: day(1),
            ends_on: day(30),
            minimum: Money::from_cents(1000),
            suggested: Money::from_cents(2000),
            enrolment,
        }
    }

    #[test]
    fn a_period_needs_its_dates_in_order_and_a_suggestion_above_the_minimum() {
        assert!(terms(Enrolment::Online).check().is_empty());
        let wrong = PeriodTerms {
            starts_on: day(10),
            ends_on: day(9),
            minimum: Money::from_cents(3000),
            ..terms(Enrolment::Online)
        };
        let fields: Vec<_> = wrong.check().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["ends_on", "suggested"]);
        let negative = PeriodTerms {
            minimum: Money::from_cents(-1),
            ..terms(Enrolment::Online)
        };
        assert_eq!(negative.check()[0].code, ProblemCode::InvalidAmount);
    }

    #[test]
    fn a_member_offers_at_least_the_minimum() {
        let t = terms(Enrolment::Online);
        assert!(t.check_amount("amount", Money::from_cents(1000)).is_ok());
        let low = t
            .check_amount("amount", Money::from_cents(999))
            .expect_err("below");
        assert_eq!(low.code, ProblemCode::BelowMinimum);
        assert_eq!(low.limit, Some(1000));
    }

    #[test]
    fn members_change_their_own_until_it_is_cashed_or_the_period_is_over() {
        let online = terms(Enrolment::Online);
        assert_eq!(member_refusal(&online, None, day(30)), None);
        assert_eq!(
            member_refusal(&online, Some(AdhesionState::ToProvide), day(5)),
            None
        );
        let code = |p: Option<Problem>| p.map(|p| p.code);
        assert_eq!(
            code(member_refusal(&online, Some(AdhesionState::Cashed), day(5))),
            Some(ProblemCode::AdhesionCashed)
        );
        let after = day(30).succ_opt().expect("next day");
        assert_eq!(
            code(member_refusal(&online, None, after)),
            Some(ProblemCode::AdhesionClosed)
        );
        assert_eq!(
            code(member_refusal(&terms(Enrolment::Treasurer), None, day(5))),
            Some(ProblemCode::AdhesionClosed)
        );
    }

    #[test]
    fn cashing_dates_the_payment_and_undoing_it_clears_the_date() {
        assert_eq!(
            received_on(AdhesionState::Cashed, None, day(7)),
            Some(day(7))
        );
        assert_eq!(
            received_on(AdhesionState::Cashed, Some(day(3)), day(7)),
            Some(day(3))
        );
        assert_eq!(
            received_on(AdhesionState::ToProvide, Some(day(3)), day(7)),
            None
        );
    }

    #[test]
    fn a_template_without_a_period_requires_nothing() {
        assert!(requirement_met(None, &[]));
        assert!(requirement_met(Some(4), &[2, 4]));
        assert!(!requirement_met(Some(4), &[2]));
    }

    #[test]
    fn wire_names_read_back() {
        for &e in Enrolment::ALL {
            assert_eq!(Enrolment::parse(e.as_str()), Some(e));
        }
        for &k in PaymentKind::ALL {
            assert_eq!(PaymentKind::parse(k.as_str()), Some(k));
        }
        for &s in AdhesionState::ALL {
            assert_eq!(AdhesionState::parse(s.as_str()), Some(s));
        }
    }

    proptest! {
        #[test]
        fn totals_split_every_membership_into_cashed_or_missing(
            rows in proptest::collection::vec((0_i64..100_000, any::<bool>()), 0..60),
            active in 0_u32..100,
        ) {
            let entries: Vec<Entry> = rows
                .iter()
                .map(|&(cents, cashed)| Entry {
                    amount: Money::from_cents(cents),
                    state: if cashed { AdhesionState::Cashed } else { AdhesionState::ToProvide },
                })
                .collect();
            let t = AdhesionTotals::of(entries.iter().copied(), active);
            prop_assert_eq!(t.count as usize, rows.len());
            prop_assert_eq!(t.cashed_count + t.missing_count, t.count);
            prop_assert_eq!(t.cashed_amount + t.missing_amount, t.amount);
            let sum: i64 = rows.iter().map(|r| r.0).sum();
            prop_assert_eq!(t.amount, Money::from_cents(sum));
            prop_assert_eq!(t.without, active.saturating_sub(t.count));
        }

        #[test]
        fn an_accepted_amount_is_never_below_the_minimum(min in 0_i64..10_000, offered in -100_i64..20_000) {
            let t = PeriodTerms { minimum: Money::from_cents(min), ..terms(Enrolment::Online) };
            let result = t.check_amount("amount", Money::from_cents(offered));
            prop_assert_eq!(result.is_ok(), offered >= min);
        }
    }
}
