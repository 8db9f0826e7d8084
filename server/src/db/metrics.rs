//! How many statements a piece of work sends to the database. Every statement of the
//! connection ticks the counter of the task it runs on, when that task keeps one: the
//! request span keeps one per request (logged with the answer), and tests measure a page's
//! queries with [`counting`] to hold it to a fixed number whatever the data.

use std::cell::Cell;
use std::future::Future;

tokio::task_local! {
    static QUERIES: Cell<usize>;
}

/// Called by the connection for every statement (see `db::connect`).
pub fn count_query() {
    let _ = QUERIES.try_with(|n| n.set(n.get() + 1));
}

/// Runs `work` and says how many statements it sent (those of tasks it spawns not included).
/// Counts nest: an enclosing `counting` also gets these.
pub async fn counting<F: Future>(work: F) -> (F::Output, usize) {
    let (output, queries) = QUERIES
        .scope(Cell::new(0), async {
            let output = work.await;
            (output, QUERIES.with(Cell::get))
        })
        .await;
    let _ = QUERIES.try_with(|outer| outer.set(outer.get() + queries));
    (output, queries)
}
