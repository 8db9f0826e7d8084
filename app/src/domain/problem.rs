//! Field-level problems found while parsing input.
//!
//! Parsers return every problem they find (not just the first) so that a form can show all
//! of its errors at once. Problems carry a code, never a sentence: the sentence is chosen by
//! the reader's language in `crate::messages`.

use serde::{Deserialize, Serialize};

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    Required,
    TooShort,
    TooLong,
    InvalidEmail,
    InvalidSlug,
    InvalidTimeZone,
    InvalidAmount,
    Taken,
    UnknownValue,
    Malformed,
    /// Entry rule: the quantity must be a multiple of `limit`.
    MultipleOf,
    /// Entry rule: at least `limit`.
    AtLeast,
    /// Entry rule: at most `limit`.
    AtMost,
    /// Entry rule: exactly `limit`.
    MustEqual,
    /// This product is not delivered on this date (cancelled or unknown).
    CellClosed,
    /// This date can no longer be changed (deadline or notice period passed).
    DateClosed,
    /// A contract needs at least one product.
    EmptyContract,
    /// Not enough stock left; `limit` units are still available.
    OutOfStock,
    /// Fewer jokers than the `limit` required.
    TooFewJokers,
    /// More jokers than the `limit` allowed.
    TooManyJokers,
    /// Jokers are not offered on this contract, or not on this date.
    JokerNotAllowed,
    /// A date or a value that does not fit (e.g. a deadline after the first delivery).
    InvalidDate,
    /// The payments add up to more than is due; `limit` is the excess in cents.
    Overpaid,
    ChequeReceived,
    ChequeRemitted,
    NotInSlip,
    DateRemitted,
    ChequesHeld,
    ChequesMissing,
    NotEarliest,
    NothingToRemit,
    NothingToCarry,
    NoNextContract,
    /// Products still at 0,00 € (named in `detail`): a template is not published so.
    Unpriced,
    /// Granting admin rights needs an explicit confirmation.
    ConfirmAdmin,
    /// Not a phone number (letters, too few or too many digits).
    InvalidPhone,
    /// An invitation or password link that was used already, expired, or never existed.
    LinkExpired,
    /// A required column is absent from the file (its heading in `detail`).
    MissingColumn,
    /// The file has no line to import.
    EmptyFile,
    /// Not a CSV, XLSX or ODS file that can be read.
    UnreadableFile,
    /// The same address appears on an earlier line (`limit`).
    Duplicate,
    /// Already a member of this AMAP.
    AlreadyMember,
    /// Still holds `limit` contracts (a member is deactivated, not deleted).
    HasContracts,
    /// Still holds a role; revoke it first.
    HasRoles,
    /// The account belongs to another AMAP too: its owner changes this.
    SharedAccount,
    /// The current password does not match.
    WrongPassword,
    BelowMinimum,
    AdhesionCashed,
    AdhesionClosed,
    AdhesionRequired,
    HasAdhesions,
    RequiredByTemplates,
    AlreadyAdhered,
    NotParticipant,
    DutyClosed,
    AlreadyOnDuty,
    QuotaReached,
    NoFreePlace,
    HasDuties,
    /// Too close to the duty to offer it or take it over: the coordinator moves it now.
    SwapClosed,
    /// Someone else took the offered duty over first, or it was withdrawn.
    OfferTaken,
}

impl ProblemCode {
    /// Whether the problem lies in what is stored rather than in what was sent: a name
    /// already taken, a cheque already remitted, a deadline passed, the stock gone, a link
    /// used. Such a request was well formed and would be accepted another time: HTTP says
    /// 409 (conflict with the current state), not 422.
    pub fn is_conflict(self) -> bool {
        matches!(
            self,
            Self::Taken
                | Self::CellClosed
                | Self::DateClosed
                | Self::OutOfStock
                | Self::ChequeReceived
                | Self::ChequeRemitted
                | Self::DateRemitted
                | Self::ChequesHeld
                | Self::NotEarliest
                | Self::NothingToRemit
                | Self::ChequesMissing
                | Self::NothingToCarry
                | Self::NoNextContract
                | Self::Unpriced
                | Self::LinkExpired
                | Self::AlreadyMember
                | Self::HasContracts
                | Self::HasRoles
                | Self::SharedAccount
                | Self::AdhesionCashed
                | Self::AdhesionClosed
                | Self::AdhesionRequired
                | Self::HasAdhesions
                | Self::RequiredByTemplates
                | Self::AlreadyAdhered
                | Self::NotParticipant
                | Self::DutyClosed
                | Self::AlreadyOnDuty
                | Self::QuotaReached
                | Self::NoFreePlace
                | Self::HasDuties
                | Self::SwapClosed
                | Self::OfferTaken
        )
    }

    pub const ALL: [ProblemCode; 61] = [
        Self::Required,
        Self::TooShort,
        Self::TooLong,
        Self::InvalidEmail,
        Self::InvalidSlug,
        Self::InvalidTimeZone,
        Self::InvalidAmount,
        Self::Taken,
        Self::UnknownValue,
        Self::Malformed,
        Self::MultipleOf,
        Self::AtLeast,
        Self::AtMost,
        Self::MustEqual,
        Self::CellClosed,
        Self::DateClosed,
        Self::EmptyContract,
        Self::OutOfStock,
        Self::TooFewJokers,
        Self::TooManyJokers,
        Self::JokerNotAllowed,
        Self::InvalidDate,
        Self::Overpaid,
        Self::ChequeReceived,
        Self::ChequeRemitted,
        Self::NotInSlip,
        Self::DateRemitted,
        Self::ChequesHeld,
        Self::ChequesMissing,
        Self::NotEarliest,
        Self::NothingToRemit,
        Self::NothingToCarry,
        Self::NoNextContract,
        Self::Unpriced,
        Self::ConfirmAdmin,
        Self::InvalidPhone,
        Self::LinkExpired,
        Self::MissingColumn,
        Self::EmptyFile,
        Self::UnreadableFile,
        Self::Duplicate,
        Self::AlreadyMember,
        Self::HasContracts,
        Self::HasRoles,
        Self::SharedAccount,
        Self::WrongPassword,
        Self::BelowMinimum,
        Self::AdhesionCashed,
        Self::AdhesionClosed,
        Self::AdhesionRequired,
        Self::HasAdhesions,
        Self::RequiredByTemplates,
        Self::AlreadyAdhered,
        Self::NotParticipant,
        Self::DutyClosed,
        Self::AlreadyOnDuty,
        Self::QuotaReached,
        Self::NoFreePlace,
        Self::HasDuties,
        Self::SwapClosed,
        Self::OfferTaken,
    ];

    /// The wire name, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::InvalidEmail => "invalid_email",
            Self::InvalidSlug => "invalid_slug",
            Self::InvalidTimeZone => "invalid_time_zone",
            Self::InvalidAmount => "invalid_amount",
            Self::Taken => "taken",
            Self::UnknownValue => "unknown_value",
            Self::Malformed => "malformed",
            Self::MultipleOf => "multiple_of",
            Self::AtLeast => "at_least",
            Self::AtMost => "at_most",
            Self::MustEqual => "must_equal",
            Self::CellClosed => "cell_closed",
            Self::DateClosed => "date_closed",
            Self::EmptyContract => "empty_contract",
            Self::OutOfStock => "out_of_stock",
            Self::TooFewJokers => "too_few_jokers",
            Self::TooManyJokers => "too_many_jokers",
            Self::JokerNotAllowed => "joker_not_allowed",
            Self::InvalidDate => "invalid_date",
            Self::Overpaid => "overpaid",
            Self::ChequeReceived => "cheque_received",
            Self::ChequeRemitted => "cheque_remitted",
            Self::NotInSlip => "not_in_slip",
            Self::DateRemitted => "date_remitted",
            Self::ChequesHeld => "cheques_held",
            Self::ChequesMissing => "cheques_missing",
            Self::NotEarliest => "not_earliest",
            Self::NothingToRemit => "nothing_to_remit",
            Self::NothingToCarry => "nothing_to_carry",
            Self::NoNextContract => "no_next_contract",
            Self::Unpriced => "unpriced",
            Self::ConfirmAdmin => "confirm_admin",
            Self::InvalidPhone => "invalid_phone",
            Self::LinkExpired => "link_expired",
            Self::MissingColumn => "missing_column",
            Self::EmptyFile => "empty_file",
            Self::UnreadableFile => "unreadable_file",
            Self::Duplicate => "duplicate",
            Self::AlreadyMember => "already_member",
            Self::HasContracts => "has_contracts",
            Self::HasRoles => "has_roles",
            Self::SharedAccount => "shared_account",
            Self::WrongPassword => "wrong_password",
            Self::BelowMinimum => "below_minimum",
            Self::AdhesionCashed => "adhesion_cashed",
            Self::AdhesionClosed => "adhesion_closed",
            Self::AdhesionRequired => "adhesion_required",
            Self::HasAdhesions => "has_adhesions",
            Self::RequiredByTemplates => "required_by_templates",
            Self::AlreadyAdhered => "already_adhered",
            Self::NotParticipant => "not_participant",
            Self::DutyClosed => "duty_closed",
            Self::AlreadyOnDuty => "already_on_duty",
            Self::QuotaReached => "quota_reached",
            Self::NoFreePlace => "no_free_place",
            Self::HasDuties => "has_duties",
            Self::SwapClosed => "swap_closed",
            Self::OfferTaken => "offer_taken",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One problem on one field; `limit` is the bound that was crossed (length, amount…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Problem {
    pub field: String,
    pub code: ProblemCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// A référent's own wording for an entry rule, shown instead of the generated sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Problem {
    pub fn new(field: &str, code: ProblemCode) -> Self {
        Self {
            field: field.to_owned(),
            code,
            limit: None,
            detail: None,
        }
    }

    pub fn with_limit(field: &str, code: ProblemCode, limit: u32) -> Self {
        Self {
            field: field.to_owned(),
            code,
            limit: Some(limit),
            detail: None,
        }
    }
}

/// Collects the problems of a whole form, then yields the parsed value only if there are none.
#[derive(Debug, Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the value if it parsed; records the problem otherwise.
    pub fn take<T>(&mut self, parsed: Result<T, Problem>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(problem) => {
                self.0.push(problem);
                None
            }
        }
    }

    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<Problem> {
        self.0
    }

    /// `Ok(value)` when nothing was recorded, else every recorded problem.
    pub fn finish<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, Vec<Problem>> {
        if self.0.is_empty() {
            value().ok_or_else(Vec::new)
        } else {
            Err(self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_their_wire_names() {
        for code in ProblemCode::ALL {
            assert_eq!(ProblemCode::parse(code.as_str()), Some(code));
            let json = serde_json::to_string(&code).expect("serialize");
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
        assert_eq!(ProblemCode::parse("nope"), None);
    }

    #[test]
    fn problems_finish_reports_all_recorded_problems() {
        let mut problems = Problems::new();
        let a: Option<u8> = problems.take(Err(Problem::new("a", ProblemCode::Required)));
        let b = problems.take(Ok::<u8, Problem>(2));
        problems.push(Problem::new("c", ProblemCode::Taken));
        let result = problems.finish(|| Some((a?, b?)));
        assert_eq!(result.expect_err("two problems").len(), 2);
    }
}
