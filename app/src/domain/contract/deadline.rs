//! Who may still change what, and until when (reference §2.1, §2.7, §13 rule 9).
//! All comparisons use the AMAP's local time (`LocalNow`); a "day" ends at local midnight.

use super::LocalNow;
use super::template::{Nature, Offer, TemplateState};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Whether the ordinary sign-up period is still open: `now` is on or before the deadline
/// day (until 23:59:59.999 local time).
pub fn sign_up_open(deadline: NaiveDate, now: LocalNow) -> bool {
    now.date() <= deadline
}

/// CARTE_PREPAYEE: date `d` stays editable while `now < (d − notice_days) at 00:00`.
pub fn prepaid_date_editable(date: NaiveDate, notice_days: u32, now: LocalNow) -> bool {
    before_notice(date, notice_days, now)
}

/// `now < (date − days) at 00:00`, i.e. today is strictly before `date − days`. A limit
/// before the start of the calendar has always passed.
pub(super) fn before_notice(date: NaiveDate, days: u32, now: LocalNow) -> bool {
    date.checked_sub_days(Days::new(u64::from(days)))
        .is_some_and(|limit| now.date() < limit)
}

/// Late joiner: the first date `d` with `now < (d − producer_notice_days) at 00:00`.
pub fn first_late_date(offer: &Offer, now: LocalNow) -> Option<NaiveDate> {
    offer
        .dates
        .iter()
        .copied()
        .filter(|d| offer.delivers_on(*d))
        .find(|d| before_notice(*d, offer.producer_notice_days, now))
}

/// How a member's form is open right now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Window {
    /// Every date is editable (before the deadline).
    Open,
    /// Late joiner: dates before `from` are forced to zero, later ones editable.
    LateFrom {
        #[serde(with = "crate::domain::wire::date")]
        from: NaiveDate,
    },
    /// Prepaid card: only the listed dates are editable.
    SomeDates {
        #[serde(with = "crate::domain::wire::dates")]
        dates: Vec<NaiveDate>,
    },
    /// Nothing may be changed by the member.
    Closed,
}

/// The window for a member, given the template and whether they already have a contract
/// (late joining is for new contracts only; a prepaid card or a late contract is not a
/// reason to reopen the whole grid). Drafts and archived templates are closed to members.
/// ABONNEMENT/LIBRE: `Open` while `sign_up_open`, else `LateFrom` if `late_joiners` and a
/// date remains and `has_contract` is false, else `Closed`. CARTE_PREPAYEE: `SomeDates` of the
/// still-editable dates, `Closed` when none (late joining does not apply).
/// The window of whoever enters a contract: the member's, or always open for a référent
/// (paper contracts and corrections are not bound by the sign-up window).
pub fn window_for(
    entrant: super::signup::Entrant,
    offer: &Offer,
    has_contract: bool,
    now: LocalNow,
) -> Window {
    match entrant {
        super::signup::Entrant::Referent => Window::Open,
        super::signup::Entrant::Member => member_window(offer, has_contract, now),
    }
}

pub fn member_window(offer: &Offer, has_contract: bool, now: LocalNow) -> Window {
    if offer.state != TemplateState::Active {
        return Window::Closed;
    }
    match offer.nature {
        Nature::FixedBasket | Nature::Free => {
            if sign_up_open(offer.deadline, now) {
                Window::Open
            } else if offer.late_joiners && !has_contract {
                first_late_date(offer, now).map_or(Window::Closed, |from| Window::LateFrom { from })
            } else {
                Window::Closed
            }
        }
        Nature::PrepaidCard => {
            let dates: Vec<NaiveDate> = offer
                .dates
                .iter()
                .copied()
                .filter(|d| offer.delivers_on(*d))
                .filter(|d| prepaid_date_editable(*d, offer.prepaid_notice_days, now))
                .collect();
            if dates.is_empty() {
                Window::Closed
            } else {
                Window::SomeDates { dates }
            }
        }
    }
}

impl Window {
    /// Whether a member may set quantities on `date` in this window.
    pub fn allows(&self, date: NaiveDate) -> bool {
        match self {
            Window::Open => true,
            Window::LateFrom { from } => date >= *from,
            Window::SomeDates { dates } => dates.contains(&date),
            Window::Closed => false,
        }
    }
}

/// Templates a member can see in "Mes contrats → à souscrire".
pub fn offered_to_members(offer: &Offer, now: LocalNow) -> bool {
    offer.state == TemplateState::Active && member_window(offer, false, now) != Window::Closed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::template::Exclusion;
    use crate::domain::contract::template::fixtures::*;
    use proptest::prelude::*;

    #[test]
    fn sign_up_closes_at_midnight_after_the_deadline_day() {
        let deadline = day(2025, 6, 1);
        assert!(sign_up_open(deadline, at(day(2025, 5, 20), 9, 0)));
        assert!(sign_up_open(deadline, at(deadline, 0, 0)));
        let last_instant = deadline.and_hms_milli_opt(23, 59, 59, 999).expect("time");
        assert!(sign_up_open(deadline, last_instant));
        assert!(sign_up_open(deadline, at(deadline, 23, 59)));
        assert!(!sign_up_open(deadline, at(day(2025, 6, 2), 0, 0)));
    }

    #[test]
    fn a_prepaid_date_closes_three_days_before_at_midnight() {
        // Thursday 12 June with 3 days' notice: editable until Sunday 8 June 23:59.
        let thursday = day(2025, 6, 12);
        assert!(prepaid_date_editable(
            thursday,
            3,
            at(day(2025, 6, 8), 23, 59)
        ));
        assert!(!prepaid_date_editable(
            thursday,
            3,
            at(day(2025, 6, 9), 0, 0)
        ));
        assert!(!prepaid_date_editable(thursday, 3, at(thursday, 8, 0)));
        // Without notice, the date closes as it starts.
        assert!(prepaid_date_editable(
            thursday,
            0,
            at(day(2025, 6, 11), 23, 59)
        ));
        assert!(!prepaid_date_editable(thursday, 0, at(thursday, 0, 0)));
        // A notice reaching before the start of the calendar has always passed.
        assert!(!prepaid_date_editable(
            NaiveDate::MIN,
            3,
            at(NaiveDate::MIN, 0, 0)
        ));
    }

    #[test]
    fn a_late_joiner_starts_after_the_producer_notice() {
        let offer = offer();
        // 7 days' notice: 5 June closed on 29 May, 12 June closes on 5 June at 00:00.
        assert_eq!(
            first_late_date(&offer, at(day(2025, 6, 3), 10, 0)),
            Some(day(2025, 6, 12))
        );
        assert_eq!(
            first_late_date(&offer, at(day(2025, 6, 4), 23, 59)),
            Some(day(2025, 6, 12))
        );
        assert_eq!(
            first_late_date(&offer, at(day(2025, 6, 5), 0, 0)),
            Some(day(2025, 6, 19))
        );
        assert_eq!(first_late_date(&offer, at(day(2025, 7, 17), 0, 0)), None);
    }

    #[test]
    fn a_late_joiner_skips_cancelled_dates() {
        let mut offer = offer();
        offer.exclusions = vec![Exclusion {
            date: day(2025, 6, 12),
            product: None,
        }];
        assert_eq!(
            first_late_date(&offer, at(day(2025, 6, 3), 10, 0)),
            Some(day(2025, 6, 19))
        );
    }

    #[test]
    fn the_member_window_follows_the_deadline_then_late_joining() {
        let mut offer = offer();
        let before = at(day(2025, 6, 1), 23, 59);
        let after = at(day(2025, 6, 2), 0, 0);
        assert_eq!(member_window(&offer, false, before), Window::Open);
        assert_eq!(member_window(&offer, true, before), Window::Open);
        assert_eq!(member_window(&offer, false, after), Window::Closed);

        offer.late_joiners = true;
        let late = Window::LateFrom {
            from: day(2025, 6, 12),
        };
        assert_eq!(member_window(&offer, false, after), late);
        assert!(!late.allows(day(2025, 6, 5)) && late.allows(day(2025, 6, 12)));
        // Late joining is for new contracts only, and needs a date left.
        assert_eq!(member_window(&offer, true, after), Window::Closed);
        assert_eq!(
            member_window(&offer, false, at(day(2025, 7, 20), 9, 0)),
            Window::Closed
        );
    }

    #[test]
    fn drafts_and_archives_are_closed_to_members() {
        for state in [TemplateState::Draft, TemplateState::Archived] {
            let offer = Offer { state, ..offer() };
            assert_eq!(
                member_window(&offer, false, at(day(2025, 5, 1), 9, 0)),
                Window::Closed
            );
            assert!(!offered_to_members(&offer, at(day(2025, 5, 1), 9, 0)));
        }
    }

    #[test]
    fn a_prepaid_card_opens_the_dates_still_beyond_notice() {
        let offer = Offer {
            nature: Nature::PrepaidCard,
            late_joiners: true,
            exclusions: vec![Exclusion {
                date: day(2025, 6, 26),
                product: None,
            }],
            ..offer()
        };
        // Monday 16 June: 19 June closed on the 16th, 26 June is cancelled.
        let now = at(day(2025, 6, 16), 8, 0);
        let expected: Vec<NaiveDate> = [(7, 3), (7, 10), (7, 17), (7, 24)]
            .into_iter()
            .map(|(m, d)| day(2025, m, d))
            .collect();
        assert_eq!(
            member_window(&offer, true, now),
            Window::SomeDates { dates: expected }
        );
        assert_eq!(
            member_window(&offer, false, at(day(2025, 7, 21), 0, 0)),
            Window::Closed
        );
        assert!(offered_to_members(&offer, now));
        assert!(!offered_to_members(&offer, at(day(2025, 7, 21), 0, 0)));
    }

    #[test]
    fn offered_until_the_deadline_or_while_late_joining() {
        let mut offer = offer();
        assert!(offered_to_members(&offer, at(day(2025, 6, 1), 23, 59)));
        assert!(!offered_to_members(&offer, at(day(2025, 6, 2), 0, 0)));
        offer.late_joiners = true;
        assert!(offered_to_members(&offer, at(day(2025, 6, 2), 0, 0)));
    }

    proptest! {
        /// The window never lets a member touch a date the rules close.
        #[test]
        fn windows_respect_the_notices(
            minutes in 0_i64..(90 * 24 * 60),
            late in any::<bool>(),
            has_contract in any::<bool>(),
            prepaid in any::<bool>(),
        ) {
            let offer = Offer {
                nature: if prepaid { Nature::PrepaidCard } else { Nature::Free },
                late_joiners: late,
                ..offer()
            };
            let now = at(day(2025, 5, 1), 0, 0) + chrono::Duration::minutes(minutes);
            let window = member_window(&offer, has_contract, now);
            for date in &offer.dates {
                if window.allows(*date) && window != Window::Open {
                    let notice = if prepaid { offer.prepaid_notice_days } else { offer.producer_notice_days };
                    prop_assert!(now < at(*date - chrono::Days::new(u64::from(notice)), 0, 0));
                }
            }
            if window == Window::Open {
                prop_assert!(!prepaid && now.date() <= offer.deadline);
            }
        }
    }
}
