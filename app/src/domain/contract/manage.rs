//! What the référent's template editor offers (reference §1.2, §2.3): the state buttons, and
//! whether a change to the template is first previewed with the contracts it touches.

use super::lifecycle::{Readiness, check_transition};
use super::template::TemplateState;

/// The states a référent may move a template to from `from`, in button order (publish,
/// archive, back to draft). Publishing is offered even before dates and products exist: the
/// server then names what is missing.
pub fn next_states(from: TemplateState, subscribers: u64) -> Vec<TemplateState> {
    use TemplateState::*;
    let candidates: &[TemplateState] = match from {
        Draft => &[Active],
        Active => &[Archived, Draft],
        Archived => &[Active],
    };
    let ready = Readiness {
        dates: 1,
        products: 1,
        subscribers,
        unpriced: &[],
    };
    candidates
        .iter()
        .copied()
        .filter(|to| check_transition(from, *to, ready).is_ok())
        .collect()
}

/// Whether a change to the template's dates, products or prices is shown first with the
/// members it touches ("Modifier en masse"): only once somebody has signed up.
pub fn previews_changes(subscribers: u32) -> bool {
    subscribers > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use TemplateState::*;
    use proptest::prelude::*;

    #[test]
    fn a_draft_is_published_and_a_live_template_archived() {
        assert_eq!(next_states(Draft, 0), vec![Active]);
        assert_eq!(next_states(Active, 0), vec![Archived, Draft]);
        assert_eq!(next_states(Archived, 4), vec![Active]);
    }

    #[test]
    fn signed_contracts_keep_a_template_out_of_draft() {
        assert_eq!(next_states(Active, 1), vec![Archived]);
    }

    #[test]
    fn changes_are_previewed_once_members_signed_up() {
        assert!(!previews_changes(0));
        assert!(previews_changes(1));
    }

    fn state() -> impl Strategy<Value = TemplateState> {
        prop_oneof![Just(Draft), Just(Active), Just(Archived)]
    }

    proptest! {
        #[test]
        fn every_offered_state_is_a_permitted_move(from in state(), subscribers in 0_u64..5) {
            let ready = Readiness { dates: 3, products: 2, subscribers, unpriced: &[] };
            for to in next_states(from, subscribers) {
                prop_assert_ne!(to, from);
                prop_assert!(check_transition(from, to, ready).is_ok());
            }
        }
    }
}
