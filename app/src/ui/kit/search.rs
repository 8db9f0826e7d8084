//! Searching a list of people the way volunteers type: "elodie dur" finds "Élodie Durand"
//! (every word, anywhere, ignoring case and accents), and the list shown a page at a time.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case without accents: "Élodie" → "elodie".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `haystack` holds every word of `query` (an empty query matches everything).
pub fn matches(query: &str, haystack: &str) -> bool {
    let haystack = fold(haystack);
    fold(query)
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

/// One page of a list: which items, and how many pages there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// 1-based, clamped to the pages that exist.
    pub number: usize,
    pub count: usize,
    pub start: usize,
    pub end: usize,
}

/// Page `asked` (1-based; anything unreadable is the first) of `total` items, `size` a page.
pub fn page(total: usize, size: usize, asked: Option<&str>) -> Page {
    let count = total.div_ceil(size).max(1);
    let number = asked
        .and_then(|a| a.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, count);
    let start = (number - 1) * size;
    Page {
        number,
        count,
        start,
        end: (start + size).min(total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(fold("Élodie LEFÈVRE"), "elodie lefevre");
        assert!(matches("elodie lef", "Élodie Lefèvre elodie@example.org"));
        assert!(matches("  ", "Anyone"));
        assert!(!matches("elodie martin", "Élodie Lefèvre"));
    }

    #[test]
    fn pages_are_clamped_to_what_exists() {
        assert_eq!(
            page(90, 25, Some("4")),
            Page {
                number: 4,
                count: 4,
                start: 75,
                end: 90
            }
        );
        assert_eq!(page(90, 25, Some("9")).number, 4);
        assert_eq!(page(90, 25, Some("zéro")).number, 1);
        assert_eq!(
            page(0, 25, None),
            Page {
                number: 1,
                count: 1,
                start: 0,
                end: 0
            }
        );
    }

    proptest! {
        #[test]
        fn every_item_is_on_exactly_one_page(total in 0_usize..500, size in 1_usize..60) {
            let first = page(total, size, Some("1"));
            let mut seen = 0;
            for n in 1..=first.count {
                let p = page(total, size, Some(&n.to_string()));
                prop_assert_eq!(p.start, seen);
                prop_assert!(p.end - p.start <= size);
                seen = p.end;
            }
            prop_assert_eq!(seen, total);
        }
    }
}
