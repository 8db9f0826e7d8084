//! The order of people in every list (members, contracts, the delivery sheet, the register,
//! the deposit slip): last name, then first name, compared as French readers expect — accents
//! and case only break ties ("Émile" sits with "Emma", not after "Zoé"). The databases cannot
//! do it alike (SQLite compares bytes, PostgreSQL follows the server's locale), so the server
//! sorts in Rust with the Unicode collation algorithm.

use crate::db::entities::app_user;
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::LazyLock;

static FRENCH: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    Collator::try_new(
        icu_locale_core::locale!("fr").into(),
        CollatorOptions::default(),
    )
    .expect("the French collation data is compiled in")
});

/// Compares two names, each given as (last name, first name).
pub fn compare_names(a: (&str, &str), b: (&str, &str)) -> Ordering {
    FRENCH
        .compare(a.0, b.0)
        .then_with(|| FRENCH.compare(a.1, b.1))
}

/// Compares two labels (contract names…) in French order.
pub fn compare_text(a: &str, b: &str) -> Ordering {
    FRENCH.compare(a, b)
}

/// A text's place in French order as bytes: comparing two keys compares the texts as
/// [`compare_text`] does (ICU's guarantee), so a list is sorted with one key per item
/// instead of two collations per comparison — the member list of 1 000 people sorts in a
/// fraction of the time.
fn sort_key(text: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(text.len() * 2 + 4);
    let Ok(()) = FRENCH.write_sort_key_to(text, &mut key);
    key
}

/// The key of a (last name, first name): the last name's, then the first name's.
fn name_key((last, first): (&str, &str)) -> (Vec<u8>, Vec<u8>) {
    (sort_key(last), sort_key(first))
}

/// Sorts `items` by the (last name, first name) that `name` reads from each; equal names keep
/// their order.
pub fn sort_by_name<T>(items: &mut [T], name: impl Fn(&T) -> (&str, &str)) {
    items.sort_by_cached_key(|item| name_key(name(item)));
}

/// Sorts `items` by the name of the user each belongs to (`user` reads its id; one missing
/// from `users` sorts first).
pub fn sort_by_user<T>(
    items: &mut [T],
    users: &HashMap<i64, app_user::Model>,
    user: impl Fn(&T) -> i64,
) {
    let name = |item: &T| {
        users
            .get(&user(item))
            .map_or(("", ""), |u| (u.last_name.as_str(), u.first_name.as_str()))
    };
    items.sort_by_cached_key(|item| name_key(name(item)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sorted(names: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
        let mut names = names.to_vec();
        sort_by_name(&mut names, |n| (n.0, n.1));
        names
    }

    #[test]
    fn accents_and_case_do_not_push_a_name_to_the_end() {
        let names = [
            ("Zola", "Émile"),
            ("Étienne", "Paul"),
            ("durand", "Anne"),
            ("Dupont", "Marie"),
            ("Eluard", "Léa"),
        ];
        assert_eq!(
            sorted(&names),
            vec![
                ("Dupont", "Marie"),
                ("durand", "Anne"),
                ("Eluard", "Léa"),
                ("Étienne", "Paul"),
                ("Zola", "Émile"),
            ]
        );
    }

    #[test]
    fn the_first_name_breaks_a_tie_on_the_last_name() {
        let names = [("Martin", "Zoé"), ("Martin", "Élodie"), ("Martin", "Bruno")];
        assert_eq!(
            sorted(&names),
            vec![("Martin", "Bruno"), ("Martin", "Élodie"), ("Martin", "Zoé")]
        );
    }

    proptest! {
        /// Sorting by keys is sorting by comparisons.
        #[test]
        fn keys_order_names_as_the_collator_compares_them(
            a in ("[a-zA-Zéèêàçœ' -]{0,8}", "[a-zA-Zéèï]{0,6}"),
            b in ("[a-zA-Zéèêàçœ' -]{0,8}", "[a-zA-Zéèï]{0,6}"),
        ) {
            let (x, y) = ((a.0.as_str(), a.1.as_str()), (b.0.as_str(), b.1.as_str()));
            prop_assert_eq!(name_key(x).cmp(&name_key(y)), compare_names(x, y));
        }

        /// A total order whatever the input: antisymmetric, and the sorted list does not
        /// depend on the order the names came in.
        #[test]
        fn the_order_does_not_depend_on_the_input_order(
            names in proptest::collection::vec(("[a-zA-Zéèêàç' -]{0,8}", "[a-zA-Zéè]{0,6}"), 0..30)
        ) {
            let key = |n: &(String, String)| (n.0.clone(), n.1.clone());
            for a in &names {
                for b in &names {
                    let (x, y) = ((a.0.as_str(), a.1.as_str()), (b.0.as_str(), b.1.as_str()));
                    prop_assert_eq!(compare_names(x, y), compare_names(y, x).reverse());
                }
            }
            let mut forward: Vec<_> = names.iter().map(key).collect();
            let mut backward: Vec<_> = names.iter().rev().map(key).collect();
            sort_by_name(&mut forward, |n| (n.0.as_str(), n.1.as_str()));
            sort_by_name(&mut backward, |n| (n.0.as_str(), n.1.as_str()));
            for (a, b) in forward.iter().zip(&backward) {
                prop_assert_eq!(
                    compare_names((&a.0, &a.1), (&b.0, &b.1)),
                    Ordering::Equal
                );
            }
        }
    }
}
