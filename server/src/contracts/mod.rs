//! What the contract use cases share: saving or withdrawing one contract (the one place where
//! the domain rules, the stock counters and the rows meet) and creating a whole template in
//! one call (demo, tests, benchmarks).

pub mod save;
pub mod setup;
