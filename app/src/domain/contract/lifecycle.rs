//! A template's life: draft → active → archived (reference §1.2, §2.2).

use super::template::{Nature, TemplateState};
use crate::domain::problem::{Problem, ProblemCode};

/// What a state change depends on.
#[derive(Clone, Copy, Debug)]
pub struct Readiness<'a> {
    pub dates: usize,
    pub products: usize,
    pub subscribers: u64,
    /// The products still at 0,00 € (a new template copies the catalogue without prices).
    pub unpriced: &'a [String],
}

/// Whether a template may move from `from` to `to`. Publishing needs at least one date and
/// one product (§13 rule 8), and no product left at 0,00 €, named so the référent finds
/// them; going back to draft would hide signed contracts from their members, so only an
/// unsubscribed template may.
pub fn check_transition(
    from: TemplateState,
    to: TemplateState,
    ready: Readiness<'_>,
) -> Result<(), Problem> {
    use TemplateState::*;
    match (from, to) {
        (a, b) if a == b => Ok(()),
        (_, Active) if ready.dates == 0 => Err(Problem::new("dates", ProblemCode::Required)),
        (_, Active) if ready.products == 0 => Err(Problem::new("products", ProblemCode::Required)),
        (_, Active) if !ready.unpriced.is_empty() => Err(Problem {
            detail: Some(ready.unpriced.join(", ")),
            ..Problem::new("products", ProblemCode::Unpriced)
        }),
        (_, Draft) if ready.subscribers > 0 => Err(Problem::new("state", ProblemCode::DateClosed)),
        _ => Ok(()),
    }
}

/// A template with contracts cannot be deleted (reference §1.5 deletion guards).
pub fn may_delete(subscribers: u64) -> bool {
    subscribers == 0
}

/// The nature decides how every signed contract reads (a basket per date, free quantities, a
/// prepaid card): it may change only while nobody has signed up (reference §2.1).
pub fn may_change_nature(from: Nature, to: Nature, subscribers: u64) -> bool {
    from == to || subscribers == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use TemplateState::*;

    #[test]
    fn the_nature_changes_only_before_the_first_contract() {
        assert!(may_change_nature(Nature::Free, Nature::PrepaidCard, 0));
        assert!(may_change_nature(Nature::Free, Nature::Free, 3));
        assert!(!may_change_nature(Nature::Free, Nature::PrepaidCard, 1));
    }

    const READY: Readiness<'static> = Readiness {
        dates: 10,
        products: 2,
        subscribers: 0,
        unpriced: &[],
    };

    #[test]
    fn publishing_needs_dates_and_products() {
        assert!(check_transition(Draft, Active, READY).is_ok());
        let no_dates = Readiness { dates: 0, ..READY };
        assert_eq!(
            check_transition(Draft, Active, no_dates).map_err(|p| p.field),
            Err("dates".into())
        );
        let no_products = Readiness {
            products: 0,
            ..READY
        };
        assert_eq!(
            check_transition(Draft, Active, no_products).map_err(|p| p.field),
            Err("products".into())
        );
    }

    #[test]
    fn publishing_names_every_product_left_at_zero() {
        let unpriced = ["Courges".to_owned(), "Poireaux".to_owned()];
        let free = Readiness {
            unpriced: &unpriced,
            ..READY
        };
        let refused = check_transition(Draft, Active, free).expect_err("refused");
        assert_eq!(
            (
                refused.field.as_str(),
                refused.code,
                refused.detail.as_deref()
            ),
            ("products", ProblemCode::Unpriced, Some("Courges, Poireaux"))
        );
        // Archiving does not care about prices.
        assert!(check_transition(Active, Archived, free).is_ok());
    }

    #[test]
    fn a_subscribed_template_never_goes_back_to_draft() {
        let signed = Readiness {
            subscribers: 3,
            ..READY
        };
        assert!(check_transition(Active, Draft, signed).is_err());
        assert!(check_transition(Active, Archived, signed).is_ok());
        assert!(check_transition(Archived, Active, signed).is_ok());
        assert!(check_transition(Active, Draft, READY).is_ok());
        assert!(!may_delete(3) && may_delete(0));
    }
}
