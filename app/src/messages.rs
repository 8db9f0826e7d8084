//! Sentences for error kinds and field problems, in the reader's language.
//!
//! The server uses these for API error bodies (by `Accept-Language`), the UI for forms
//! (by the chosen locale): one translation table for both.

use crate::api::ErrorKind;
use crate::domain::{Money, Problem, ProblemCode};
use crate::i18n::{Locale, td_string};

pub fn error_message(locale: Locale, kind: ErrorKind) -> String {
    let text = match kind {
        ErrorKind::BadRequest => td_string!(locale, errors.bad_request),
        ErrorKind::Validation => td_string!(locale, errors.validation),
        ErrorKind::Unauthenticated => td_string!(locale, errors.unauthenticated),
        ErrorKind::InvalidCredentials => td_string!(locale, errors.invalid_credentials),
        ErrorKind::Forbidden => td_string!(locale, errors.forbidden),
        ErrorKind::AccountInactive => td_string!(locale, errors.account_inactive),
        ErrorKind::NotFound => td_string!(locale, errors.not_found),
        ErrorKind::Conflict => td_string!(locale, errors.conflict),
        ErrorKind::PayloadTooLarge => td_string!(locale, errors.payload_too_large),
        ErrorKind::TooManyRequests => td_string!(locale, errors.too_many_requests),
        ErrorKind::Internal => td_string!(locale, errors.internal),
        ErrorKind::Unavailable => td_string!(locale, errors.unavailable),
        ErrorKind::Network => td_string!(locale, errors.network),
    };
    text.to_string()
}

/// The sentence for one field problem. An entry rule's own wording (`detail`) replaces the
/// generated sentence; for a stock shortage it names the product and date.
pub fn problem_message(locale: Locale, problem: &Problem) -> String {
    fill(
        &problem_template(locale, problem.code, problem.detail.is_some()),
        problem,
    )
}

/// Whether an entry rule's own wording, when it has one, replaces the sentence.
fn worded_by_rule(code: ProblemCode) -> bool {
    matches!(
        code,
        ProblemCode::MultipleOf
            | ProblemCode::AtLeast
            | ProblemCode::AtMost
            | ProblemCode::MustEqual
    )
}

/// The sentence of a problem `code` with its values left as `{limit}`, `{detail}` and
/// `{amount}` (`detailed`: the problem carries a `detail`). The contract island gets these
/// templates in its data rather than the translation tables (smaller, measured), and fills
/// them with [`fill`] as the server does.
pub fn problem_template(locale: Locale, code: ProblemCode, detailed: bool) -> String {
    let (limit, detail, amount) = ("{limit}", "{detail}", "{amount}");
    if detailed && worded_by_rule(code) {
        return detail.to_owned();
    }
    match code {
        ProblemCode::Required => td_string!(locale, errors.required).to_string(),
        ProblemCode::TooShort => td_string!(locale, errors.too_short, limit = limit).to_string(),
        ProblemCode::TooLong => td_string!(locale, errors.too_long, limit = limit).to_string(),
        ProblemCode::InvalidEmail => td_string!(locale, errors.invalid_email).to_string(),
        ProblemCode::InvalidSlug => td_string!(locale, errors.invalid_slug).to_string(),
        ProblemCode::InvalidTimeZone => td_string!(locale, errors.invalid_time_zone).to_string(),
        ProblemCode::InvalidAmount => td_string!(locale, errors.invalid_amount).to_string(),
        ProblemCode::Taken => td_string!(locale, errors.taken).to_string(),
        ProblemCode::UnknownValue => td_string!(locale, errors.unknown_value).to_string(),
        ProblemCode::Malformed => td_string!(locale, errors.malformed).to_string(),
        ProblemCode::MultipleOf => {
            td_string!(locale, errors.multiple_of, limit = limit).to_string()
        }
        ProblemCode::AtLeast => td_string!(locale, errors.at_least, limit = limit).to_string(),
        ProblemCode::AtMost => td_string!(locale, errors.at_most, limit = limit).to_string(),
        ProblemCode::MustEqual => td_string!(locale, errors.must_equal, limit = limit).to_string(),
        ProblemCode::CellClosed => td_string!(locale, errors.cell_closed).to_string(),
        ProblemCode::DateClosed => td_string!(locale, errors.date_closed).to_string(),
        ProblemCode::EmptyContract => td_string!(locale, errors.empty_contract).to_string(),
        ProblemCode::OutOfStock if detailed => td_string!(
            locale,
            errors.out_of_stock_detail,
            detail = detail,
            limit = limit
        )
        .to_string(),
        ProblemCode::OutOfStock => {
            td_string!(locale, errors.out_of_stock, limit = limit).to_string()
        }
        ProblemCode::TooFewJokers => {
            td_string!(locale, errors.too_few_jokers, limit = limit).to_string()
        }
        ProblemCode::TooManyJokers => {
            td_string!(locale, errors.too_many_jokers, limit = limit).to_string()
        }
        ProblemCode::JokerNotAllowed => td_string!(locale, errors.joker_not_allowed).to_string(),
        ProblemCode::InvalidDate => td_string!(locale, errors.invalid_date).to_string(),
        ProblemCode::Overpaid => td_string!(locale, errors.overpaid, amount = amount).to_string(),
        ProblemCode::ChequeReceived => td_string!(locale, errors.cheque_received).to_string(),
        ProblemCode::ChequeRemitted => td_string!(locale, errors.cheque_remitted).to_string(),
        ProblemCode::NotInSlip => td_string!(locale, errors.not_in_slip).to_string(),
        ProblemCode::DateRemitted => td_string!(locale, errors.date_remitted).to_string(),
        ProblemCode::ChequesHeld => td_string!(locale, errors.cheques_held).to_string(),
        ProblemCode::ChequesMissing => {
            td_string!(locale, errors.cheques_missing, detail = detail).to_string()
        }
        ProblemCode::NotEarliest => {
            td_string!(locale, errors.not_earliest, detail = detail).to_string()
        }
        ProblemCode::Unpriced => td_string!(locale, errors.unpriced, detail = detail).to_string(),
        ProblemCode::ConfirmAdmin => td_string!(locale, errors.confirm_admin).to_string(),
        ProblemCode::InvalidPhone => td_string!(locale, errors.invalid_phone).to_string(),
        ProblemCode::LinkExpired => td_string!(locale, errors.link_expired).to_string(),
        ProblemCode::MissingColumn => {
            td_string!(locale, errors.missing_column, detail = detail).to_string()
        }
        ProblemCode::EmptyFile => td_string!(locale, errors.empty_file).to_string(),
        ProblemCode::UnreadableFile => td_string!(locale, errors.unreadable_file).to_string(),
        ProblemCode::Duplicate => td_string!(locale, errors.duplicate, limit = limit).to_string(),
        ProblemCode::AlreadyMember => td_string!(locale, errors.already_member).to_string(),
        ProblemCode::HasContracts => {
            td_string!(locale, errors.has_contracts, limit = limit).to_string()
        }
        ProblemCode::HasRoles => td_string!(locale, errors.has_roles).to_string(),
        ProblemCode::SharedAccount => td_string!(locale, errors.shared_account).to_string(),
        ProblemCode::WrongPassword => td_string!(locale, errors.wrong_password).to_string(),
        ProblemCode::BelowMinimum => {
            td_string!(locale, errors.below_minimum, amount = amount).to_string()
        }
        ProblemCode::AdhesionCashed => td_string!(locale, errors.adhesion_cashed).to_string(),
        ProblemCode::AdhesionClosed => td_string!(locale, errors.adhesion_closed).to_string(),
        ProblemCode::AdhesionRequired => {
            td_string!(locale, errors.adhesion_required, detail = detail).to_string()
        }
        ProblemCode::HasAdhesions => {
            td_string!(locale, errors.has_adhesions, limit = limit).to_string()
        }
        ProblemCode::RequiredByTemplates => {
            td_string!(locale, errors.required_by_templates, limit = limit).to_string()
        }
        ProblemCode::AlreadyAdhered => td_string!(locale, errors.already_adhered).to_string(),
        ProblemCode::NotParticipant => td_string!(locale, errors.not_participant).to_string(),
        ProblemCode::DutyClosed => td_string!(locale, errors.duty_closed).to_string(),
        ProblemCode::AlreadyOnDuty => td_string!(locale, errors.already_on_duty).to_string(),
        ProblemCode::QuotaReached => {
            td_string!(locale, errors.quota_reached, limit = limit).to_string()
        }
        ProblemCode::NoFreePlace => td_string!(locale, errors.no_free_place).to_string(),
        ProblemCode::HasDuties => td_string!(locale, errors.has_duties, limit = limit).to_string(),
        ProblemCode::SwapClosed => td_string!(locale, errors.swap_closed).to_string(),
        ProblemCode::OfferTaken => td_string!(locale, errors.offer_taken).to_string(),
        ProblemCode::NothingToRemit => td_string!(locale, errors.nothing_to_remit).to_string(),
        ProblemCode::NothingToCarry => td_string!(locale, errors.nothing_to_carry).to_string(),
        ProblemCode::NoNextContract => td_string!(locale, errors.no_next_contract).to_string(),
    }
}

/// A template of [`problem_template`] with the problem's values: `{limit}` its bound,
/// `{amount}` that bound as cents in euros, `{detail}` its detail.
pub fn fill(template: &str, problem: &Problem) -> String {
    let limit = problem.limit.unwrap_or_default();
    template
        .replace("{limit}", &limit.to_string())
        .replace("{amount}", &Money::from_cents(i64::from(limit)).to_string())
        .replace("{detail}", problem.detail.as_deref().unwrap_or_default())
}

/// Picks French unless the `Accept-Language` header prefers English (or another locale we have).
pub fn locale_from_accept_language(header: Option<&str>) -> Locale {
    let Some(header) = header else {
        return Locale::fr;
    };
    let mut best: Option<(f32, Locale)> = None;
    for entry in header.split(',') {
        let mut parts = entry.trim().split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let quality = parts
            .find_map(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
            })
            .unwrap_or(1.0);
        let locale = match tag.split('-').next() {
            Some("fr") => Locale::fr,
            Some("en") => Locale::en,
            _ => continue,
        };
        if best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, locale));
        }
    }
    best.map_or(Locale::fr, |(_, locale)| locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_is_the_default_and_english_is_honoured() {
        assert_eq!(locale_from_accept_language(None), Locale::fr);
        assert_eq!(
            locale_from_accept_language(Some("en-GB,en;q=0.9")),
            Locale::en
        );
        assert_eq!(
            locale_from_accept_language(Some("de-DE, en;q=0.5, fr;q=0.8")),
            Locale::fr
        );
        assert_eq!(locale_from_accept_language(Some("de")), Locale::fr);
    }

    #[test]
    fn problems_read_in_both_languages_with_their_limit() {
        let problem = Problem::with_limit("last_name", ProblemCode::TooLong, 100);
        assert_eq!(
            problem_message(Locale::fr, &problem),
            "100 caractères au maximum."
        );
        assert_eq!(
            problem_message(Locale::en, &problem),
            "At most 100 characters."
        );
        assert_eq!(
            error_message(Locale::fr, ErrorKind::InvalidCredentials),
            "Adresse e-mail ou mot de passe incorrect."
        );
    }

    #[test]
    fn entry_rules_read_with_their_value_or_the_referent_wording() {
        let wine = Problem::with_limit("q.4", ProblemCode::MultipleOf, 6);
        assert_eq!(
            problem_message(Locale::fr, &wine),
            "Quantité à commander par multiple de 6."
        );
        assert_eq!(
            problem_message(Locale::en, &wine),
            "Order in multiples of 6."
        );
        let worded = Problem {
            detail: Some("Le vin se commande par carton de 6".to_owned()),
            ..wine
        };
        for locale in [Locale::fr, Locale::en] {
            assert_eq!(
                problem_message(locale, &worded),
                "Le vin se commande par carton de 6"
            );
        }
        let jokers = Problem::with_limit("jokers", ProblemCode::TooManyJokers, 2);
        assert_eq!(
            problem_message(Locale::fr, &jokers),
            "Nombre de jokers : 2 au maximum."
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn counts_follow_each_language_s_plural_rules() {
        use crate::i18n::td_string;
        crate::i18n_data::install();
        let units = |locale: Locale, count: u32| {
            td_string!(locale, contracts.units, count = count).to_string()
        };
        assert_eq!(units(Locale::fr, 0), "0 unité");
        assert_eq!(units(Locale::fr, 1), "1 unité");
        assert_eq!(units(Locale::fr, 2), "2 unités");
        assert_eq!(units(Locale::en, 0), "0 units");
        assert_eq!(units(Locale::en, 1), "1 unit");
    }

    #[test]
    fn an_overpayment_names_the_excess() {
        let overpaid = Problem::with_limit("payments.2025-03-01", ProblemCode::Overpaid, 1250);
        assert_eq!(
            problem_message(Locale::fr, &overpaid),
            "Les paiements saisis sont incorrects : il y a un trop-payé de 12,50\u{a0}€."
        );
        assert_eq!(
            problem_message(Locale::en, &overpaid),
            "The payments entered are incorrect: they overpay by 12,50\u{a0}€."
        );
    }

    #[test]
    fn a_shortage_names_what_is_left() {
        let short = Problem::with_limit("q.2025-06-05.1", ProblemCode::OutOfStock, 3);
        assert_eq!(
            problem_message(Locale::fr, &short),
            "Stock insuffisant : il en reste 3."
        );
        let named = Problem {
            detail: Some("Petit panier du 05/06/2025".to_owned()),
            ..short
        };
        assert_eq!(
            problem_message(Locale::fr, &named),
            "Petit panier du 05/06/2025 : il en reste 3."
        );
        assert_eq!(
            problem_message(Locale::en, &named),
            "Petit panier du 05/06/2025: only 3 left."
        );
    }

    #[test]
    fn every_code_and_kind_has_a_distinct_sentence() {
        for locale in [Locale::fr, Locale::en] {
            let mut seen = std::collections::HashSet::new();
            for code in ProblemCode::ALL {
                assert!(
                    seen.insert(problem_message(locale, &Problem::new("f", code))),
                    "{code:?}"
                );
            }
            for kind in ErrorKind::ALL {
                assert!(seen.insert(error_message(locale, kind)), "{kind:?}");
            }
        }
    }
}
