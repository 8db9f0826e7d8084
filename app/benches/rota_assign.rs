//! How long the fair automatic assignment of distribution duties takes on a large AMAP:
//! 300 members, a year of weekly distributions with 3 places each, a third already taken.
//!
//! `cargo bench -p app --bench rota_assign`. It prints figures and asserts none: timings
//! depend on the machine (the target, well under 100 ms, is for the coordinator's click).

use app::domain::UserId;
use app::domain::rota::assign::{Candidate, Place, assign};
use chrono::{Days, NaiveDate};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

const MEMBERS: i64 = 300;
const DATES: u64 = 52;
const PLACES_PER_DATE: i64 = 3;
const RUNS: usize = 20;

/// A fixed pseudo-random sequence (an LCG), so every run measures the same instance.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn instance() -> (Vec<Candidate>, Vec<Place>) {
    let first = NaiveDate::from_ymd_opt(2026, 1, 6).expect("a date");
    let dates: Vec<NaiveDate> = (0..DATES)
        .map(|k| first.checked_add_days(Days::new(7 * k)).expect("a date"))
        .collect();
    let mut lcg = Lcg(2026);
    let candidates: Vec<Candidate> = (1..=MEMBERS)
        .map(|i| {
            let quota = match i % 20 {
                0 => 0,
                7 | 13 => 2,
                _ => 1,
            };
            let away = lcg.below(7);
            let unavailable = (0..away)
                .map(|_| dates[lcg.below(DATES) as usize])
                .collect();
            // Half the members take a basket every week, the others every other week.
            let collects = dates
                .iter()
                .enumerate()
                .filter(|(k, _)| i % 2 == 0 || (*k as i64 + i) % 2 == 0)
                .map(|(_, d)| *d)
                .collect::<BTreeSet<_>>();
            Candidate {
                member: UserId(i),
                quota,
                unavailable,
                collects,
            }
        })
        .collect();
    let mut places = Vec::new();
    for (k, &date) in dates.iter().enumerate() {
        for p in 0..PLACES_PER_DATE {
            let id = k as i64 * PLACES_PER_DATE + p + 1;
            // About a third already taken by a sign-up, each by a different member.
            let holder = (p == 0).then(|| UserId((k as i64 * 5) % MEMBERS + 1));
            places.push(Place { id, date, holder });
        }
    }
    (candidates, places)
}

fn main() {
    let (candidates, places) = instance();
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut proposal = None;
    for seed in 0..RUNS as u64 {
        let start = Instant::now();
        let result = assign(&candidates, &places, seed);
        times.push(start.elapsed());
        proposal = Some(result);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "rota assignment, {MEMBERS} members × {DATES} dates × {PLACES_PER_DATE} places: \
         best {:.2} ms, median {:.2} ms (target < 100 ms)",
        ms(times[0]),
        ms(times[RUNS / 2]),
    );
    let Some(proposal) = proposal else { return };
    let free = places.iter().filter(|p| p.holder.is_none()).count();
    let missing: u32 = proposal.shortfalls.iter().map(|s| s.missing).sum();
    println!(
        "{} of {free} free places given; {} members still owe {missing} duties",
        proposal.assignments.len(),
        proposal.shortfalls.len(),
    );
}
