//! Jokers on an ABONNEMENT: skip a date, or move its basket to another date (reference §2.6,
//! §13 rule 14).

use super::LocalNow;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JokerKind {
    None,
    /// The date's quantities are forced to 0: the contract total decreases.
    Absence,
    /// The date's basket is delivered on another date: the total is unchanged.
    Postponement,
}

crate::domain::names::names!(JokerKind {
    None = "none",
    Absence = "absence",
    Postponement = "postponement",
});

/// When jokers may be chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JokerMode {
    /// Only while signing up (before the deadline).
    AtSignUp,
    /// Also later: a date stays changeable while `today < date − days`.
    UntilDaysBefore(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct JokerPolicy {
    pub kind: JokerKind,
    pub min: u32,
    pub max: u32,
    pub mode: JokerMode,
}

impl Default for JokerPolicy {
    fn default() -> Self {
        Self {
            kind: JokerKind::None,
            min: 0,
            max: 0,
            mode: JokerMode::AtSignUp,
        }
    }
}

/// One joker taken by a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct JokerChoice {
    /// The date skipped.
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    /// Postponement: the date that receives the basket (None for an absence).
    #[serde(default)]
    #[serde(with = "crate::domain::wire::opt_date")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>, format = Date))]
    pub to: Option<NaiveDate>,
}

impl JokerPolicy {
    /// A référent may not set a joker delay shorter than the producer's notice period, nor
    /// `min > max` (reference §2.6).
    pub fn is_consistent(&self, producer_notice_days: u32) -> bool {
        let delay_ok = match self.mode {
            JokerMode::AtSignUp => true,
            JokerMode::UntilDaysBefore(days) => days >= producer_notice_days,
        };
        self.min <= self.max && delay_ok
    }

    /// [`Self::is_consistent`] as the field problem a form shows: `joker_min` above the
    /// maximum, or `joker_days` under the producer's notice period.
    pub fn check(&self, producer_notice_days: u32) -> Result<(), Problem> {
        if self.min > self.max {
            return Err(Problem::with_limit(
                "joker_min",
                ProblemCode::AtMost,
                self.max,
            ));
        }
        if self.is_consistent(producer_notice_days) {
            Ok(())
        } else {
            Err(Problem::with_limit(
                "joker_days",
                ProblemCode::AtLeast,
                producer_notice_days,
            ))
        }
    }

    /// Whether this policy offers jokers at all.
    pub fn offered(&self) -> bool {
        self.kind != JokerKind::None
    }

    /// Whether the joker on `date` may still be taken or given back after sign-up.
    /// Never when jokers are not offered or only chosen at sign-up; with
    /// `UntilDaysBefore(n)`, while `today < date − n days`.
    pub fn changeable_after_sign_up(&self, date: NaiveDate, now: LocalNow) -> bool {
        match self.mode {
            _ if !self.offered() => false,
            JokerMode::AtSignUp => false,
            JokerMode::UntilDaysBefore(days) => super::deadline::before_notice(date, days, now),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::template::fixtures::{at, day};

    fn policy(kind: JokerKind, min: u32, max: u32, mode: JokerMode) -> JokerPolicy {
        JokerPolicy {
            kind,
            min,
            max,
            mode,
        }
    }

    #[test]
    fn the_joker_delay_may_not_undercut_the_producer_notice() {
        let absence = |mode| policy(JokerKind::Absence, 0, 2, mode);
        assert!(absence(JokerMode::UntilDaysBefore(7)).is_consistent(7));
        assert!(absence(JokerMode::UntilDaysBefore(10)).is_consistent(7));
        assert!(!absence(JokerMode::UntilDaysBefore(6)).is_consistent(7));
        assert!(absence(JokerMode::AtSignUp).is_consistent(7));
        assert!(!policy(JokerKind::Absence, 3, 2, JokerMode::AtSignUp).is_consistent(0));
        assert!(JokerPolicy::default().is_consistent(7));
    }

    #[test]
    fn a_policy_names_the_field_that_breaks_it() {
        let short = policy(JokerKind::Absence, 0, 2, JokerMode::UntilDaysBefore(3));
        let problem = short.check(7).expect_err("under the notice");
        assert_eq!(
            (problem.field.as_str(), problem.limit),
            ("joker_days", Some(7))
        );
        let inverted = policy(JokerKind::Absence, 3, 2, JokerMode::AtSignUp);
        assert_eq!(inverted.check(0).expect_err("min > max").field, "joker_min");
        assert!(JokerPolicy::default().check(7).is_ok());
    }

    #[test]
    fn a_joker_stays_changeable_until_n_days_before() {
        let thursday = day(2025, 6, 12);
        let free = policy(JokerKind::Postponement, 0, 2, JokerMode::UntilDaysBefore(2));
        // 12 June − 2 days = 10 June: changeable through 9 June 23:59.
        assert!(free.changeable_after_sign_up(thursday, at(day(2025, 6, 9), 23, 59)));
        assert!(!free.changeable_after_sign_up(thursday, at(day(2025, 6, 10), 0, 0)));
        assert!(!free.changeable_after_sign_up(thursday, at(day(2025, 6, 20), 0, 0)));
    }

    #[test]
    fn jokers_chosen_at_sign_up_or_not_offered_never_change_later() {
        let early = at(day(2025, 1, 1), 0, 0);
        let thursday = day(2025, 6, 12);
        let at_sign_up = policy(JokerKind::Absence, 0, 2, JokerMode::AtSignUp);
        assert!(!at_sign_up.changeable_after_sign_up(thursday, early));
        let none = policy(JokerKind::None, 0, 2, JokerMode::UntilDaysBefore(1));
        assert!(!none.offered() && !none.changeable_after_sign_up(thursday, early));
        assert!(at_sign_up.offered());
    }

    #[test]
    fn modes_and_choices_keep_their_wire_form() {
        let mode = JokerMode::UntilDaysBefore(7);
        assert_eq!(
            serde_json::to_string(&mode).expect("json"),
            r#"{"until_days_before":7}"#
        );
        let choice = JokerChoice {
            date: day(2025, 6, 12),
            to: None,
        };
        assert_eq!(
            serde_json::to_string(&choice).expect("json"),
            r#"{"date":"2025-06-12","to":null}"#
        );
    }
}
