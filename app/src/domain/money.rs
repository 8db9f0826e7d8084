//! Euros, exactly: a `Decimal` with two decimal places, never a float.
//!
//! Stored as integer cents (SQLite would lose a `Decimal`'s scale); parsed from
//! French ("12,50") or English ("12.50") input; printed the French way ("12,50 €").

use super::problem::{Problem, ProblemCode};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::ops::{Add, Sub};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// The serde error message of an amount `Money::parse` refused; `http::input` turns it into
/// `ProblemCode::InvalidAmount` on the field serde was reading.
pub const INVALID_AMOUNT: &str = "invalid amount";

/// On the wire: a string with a dot and two decimals ("12.50"), always a string (the
/// island's compact binary payload must know what comes).
impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut exact = self.0;
        exact.rescale(2);
        serializer.collect_str(&exact)
    }
}

/// Reading a `Money` always goes through [`Money::parse`]: a decimal string with at most two
/// decimals, within the bound. A float or "12.345" is refused, never rounded.
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Money::parse("amount", &raw).map_err(|_| serde::de::Error::custom(INVALID_AMOUNT))
    }
}

/// On the wire a `Money` is a decimal string with a dot ("12.50"), never a float.
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for Money {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .examples(["12.50"])
            .into()
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for Money {}

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);
    /// A bound no AMAP amount comes near, keeping cent counts far inside `i64`.
    pub const MAX_EUROS: i64 = 10_000_000;

    pub fn from_cents(cents: i64) -> Self {
        Money(Decimal::new(cents, 2))
    }

    /// Exact for every value this type holds (two decimals by construction).
    pub fn cents(self) -> i64 {
        let mut exact = self.0;
        exact.rescale(2);
        // Every constructor bounds the value far inside i64 cents.
        exact.mantissa() as i64
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Parses "12", "12,5", "12.50", "1 234,56", "12,50 €". More than two decimals is refused
    /// rather than rounded: a member typing 12,505 € meant something we should ask about.
    pub fn parse(field: &str, raw: &str) -> Result<Self, Problem> {
        let cleaned: String = raw
            .trim()
            .trim_end_matches('€')
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        if cleaned.is_empty() {
            return Err(Problem::new(field, ProblemCode::Required));
        }
        let invalid = || Problem::new(field, ProblemCode::InvalidAmount);
        let well_formed = cleaned
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
            && cleaned.matches('.').count() <= 1
            && !cleaned.starts_with('.')
            && cleaned.rfind('-').is_none_or(|i| i == 0);
        if !well_formed {
            return Err(invalid());
        }
        let value: Decimal = cleaned.parse().map_err(|_| invalid())?;
        if value.scale() > 2 || value.abs() > Decimal::from(Self::MAX_EUROS) {
            return Err(invalid());
        }
        Ok(Money(value.round_dp(2)))
    }

    /// What a person would type for this amount in a form: `19,00`, `-0,50` (no currency
    /// sign, no thousands separator: `Money::parse` reads it back exactly).
    pub fn as_input(self) -> String {
        let cents = self.cents();
        let sign = if cents < 0 { "-" } else { "" };
        format!("{sign}{},{:02}", cents.abs() / 100, cents.abs() % 100)
    }

    /// Splits into `parts` amounts that differ by at most one cent and always sum to `self`;
    /// the remainder cents go to the last parts.
    pub fn split_evenly(self, parts: u32) -> Vec<Money> {
        if parts == 0 {
            return Vec::new();
        }
        let total = self.cents();
        let n = i64::from(parts);
        let (base, remainder) = (total.div_euclid(n), total.rem_euclid(n));
        (0..n)
            .map(|i| Money::from_cents(base + i64::from(i >= n - remainder)))
            .collect()
    }

    /// Rounds up to a whole euro (AmapJ's `ceilEuro`).
    pub fn ceil_euro(self) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(0, RoundingStrategy::ToPositiveInfinity)
                .round_dp(2),
        )
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

/// Price × quantity, in whole cents; saturates rather than wrapping on absurd input.
impl std::ops::Mul<u32> for Money {
    type Output = Money;
    fn mul(self, quantity: u32) -> Money {
        Money::from_cents(self.cents().saturating_mul(i64::from(quantity)))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl std::fmt::Display for Money {
    /// French format: comma decimal separator, narrow no-break space between thousands.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cents = self.cents();
        let sign = if cents < 0 { "-" } else { "" };
        let (euros, rest) = (cents.abs() / 100, cents.abs() % 100);
        let digits = euros.to_string();
        let mut grouped = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('\u{202f}');
            }
            grouped.push(d);
        }
        write!(f, "{sign}{grouped},{rest:02}\u{a0}€")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn euros(raw: &str) -> Money {
        Money::parse("amount", raw).expect(raw)
    }

    #[test]
    fn parses_french_and_english_forms() {
        assert_eq!(euros("12,50").cents(), 1250);
        assert_eq!(euros("12.5").cents(), 1250);
        assert_eq!(euros("1 234,56 €").cents(), 123_456);
        assert_eq!(euros("7").cents(), 700);
        assert_eq!(euros("-3,20").cents(), -320);
    }

    #[test]
    fn the_wire_carries_exact_strings_and_refuses_what_is_not_a_cent() {
        let json = serde_json::to_string(&euros("12,5")).expect("serialises");
        assert_eq!(json, "\"12.50\"");
        assert_eq!(
            serde_json::from_str::<Money>("\"12.50\"").ok(),
            Some(euros("12,50"))
        );
        for refused in [
            "\"12.345\"",
            "12.5",
            "\"1e9\"",
            "\"NaN\"",
            "\"99999999999\"",
        ] {
            assert!(serde_json::from_str::<Money>(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn form_values_keep_their_sign_and_cents() {
        assert_eq!(euros("19").as_input(), "19,00");
        assert_eq!(euros("-0,50").as_input(), "-0,50");
        assert_eq!(euros("1234,5").as_input(), "1234,50");
    }

    #[test]
    fn refuses_what_it_cannot_read_exactly() {
        for bad in ["12,505", "abc", "1.2.3", "1-2", ",5", "99999999999"] {
            assert_eq!(
                Money::parse("amount", bad).expect_err(bad).code,
                ProblemCode::InvalidAmount,
                "{bad}"
            );
        }
        assert_eq!(
            Money::parse("amount", " ").expect_err("blank").code,
            ProblemCode::Required
        );
    }

    #[test]
    fn prints_the_french_way() {
        assert_eq!(
            Money::from_cents(123_456).to_string(),
            "1\u{202f}234,56\u{a0}€"
        );
        assert_eq!(Money::from_cents(5).to_string(), "0,05\u{a0}€");
        assert_eq!(Money::from_cents(-1250).to_string(), "-12,50\u{a0}€");
    }

    #[test]
    fn splits_like_amapj_strict_split() {
        let parts: Vec<i64> = Money::from_cents(10_000)
            .split_evenly(3)
            .iter()
            .map(|m| m.cents())
            .collect();
        assert_eq!(parts, vec![3333, 3333, 3334]);
        assert_eq!(Money::from_cents(3334).ceil_euro().cents(), 3400);
        assert_eq!(Money::from_cents(3400).ceil_euro().cents(), 3400);
    }

    #[test]
    fn reads_from_the_wire_only_what_parse_accepts() {
        let read = |json: &str| serde_json::from_str::<Money>(json);
        assert_eq!(read("\"12.50\"").expect("valid").cents(), 1250);
        for hostile in [
            "\"12.345\"",
            "\"1e9\"",
            "\"-0.001\"",
            "\"NaN\"",
            "12.5",
            "1e9",
        ] {
            assert!(read(hostile).is_err(), "{hostile} was accepted");
        }
    }

    #[test]
    fn a_price_times_a_quantity_is_exact() {
        assert_eq!((Money::from_cents(1250) * 3).cents(), 3750);
        assert_eq!(
            (Money::from_cents(i64::MAX / 2) * u32::MAX).cents(),
            i64::MAX
        );
    }

    #[test]
    fn serializes_as_an_exact_decimal_string() {
        assert_eq!(
            serde_json::to_string(&Money::from_cents(250)).expect("json"),
            "\"2.50\""
        );
    }

    proptest! {
        #[test]
        fn what_a_form_shows_parses_back_exactly(cents in -1_000_000_000_i64..1_000_000_000) {
            let amount = Money::from_cents(cents);
            prop_assert_eq!(Money::parse("amount", &amount.as_input()), Ok(amount));
        }
    }

    proptest! {
        #[test]
        fn cents_round_trip(cents in -1_000_000_000_i64..1_000_000_000) {
            prop_assert_eq!(Money::from_cents(cents).cents(), cents);
            let shown = Money::from_cents(cents).to_string();
            prop_assert_eq!(Money::parse("a", &shown.replace('\u{202f}', "")).expect("reparse").cents(), cents);
        }

        #[test]
        fn even_split_sums_to_total_within_a_cent(cents in 0_i64..100_000_000, parts in 1_u32..60) {
            let split = Money::from_cents(cents).split_evenly(parts);
            prop_assert_eq!(split.len(), parts as usize);
            prop_assert_eq!(split.iter().copied().sum::<Money>().cents(), cents);
            let (min, max) = (split.iter().min().expect("non-empty"), split.iter().max().expect("non-empty"));
            prop_assert!(max.cents() - min.cents() <= 1);
        }
    }
}
