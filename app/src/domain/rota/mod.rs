//! The distribution duty rota (permanences): who is on duty at which distribution.
//!
//! A rota period has distribution dates, each with a number of places, each place with a
//! role from the AMAP's list (accueil, distribution, caisse…). Its participants owe a number
//! of duties each (their quota). Members take free places themselves inside the period's
//! window, or the coordinator imposes them with the automatic assignment ([`assign`]).
//!
//! As in AmapJ, a sign-up is refused when the member is already on duty that date (or in
//! that role, by the period's rule), has reached their quota (unless the period allows more),
//! or when no place of the role is free; the window is either "until a date" or "up to N days
//! before each duty". Unlike AmapJ the assignment is fair, not greedy (see [`assign`]).

pub mod assign;
pub mod calendar;
pub mod planning;

use super::ids::{DutyPlaceId, DutyRoleId};
use super::names::names;
use super::{Problem, ProblemCode};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Longest period or role name.
pub const NAME_MAX: usize = 100;
/// Longest period description.
pub const DESCRIPTION_MAX: usize = 2000;
/// Most places on one date: more would be a typo (nobody needs 50 people on duty).
pub const PLACES_MAX: u32 = 20;
/// Most duties one person may be asked for in one period.
pub const QUOTA_MAX: u32 = 100;
/// Longest "days before" window.
pub const DAYS_BEFORE_MAX: u32 = 90;

/// How many duties one member may hold on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignUpRule {
    /// One duty per date (the usual rule).
    OnePerDate,
    /// Several on one date, but each in a different role.
    OnePerRole,
    /// Any number of places (a small AMAP where one person may cover two roles).
    Any,
}

names!(SignUpRule {
    OnePerDate = "one_per_date",
    OnePerRole = "one_per_role",
    Any = "any",
});

/// When members may take (and give back) places themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WindowKind {
    /// Until a date, for every duty of the period.
    Until,
    /// Up to a number of days before each duty (a rolling window).
    DaysBefore,
    /// Never: the coordinator assigns the duties.
    Imposed,
}

names!(WindowKind {
    Until = "until",
    DaysBefore = "days_before",
    Imposed = "imposed",
});

/// The sign-up window of a period, parsed: each kind with what it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    Until(NaiveDate),
    DaysBefore(u32),
    Imposed,
}

impl Window {
    /// Whether a member may take or give back a duty on `duty` today. A past duty is never
    /// open; "until" includes its last day; "N days before" leaves at least N days between
    /// today and the duty, so the coordinator has time to find someone else.
    pub fn is_open(self, today: NaiveDate, duty: NaiveDate) -> bool {
        if duty < today {
            return false;
        }
        match self {
            Window::Until(last) => today <= last,
            Window::DaysBefore(days) => today
                .checked_add_days(Days::new(u64::from(days)))
                .is_some_and(|limit| duty > limit),
            Window::Imposed => false,
        }
    }

    pub fn kind(self) -> WindowKind {
        match self {
            Window::Until(_) => WindowKind::Until,
            Window::DaysBefore(_) => WindowKind::DaysBefore,
            Window::Imposed => WindowKind::Imposed,
        }
    }

    /// The window from its stored or posted parts; the part a kind needs is required.
    pub fn parse(
        kind: WindowKind,
        until: Option<NaiveDate>,
        days_before: Option<u32>,
    ) -> Result<Self, Problem> {
        match kind {
            WindowKind::Until => until
                .map(Window::Until)
                .ok_or_else(|| Problem::new("window_until", ProblemCode::Required)),
            WindowKind::DaysBefore => match days_before {
                None => Err(Problem::new("window_days", ProblemCode::Required)),
                Some(days) if days > DAYS_BEFORE_MAX => Err(Problem::with_limit(
                    "window_days",
                    ProblemCode::AtMost,
                    DAYS_BEFORE_MAX,
                )),
                Some(days) => Ok(Window::DaysBefore(days)),
            },
            WindowKind::Imposed => Ok(Window::Imposed),
        }
    }
}

/// What happened to a place, in a period's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// A member took a free place.
    Take,
    /// A member gave their place back.
    Leave,
    /// A coordinator put a member on a place.
    Assign,
    /// A coordinator took a member off a place.
    Unassign,
    /// The automatic assignment's proposal was published onto the place.
    Publish,
    /// A coordinator erased the sign-ups of a date.
    Clear,
    /// The holder offered the duty to a stand-in.
    Offer,
    /// The holder kept the duty they had offered.
    Withdraw,
    /// A member took an offered duty over (from the holder).
    Accept,
}

names!(MoveKind {
    Take = "take",
    Leave = "leave",
    Assign = "assign",
    Unassign = "unassign",
    Publish = "publish",
    Clear = "clear",
    Offer = "offer",
    Withdraw = "withdraw",
    Accept = "accept",
});

/// A period's sign-up terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terms {
    pub rule: SignUpRule,
    pub window: Window,
    /// Members may take more duties than their quota.
    pub over_quota: bool,
}

/// A duty a member already holds in the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    pub date: NaiveDate,
    pub role: DutyRoleId,
}

/// What the server knows when a member asks for a place of `role` on `date`.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    pub today: NaiveDate,
    pub date: NaiveDate,
    pub role: DutyRoleId,
    /// The member's quota; `None` when they do not take part in the period.
    pub quota: Option<u32>,
    /// Every duty the member holds in the period.
    pub held: &'a [Held],
    /// Free places of `role` on `date`.
    pub free: usize,
}

impl Terms {
    /// Whether the member may take a place; the first rule broken otherwise, in the order a
    /// member can act on: not taking part, window closed, already on duty, quota, no place.
    pub fn check_take(&self, request: &Request<'_>) -> Result<(), ProblemCode> {
        let Some(quota) = request.quota else {
            return Err(ProblemCode::NotParticipant);
        };
        if !self.window.is_open(request.today, request.date) {
            return Err(ProblemCode::DutyClosed);
        }
        if self.clashes(request.held, request.date, request.role) {
            return Err(ProblemCode::AlreadyOnDuty);
        }
        if !self.over_quota && request.held.len() >= quota as usize {
            return Err(ProblemCode::QuotaReached);
        }
        if request.free == 0 {
            return Err(ProblemCode::NoFreePlace);
        }
        Ok(())
    }

    /// Whether holding `held` forbids one more duty of `role` on `date` by the period's rule.
    fn clashes(&self, held: &[Held], date: NaiveDate, role: DutyRoleId) -> bool {
        held.iter().any(|h| match self.rule {
            SignUpRule::OnePerDate => h.date == date,
            SignUpRule::OnePerRole => h.date == date && h.role == role,
            SignUpRule::Any => false,
        })
    }

    /// Whether a member may take over a duty someone offered: a participant, not the one who
    /// offered it, while stand-ins are open, and without a second duty the rule forbids. The
    /// quota is no bar (it is what a member owes, and helping out is welcome) nor the window
    /// (a stand-in is most needed once sign-ups have closed).
    pub fn check_accept(&self, accept: &Accept<'_>) -> Result<(), ProblemCode> {
        if !accept.participant {
            return Err(ProblemCode::NotParticipant);
        }
        if accept.own {
            return Err(ProblemCode::AlreadyOnDuty);
        }
        if !swap_open(accept.today, accept.date, accept.close_days) {
            return Err(ProblemCode::SwapClosed);
        }
        if self.clashes(accept.held, accept.date, accept.role) {
            return Err(ProblemCode::AlreadyOnDuty);
        }
        Ok(())
    }

    /// Whether a member may give back their duty on `date` themselves (after the window only
    /// a coordinator moves it, so that nobody leaves a distribution short at the last minute).
    pub fn check_leave(&self, today: NaiveDate, date: NaiveDate) -> Result<(), ProblemCode> {
        if self.window.is_open(today, date) {
            Ok(())
        } else {
            Err(ProblemCode::DutyClosed)
        }
    }

    /// The key the database keeps unique per (date, member) for a held place: the same key
    /// for two places is the double booking the rule forbids, so the unique index refuses it
    /// even between two requests at the same instant.
    pub fn exclusive_key(&self, role: DutyRoleId, place: DutyPlaceId) -> String {
        match self.rule {
            SignUpRule::OnePerDate => "date".to_owned(),
            SignUpRule::OnePerRole => format!("role:{role}"),
            SignUpRule::Any => format!("place:{place}"),
        }
    }
}

/// What the server knows when a member offers to take over someone's duty.
#[derive(Clone, Debug)]
pub struct Accept<'a> {
    pub today: NaiveDate,
    pub date: NaiveDate,
    pub role: DutyRoleId,
    /// The AMAP's setting: stand-ins close this many days before the duty.
    pub close_days: u32,
    /// Whether the member takes part in the period.
    pub participant: bool,
    /// Whether the member is the one who offered it.
    pub own: bool,
    /// Every duty the member holds in the period.
    pub held: &'a [Held],
}

/// Whether a duty on `date` may still be offered or taken over `today`: until more than
/// `close_days` days are left (the AMAP's setting), after which only a coordinator moves it,
/// so that a distribution is never left to a last-minute exchange.
pub fn swap_open(today: NaiveDate, date: NaiveDate, close_days: u32) -> bool {
    (date - today).num_days() > i64::from(close_days)
}

/// The number of duties to ask of each participant: `places ÷ participants`, and one more
/// when it does not divide (AmapJ offers both; the coordinator chooses).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QuotaSuggestion {
    pub low: u32,
    /// `low + 1` when `low` for everyone leaves places empty.
    pub high: Option<u32>,
}

pub fn suggest_quota(places: u32, participants: u32) -> QuotaSuggestion {
    if participants == 0 {
        return QuotaSuggestion { low: 0, high: None };
    }
    let low = places / participants;
    QuotaSuggestion {
        low,
        high: (!places.is_multiple_of(participants)).then_some(low + 1),
    }
}

/// Where a period stands: places, filled ones, duties owed by the participants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Coverage {
    pub places: u32,
    pub filled: u32,
    pub participants: u32,
    /// Sum of the quotas.
    pub asked: u32,
    /// Duties the participants still owe (each one's quota minus what they hold, never less
    /// than zero: one member's extra duties do not excuse another's).
    pub owed: u32,
}

impl Coverage {
    /// From the number of places, the filled ones, and each participant's (quota, held).
    pub fn of(
        places: u32,
        filled: u32,
        participants: impl IntoIterator<Item = (u32, u32)>,
    ) -> Self {
        let mut coverage = Coverage {
            places,
            filled,
            ..Coverage::default()
        };
        for (quota, held) in participants {
            coverage.participants += 1;
            coverage.asked += quota;
            coverage.owed += owed(quota, held);
        }
        coverage
    }

    /// Filled places in percent, rounded down (0 for a period without places).
    pub fn percent(&self) -> u32 {
        (self.filled * 100).checked_div(self.places).unwrap_or(0)
    }
}

/// What one participant still owes.
pub fn owed(quota: u32, held: u32) -> u32 {
    quota.saturating_sub(held)
}

/// Whether the reminder of a duty on `duty` is due `today` when reminders leave `lead` days
/// ahead: from that day up to the duty itself (a server down on the day still reminds late),
/// never for a past duty, never when the AMAP sends none (`lead` 0).
pub fn reminder_due(duty: NaiveDate, today: NaiveDate, lead: u32) -> bool {
    lead > 0
        && today <= duty
        && duty
            .checked_sub_days(Days::new(u64::from(lead)))
            .is_some_and(|from| from <= today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_stand_in_is_a_participant_other_than_the_holder_before_the_close() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).expect("a date");
        let terms = Terms {
            rule: SignUpRule::OnePerDate,
            window: Window::Imposed,
            over_quota: false,
        };
        let held = [Held {
            date: day(24),
            role: DutyRoleId(1),
        }];
        let accept = Accept {
            today: day(10),
            date: day(17),
            role: DutyRoleId(1),
            close_days: 2,
            participant: true,
            own: false,
            held: &held,
        };
        assert_eq!(
            terms.check_accept(&accept),
            Ok(()),
            "window and quota are no bar"
        );
        let refused = |a: Accept<'_>| terms.check_accept(&a).expect_err("refused");
        assert_eq!(
            refused(Accept {
                participant: false,
                ..accept.clone()
            }),
            ProblemCode::NotParticipant
        );
        assert_eq!(
            refused(Accept {
                own: true,
                ..accept.clone()
            }),
            ProblemCode::AlreadyOnDuty
        );
        assert_eq!(
            refused(Accept {
                today: day(15),
                ..accept.clone()
            }),
            ProblemCode::SwapClosed
        );
        assert_eq!(
            refused(Accept {
                date: day(24),
                ..accept.clone()
            }),
            ProblemCode::AlreadyOnDuty
        );
        assert!(swap_open(day(14), day(17), 2));
        assert!(!swap_open(day(15), day(17), 2));
        assert!(!swap_open(day(18), day(17), 0), "a past duty");
    }

    #[test]
    fn a_reminder_is_due_from_lead_days_ahead_until_the_duty() {
        let duty = NaiveDate::from_ymd_opt(2026, 12, 17).expect("a date");
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).expect("a date");
        assert!(!reminder_due(duty, day(14), 2));
        assert!(reminder_due(duty, day(15), 2));
        assert!(reminder_due(duty, day(17), 2));
        assert!(!reminder_due(duty, day(18), 2), "a past duty");
        assert!(!reminder_due(duty, day(17), 0), "no reminders");
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).expect("date")
    }

    const ROLE: DutyRoleId = DutyRoleId(1);
    const OTHER_ROLE: DutyRoleId = DutyRoleId(2);

    fn terms(rule: SignUpRule) -> Terms {
        Terms {
            rule,
            window: Window::Until(day(20)),
            over_quota: false,
        }
    }

    fn request(held: &[Held]) -> Request<'_> {
        Request {
            today: day(1),
            date: day(10),
            role: ROLE,
            quota: Some(2),
            held,
            free: 1,
        }
    }

    #[test]
    fn a_member_takes_a_free_place_inside_the_window() {
        assert_eq!(
            terms(SignUpRule::OnePerDate).check_take(&request(&[])),
            Ok(())
        );
    }

    #[test]
    fn one_duty_per_date_unless_the_rule_allows_other_roles() {
        let same_date_other_role = [Held {
            date: day(10),
            role: OTHER_ROLE,
        }];
        assert_eq!(
            terms(SignUpRule::OnePerDate).check_take(&request(&same_date_other_role)),
            Err(ProblemCode::AlreadyOnDuty)
        );
        assert_eq!(
            terms(SignUpRule::OnePerRole).check_take(&request(&same_date_other_role)),
            Ok(())
        );
        let same_role = [Held {
            date: day(10),
            role: ROLE,
        }];
        assert_eq!(
            terms(SignUpRule::OnePerRole).check_take(&request(&same_role)),
            Err(ProblemCode::AlreadyOnDuty)
        );
        assert_eq!(
            terms(SignUpRule::Any).check_take(&request(&same_role)),
            Ok(())
        );
    }

    #[test]
    fn the_quota_stops_a_member_unless_the_period_allows_more() {
        let held = [
            Held {
                date: day(3),
                role: ROLE,
            },
            Held {
                date: day(17),
                role: ROLE,
            },
        ];
        let mut terms = terms(SignUpRule::OnePerDate);
        assert_eq!(
            terms.check_take(&request(&held)),
            Err(ProblemCode::QuotaReached)
        );
        terms.over_quota = true;
        assert_eq!(terms.check_take(&request(&held)), Ok(()));
    }

    #[test]
    fn no_free_place_and_no_participation_are_refused() {
        let terms = terms(SignUpRule::OnePerDate);
        let full = Request {
            free: 0,
            ..request(&[])
        };
        assert_eq!(terms.check_take(&full), Err(ProblemCode::NoFreePlace));
        let outsider = Request {
            quota: None,
            ..request(&[])
        };
        assert_eq!(
            terms.check_take(&outsider),
            Err(ProblemCode::NotParticipant)
        );
    }

    #[test]
    fn windows_close_as_they_say() {
        let until = Window::Until(day(5));
        assert!(until.is_open(day(5), day(20)), "the last day is included");
        assert!(!until.is_open(day(6), day(20)));
        let rolling = Window::DaysBefore(3);
        assert!(rolling.is_open(day(1), day(5)));
        assert!(
            !rolling.is_open(day(2), day(5)),
            "three days before is too late"
        );
        assert!(!Window::Imposed.is_open(day(1), day(20)));
        assert!(!until.is_open(day(3), day(2)), "a past duty is never open");
        let terms = Terms {
            window: rolling,
            ..terms(SignUpRule::OnePerDate)
        };
        assert_eq!(
            terms.check_leave(day(2), day(5)),
            Err(ProblemCode::DutyClosed)
        );
        assert_eq!(terms.check_leave(day(1), day(5)), Ok(()));
    }

    #[test]
    fn a_window_needs_what_its_kind_names() {
        assert_eq!(
            Window::parse(WindowKind::Until, None, Some(3))
                .expect_err("refused")
                .field,
            "window_until"
        );
        assert_eq!(
            Window::parse(WindowKind::DaysBefore, None, None)
                .expect_err("refused")
                .field,
            "window_days"
        );
        assert_eq!(
            Window::parse(WindowKind::DaysBefore, None, Some(DAYS_BEFORE_MAX + 1))
                .expect_err("refused")
                .code,
            ProblemCode::AtMost
        );
        assert_eq!(
            Window::parse(WindowKind::Imposed, None, None),
            Ok(Window::Imposed)
        );
    }

    #[test]
    fn the_suggestion_offers_both_counts_when_places_do_not_divide() {
        assert_eq!(
            suggest_quota(30, 10),
            QuotaSuggestion { low: 3, high: None }
        );
        assert_eq!(
            suggest_quota(31, 10),
            QuotaSuggestion {
                low: 3,
                high: Some(4)
            }
        );
        assert_eq!(suggest_quota(5, 0), QuotaSuggestion { low: 0, high: None });
    }

    #[test]
    fn one_members_extra_duties_do_not_excuse_another() {
        let coverage = Coverage::of(10, 4, [(2, 3), (2, 1), (1, 0)]);
        assert_eq!(coverage.owed, 2);
        assert_eq!(coverage.asked, 5);
        assert_eq!(coverage.participants, 3);
        assert_eq!(coverage.percent(), 40);
    }

    #[test]
    fn exclusive_keys_follow_the_rule() {
        let key = |rule| terms(rule).exclusive_key(ROLE, DutyPlaceId(7));
        assert_eq!(key(SignUpRule::OnePerDate), "date");
        assert_eq!(key(SignUpRule::OnePerRole), "role:1");
        assert_eq!(key(SignUpRule::Any), "place:7");
    }

    proptest! {
        /// p and p+1 bracket the places: everyone at `low` leaves no more than `participants`
        /// places empty, everyone at `high` covers them all.
        #[test]
        fn the_suggestion_brackets_the_places(places in 0u32..500, participants in 1u32..200) {
            let s = suggest_quota(places, participants);
            prop_assert!(s.low * participants <= places);
            let high = s.high.unwrap_or(s.low);
            prop_assert!(high * participants >= places);
            prop_assert!(high - s.low <= 1);
        }

        /// Whatever the rule, a sign-up accepted never leaves the member over quota (without
        /// the over-quota setting) or on duty twice on one date under "one per date".
        #[test]
        fn an_accepted_sign_up_keeps_the_rules(
            dates in proptest::collection::vec(1u32..28, 0..6),
            date in 1u32..28,
            quota in 0u32..5,
            free in 0usize..3,
        ) {
            let held: Vec<Held> = dates.iter().map(|d| Held { date: day(*d), role: ROLE }).collect();
            let terms = Terms { window: Window::Until(day(28)), ..terms(SignUpRule::OnePerDate) };
            let request = Request { date: day(date), quota: Some(quota), free, held: &held, ..request(&[]) };
            if terms.check_take(&request).is_ok() {
                prop_assert!(held.len() < quota as usize);
                prop_assert!(!held.iter().any(|h| h.date == day(date)));
                prop_assert!(free > 0);
            }
        }
    }
}
