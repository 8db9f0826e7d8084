//! Collecting into B-trees by insertion. `Iterator::collect` into a `BTreeMap` or `BTreeSet`
//! first sorts a buffer with a stable sort, instantiated again for every key type: in the
//! browser's island bundle that was ~3 KB of code per key type (measured with twiggy). One
//! insertion at a time reuses the tree's own insertion code. Same result either way: a later
//! duplicate key replaces an earlier one.

use std::collections::{BTreeMap, BTreeSet};

pub fn map<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in items {
        map.insert(key, value);
    }
    map
}

pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_same_trees_as_collect(pairs in proptest::collection::vec((0_u8..20, 0_u32..100), 0..50)) {
            prop_assert_eq!(map(pairs.clone()), pairs.iter().copied().collect::<BTreeMap<_, _>>());
            prop_assert_eq!(set(pairs.iter().map(|p| p.0)), pairs.iter().map(|p| p.0).collect::<BTreeSet<_>>());
        }
    }
}
