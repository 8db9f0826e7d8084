//! Mail rules: what kinds of mail Amapola sends, the states a queued mail goes through, and
//! when a failed attempt is retried. The outbox (server side) applies them.

use super::names::names;
use chrono::Duration;
use serde::{Deserialize, Serialize};

/// Why a mail is sent; admins filter the mail page by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    /// A new member chooses a password (link valid [`TokenPurpose::Invitation`]'s lifetime).
    Invitation,
    PasswordReset,
    /// Sent to the new address, which is only used once confirmed.
    EmailChange,
    /// To the member, with the contract and its cheques.
    SignUpConfirmation,
    /// From an admin or a référent, one mail per recipient.
    Bulk,
    /// A template published: to every active member.
    ContractOpened,
    /// What to deliver on a date, to the producer, the sheet attached.
    DeliverySheet,
    /// The coordinator published duties: to each member given one.
    DutyAssigned,
    /// Some days before a duty (the AMAP's setting): to the person on duty.
    DutyReminder,
    /// A member offered a duty: to the participants who could take it over.
    DutyOffered,
    /// An offered duty was taken over: to the one who offered it and the coordinators.
    DutySwapped,
    /// A coordinator sent a period's planning: to each participant, the spreadsheet attached.
    DutyPlanning,
}

names!(MailKind {
    Invitation = "invitation",
    PasswordReset = "password_reset",
    EmailChange = "email_change",
    SignUpConfirmation = "sign_up_confirmation",
    Bulk = "bulk",
    ContractOpened = "contract_opened",
    DeliverySheet = "delivery_sheet",
    DutyAssigned = "duty_assigned",
    DutyReminder = "duty_reminder",
    DutyOffered = "duty_offered",
    DutySwapped = "duty_swapped",
    DutyPlanning = "duty_planning",
});

/// Where a mail stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MailState {
    /// Waiting for its (next) attempt.
    Queued,
    /// Handed to the SMTP server right now; found so after a crash, it is queued again.
    Sending,
    Sent,
    /// Given up: the SMTP server refused it for good, or every retry failed.
    Failed,
    /// No SMTP server is configured: kept, readable on the admins' mail page.
    Held,
}

names!(MailState {
    Queued = "queued",
    Sending = "sending",
    Sent = "sent",
    Failed = "failed",
    Held = "held",
});

/// What a single-use account link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenPurpose {
    Invitation,
    PasswordReset,
    EmailChange,
}

names!(TokenPurpose {
    Invitation = "invitation",
    PasswordReset = "password_reset",
    EmailChange = "email_change",
});

impl TokenPurpose {
    /// How long a link stays usable: a week to accept an invitation (it may arrive on a
    /// Friday evening), a day for the rest (AmapJ: 24 h for a reset).
    pub fn lifetime(self) -> Duration {
        match self {
            TokenPurpose::Invitation => Duration::days(7),
            TokenPurpose::PasswordReset | TokenPurpose::EmailChange => Duration::hours(24),
        }
    }

    /// Whether following the link lets one choose a password.
    pub fn sets_password(self) -> bool {
        matches!(self, TokenPurpose::Invitation | TokenPurpose::PasswordReset)
    }
}

/// Attempts before a mail that keeps failing for a passing reason is given up.
pub const MAX_ATTEMPTS: i32 = 8;

/// The wait before attempt `attempts + 1`, after `attempts` failed ones (1 min, 2, 4 … capped
/// at 2 h); `None`: give up.
pub fn retry_delay(attempts: i32) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let minutes = 1i64 << attempts.clamp(0, 7);
    Some(Duration::minutes(minutes.min(120)))
}

/// The mails a member may turn off, in each AMAP separately ("Mails que je reçois"). Account
/// mails (invitation, password, address) and the messages the AMAP's people write always
/// arrive: they are how the AMAP reaches its members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MailChoices {
    /// "A new contract is open."
    pub openings: bool,
    /// The summary of my contract and its cheques after each save.
    pub confirmations: bool,
    /// A producer's delivery sheet before each distribution (its accounts and référents).
    pub delivery_sheets: bool,
}

impl Default for MailChoices {
    fn default() -> Self {
        Self {
            openings: true,
            confirmations: true,
            delivery_sheets: true,
        }
    }
}

impl MailChoices {
    /// Whether a mail of this kind goes to someone who chose these.
    pub fn wants(&self, kind: MailKind) -> bool {
        match kind {
            MailKind::ContractOpened => self.openings,
            MailKind::SignUpConfirmation => self.confirmations,
            MailKind::DeliverySheet => self.delivery_sheets,
            MailKind::Invitation
            | MailKind::PasswordReset
            | MailKind::EmailChange
            | MailKind::Bulk
            | MailKind::DutyAssigned
            | MailKind::DutyReminder
            | MailKind::DutyOffered
            | MailKind::DutySwapped
            | MailKind::DutyPlanning => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn links_last_a_week_to_accept_and_a_day_to_reset() {
        assert_eq!(TokenPurpose::Invitation.lifetime(), Duration::days(7));
        assert_eq!(TokenPurpose::PasswordReset.lifetime(), Duration::hours(24));
        assert!(!TokenPurpose::EmailChange.sets_password());
    }

    #[test]
    fn retries_back_off_then_give_up() {
        assert_eq!(retry_delay(1), Some(Duration::minutes(2)));
        assert_eq!(retry_delay(7), Some(Duration::minutes(120)));
        assert_eq!(retry_delay(MAX_ATTEMPTS), None);
    }

    proptest! {
        #[test]
        fn each_wait_is_at_least_the_one_before(attempts in 0i32..MAX_ATTEMPTS - 1) {
            let (now, next) = (retry_delay(attempts), retry_delay(attempts + 1));
            prop_assert!(now.is_some() && next.is_some());
            prop_assert!(next >= now);
            prop_assert!(next <= Some(Duration::hours(2)));
        }
    }

    #[test]
    fn account_mails_and_messages_always_arrive_whatever_one_turned_off() {
        let nothing = MailChoices {
            openings: false,
            confirmations: false,
            delivery_sheets: false,
        };
        for &kind in MailKind::ALL {
            let optional = matches!(
                kind,
                MailKind::ContractOpened | MailKind::SignUpConfirmation | MailKind::DeliverySheet
            );
            assert_eq!(nothing.wants(kind), !optional, "{kind:?}");
            assert!(MailChoices::default().wants(kind), "{kind:?}");
        }
        let only_sheets = MailChoices {
            delivery_sheets: true,
            ..nothing
        };
        assert!(only_sheets.wants(MailKind::DeliverySheet));
        assert!(!only_sheets.wants(MailKind::ContractOpened));
    }
}
