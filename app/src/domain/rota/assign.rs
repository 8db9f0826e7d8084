//! The fair automatic assignment of distribution duties (permanences).
//!
//! The coordinator of a rota period asks for a proposal: every free place of the period that
//! can go to a participant who still owes duties is given to one, fairly. The proposal is pure
//! and deterministic: the same participants, places and seed always give the same proposal,
//! so the coordinator sees exactly what will be published, and can ask for another draw (a new
//! seed) when two equally good proposals exist.
//!
//! # Rules, and why
//!
//! 1. **One duty per member and date**, counting the places members already hold (sign-ups)
//!    and the proposed ones: one person cannot stand at two places of the same distribution.
//! 2. **A place is given at most once, and a held place is never given or moved**: a sign-up
//!    is the member's own choice (and may already be in their diary), so the assignment only
//!    fills around it.
//! 3. **Never on an unavailable date**: the member said they cannot come; a duty there would
//!    be a distribution short of one person.
//! 4. **Quotas are respected**: a member owes `quota − held` duties (never less than zero)
//!    and is never given more. Places held above the quota stay (they were the member's
//!    choice) but bring nothing more.
//! 5. **As many duties as possible are placed** (a maximum assignment): an empty place at a
//!    distribution is a real problem, a member owing a duty is an unfairness, and both are
//!    avoided whenever the dates allow it. When no free place suits the next member directly,
//!    other *proposed* duties (never sign-ups) are moved to other dates along an augmenting
//!    path, so a member free on only one date is not left out because somebody more flexible
//!    took that date first.
//! 6. **Fairness**: among all maximum assignments, what members still owe is as even as
//!    possible — the vector of `owed − given`, sorted decreasingly, is lexicographically
//!    smallest. The next duty always goes to the member who currently owes the most (ties by
//!    the seeded order), directly or along an augmenting path; a member without any augmenting
//!    path is finished. Serving the largest debt first is exact, not a heuristic like a
//!    first-come greedy, because the vectors of duties that can be given together (one count
//!    per member) form an integral polymatroid (a bipartite flow from members to dates with
//!    capacities): a member who cannot receive one more duty now never can later, as more
//!    duties only make the blocking dates fuller, and on a polymatroid raising the largest
//!    remaining debt's member first reaches the decreasingly minimal vector (Federgruen and
//!    Groenevelt, 1986; Frank and Murota, 2020). Hence the spread (largest minus smallest
//!    debt) is the smallest any maximum assignment achieves; in particular it is at most one
//!    whenever some maximum assignment achieves that. Moving proposed duties along a path
//!    changes nobody's count, only their dates, so it never undoes earlier fairness.
//! 7. **Preferences** between the dates a member could take directly: first a date the member
//!    collects a basket anyway (they come that day, no extra trip), then the date farthest, in
//!    days, from their other duties (held and proposed), so one member's duties are spread over
//!    the period rather than on consecutive weeks; then the seeded order. Augmenting paths
//!    ignore preferences: they are only used when no direct place exists at all.
//! 8. **The seed** drives `SplitMix64`, a tiny pure generator (no `rand`, no clock, no OS
//!    entropy: this code also runs in the browser and must give the server's result). It is
//!    used as a hash of (seed, member) for the order of members and of (seed, member, date)
//!    for the ties between dates, so adding a participant does not reshuffle everybody else.
//! 9. **Shortfalls** explain what members still owe: [`ShortfallReason::NoPlaceLeft`] when
//!    every free place was given (the period simply has too few places — add places or lower
//!    the quotas), [`ShortfallReason::Unavailable`] when free places remain but, by rule 5,
//!    only on dates the member cannot do or is already on duty (ask the member).
//!
//! The search works on dates, not places: the places of one date are interchangeable for
//! this purpose. Each step is a breadth-first search over dates and members, linear in the
//! number of (member, date) pairs, and there is one step per duty given, so a period of 300
//! members and 52 dates is assigned in a few milliseconds.

use crate::domain::UserId;
use chrono::{Datelike, NaiveDate};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, VecDeque};

/// One participant of the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub member: UserId,
    /// Duties this member owes over the period (their quota).
    pub quota: u32,
    /// Dates this member said they cannot do.
    pub unavailable: BTreeSet<NaiveDate>,
    /// Dates this member collects a basket anyway (preferred for their duties).
    pub collects: BTreeSet<NaiveDate>,
}

/// One place on one distribution date. `holder` is Some when somebody already holds it (a
/// sign-up): it is fixed, never moved, and counts towards that member's duties if they are a
/// candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub id: i64,
    pub date: NaiveDate,
    pub holder: Option<UserId>,
}

/// The assignment proposed for a period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proposal {
    /// (place id, member) for free places given to a member, sorted by place id.
    pub assignments: Vec<(i64, UserId)>,
    /// Members still owing duties after the assignment, sorted by member.
    pub shortfalls: Vec<Shortfall>,
}

/// A member who still owes duties after the assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortfall {
    pub member: UserId,
    pub missing: u32,
    pub reason: ShortfallReason,
}

/// Why a member still owes duties after the assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShortfallReason {
    /// No free place is left anywhere in the period.
    NoPlaceLeft,
    /// Free places remain, but only on dates this member cannot do or is already on duty.
    Unavailable,
}

/// The proposal for `candidates` over `places` (see the module documentation for the rules).
///
/// A member listed twice among the candidates is taken once, with their first entry. Place
/// ids are expected to be unique.
pub fn assign(candidates: &[Candidate], places: &[Place], seed: u64) -> Proposal {
    let dates: Vec<NaiveDate> = places
        .iter()
        .map(|p| p.date)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let date_index: BTreeMap<NaiveDate, usize> =
        dates.iter().enumerate().map(|(i, &d)| (d, i)).collect();
    let days: Vec<i64> = dates
        .iter()
        .map(|d| i64::from(d.num_days_from_ce()))
        .collect();

    let mut free: Vec<Vec<i64>> = vec![Vec::new(); dates.len()];
    for place in places.iter().filter(|p| p.holder.is_none()) {
        free[date_index[&place.date]].push(place.id);
    }

    let mut seen = BTreeSet::new();
    let mut members: Vec<Member> = candidates
        .iter()
        .filter(|c| seen.insert(c.member))
        .map(|c| Member {
            id: c.member,
            owed: c.quota,
            given: 0,
            open: dates.iter().map(|d| !c.unavailable.contains(d)).collect(),
            collects: dates.iter().map(|d| c.collects.contains(d)).collect(),
            on: vec![false; dates.len()],
            held_days: Vec::new(),
        })
        .collect();
    let slot: BTreeMap<UserId, usize> =
        members.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    for place in places {
        if let Some(&m) = place.holder.as_ref().and_then(|h| slot.get(h)) {
            let d = date_index[&place.date];
            let member = &mut members[m];
            member.open[d] = false;
            member.held_days.push(days[d]);
        }
    }
    for member in &mut members {
        let held = u32::try_from(member.held_days.len()).unwrap_or(u32::MAX);
        member.owed = member.owed.saturating_sub(held);
    }

    let mut rota = Rota {
        spare: free.iter().map(Vec::len).collect(),
        at: vec![Vec::new(); dates.len()],
        members,
        days,
        seed,
    };
    let mut spare_total: usize = rota.spare.iter().sum();

    // The member owing the most first; among equals, the seeded order.
    let mut queue: BinaryHeap<(u32, Reverse<u64>, Reverse<usize>)> = rota
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.owed > 0)
        .map(|(i, m)| (m.owed, Reverse(member_rank(seed, m.id)), Reverse(i)))
        .collect();
    while spare_total > 0 {
        let Some((owes, rank, Reverse(m))) = queue.pop() else {
            break;
        };
        if rota.give(m) {
            spare_total -= 1;
            if owes > 1 {
                queue.push((owes - 1, rank, Reverse(m)));
            }
        }
        // Otherwise the member is finished: no augmenting path will ever appear for them.
    }

    let mut assignments = Vec::new();
    for (d, ids) in free.iter_mut().enumerate() {
        ids.sort_unstable();
        let mut on_duty: Vec<UserId> = rota.at[d].iter().map(|&m| rota.members[m].id).collect();
        on_duty.sort_unstable();
        assignments.extend(ids.iter().copied().zip(on_duty));
    }
    assignments.sort_unstable();

    let reason = if spare_total == 0 {
        ShortfallReason::NoPlaceLeft
    } else {
        ShortfallReason::Unavailable
    };
    let mut shortfalls: Vec<Shortfall> = rota
        .members
        .iter()
        .filter(|m| m.given < m.owed)
        .map(|m| Shortfall {
            member: m.id,
            missing: m.owed - m.given,
            reason,
        })
        .collect();
    shortfalls.sort_unstable_by_key(|s| s.member);

    Proposal {
        assignments,
        shortfalls,
    }
}

/// A participant during the search.
struct Member {
    id: UserId,
    /// Duties to give: the quota minus the places held.
    owed: u32,
    /// Duties proposed so far.
    given: u32,
    /// Per date: may receive a duty there (available, and holding no place that date).
    open: Vec<bool>,
    /// Per date: collects a basket that day.
    collects: Vec<bool>,
    /// Per date: has a proposed duty there.
    on: Vec<bool>,
    /// Day numbers of the places held (one per place).
    held_days: Vec<i64>,
}

/// The proposal being built, per date.
struct Rota {
    members: Vec<Member>,
    /// Free places not yet given, per date.
    spare: Vec<usize>,
    /// Members with a proposed duty, per date.
    at: Vec<Vec<usize>>,
    /// Day number of each date, for distances.
    days: Vec<i64>,
    seed: u64,
}

impl Rota {
    /// Gives one more duty to member `m`, directly on the preferred free date or else along
    /// an augmenting path; false when neither exists.
    fn give(&mut self, m: usize) -> bool {
        let direct = (0..self.spare.len())
            .filter(|&d| self.spare[d] > 0 && self.can_take(m, d))
            .max_by_key(|&d| self.preference(m, d));
        let date = match direct {
            Some(d) => {
                self.put(m, d);
                d
            }
            None => match self.augment(m) {
                Some(d) => d,
                None => return false,
            },
        };
        self.spare[date] -= 1;
        self.members[m].given += 1;
        true
    }

    /// Whether member `m` may receive a duty on date `d` now (rules 1 and 3).
    fn can_take(&self, m: usize, d: usize) -> bool {
        let member = &self.members[m];
        member.open[d] && !member.on[d]
    }

    /// Rule 7: collects a basket that day, then far from the member's other duties, then the
    /// seeded order.
    fn preference(&self, m: usize, d: usize) -> (bool, i64, u64) {
        let member = &self.members[m];
        let proposed = (0..self.days.len())
            .filter(|&e| member.on[e])
            .map(|e| self.days[e]);
        let distance = member
            .held_days
            .iter()
            .copied()
            .chain(proposed)
            .map(|e| (self.days[d] - e).abs())
            .min()
            .unwrap_or(i64::MAX);
        let tie = mix(self.seed, &[2, member.id.0 as u64, self.days[d] as u64]);
        (member.collects[d], distance, tie)
    }

    /// Breadth-first search from member `s` for a path `s → d₁ → j₁ → d₂ → … → dₖ` where
    /// `s` takes full date `d₁` from `j₁`, who moves to `d₂`, and so on until a date with a
    /// free place. Applies it and returns `dₖ`, or None when there is none.
    fn augment(&mut self, s: usize) -> Option<usize> {
        // For each date reached, the member who would move onto it.
        let mut date_from: Vec<Option<usize>> = vec![None; self.spare.len()];
        // For each member reached, the date they would leave.
        let mut member_from: Vec<Option<usize>> = vec![None; self.members.len()];
        let mut member_seen = vec![false; self.members.len()];
        member_seen[s] = true;
        let mut queue = VecDeque::new();
        let mut found = None;
        let mut expanding = vec![s];
        'search: loop {
            for &j in &expanding {
                for (d, from) in date_from.iter_mut().enumerate() {
                    if from.is_none() && self.can_take(j, d) {
                        *from = Some(j);
                        if self.spare[d] > 0 {
                            found = Some(d);
                            break 'search;
                        }
                        queue.push_back(d);
                    }
                }
            }
            let Some(d) = queue.pop_front() else {
                break;
            };
            expanding.clear();
            for &j in &self.at[d] {
                if !member_seen[j] {
                    member_seen[j] = true;
                    member_from[j] = Some(d);
                    expanding.push(j);
                }
            }
        }
        let end = found?;
        let mut d = end;
        loop {
            let j = date_from[d]?;
            self.put(j, d);
            if j == s {
                break;
            }
            let left = member_from[j]?;
            self.take(j, left);
            d = left;
        }
        Some(end)
    }

    fn put(&mut self, m: usize, d: usize) {
        self.members[m].on[d] = true;
        self.at[d].push(m);
    }

    fn take(&mut self, m: usize, d: usize) {
        self.members[m].on[d] = false;
        self.at[d].retain(|&x| x != m);
    }
}

/// The seeded place of a member in the order of service among equal debts (smaller first).
fn member_rank(seed: u64, member: UserId) -> u64 {
    mix(seed, &[1, member.0 as u64])
}

/// SplitMix64 used as a hash: the generator starts at `seed`, each word is folded into its
/// next output to make the next state, and the last output is the result. Different tags
/// (the first word) keep the member order and the date ties independent.
fn mix(seed: u64, words: &[u64]) -> u64 {
    let mut generator = SplitMix64(seed);
    for &word in words {
        generator = SplitMix64(generator.next_u64() ^ word);
    }
    generator.next_u64()
}

/// SplitMix64 (Steele, Lea and Flood, 2014; the constants of Vigna's reference code): a
/// 64-bit state advanced by the golden ratio and scrambled by two multiply-xorshift rounds.
/// Tiny, pure and well mixed — all a tie-break needs (it is not cryptographic).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The `k`-th weekly distribution (k from 0), from 1 September 2026.
    fn week(k: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 9, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(7 * u64::from(k))))
            .expect("valid")
    }

    fn member(id: i64, quota: u32) -> Candidate {
        Candidate {
            member: UserId(id),
            quota,
            unavailable: BTreeSet::new(),
            collects: BTreeSet::new(),
        }
    }

    fn free(id: i64, date: NaiveDate) -> Place {
        Place {
            id,
            date,
            holder: None,
        }
    }

    fn held(id: i64, date: NaiveDate, holder: i64) -> Place {
        Place {
            id,
            date,
            holder: Some(UserId(holder)),
        }
    }

    /// The date of each member's proposed duties.
    fn duties(proposal: &Proposal, places: &[Place]) -> BTreeMap<UserId, Vec<NaiveDate>> {
        let mut out: BTreeMap<UserId, Vec<NaiveDate>> = BTreeMap::new();
        for &(id, m) in &proposal.assignments {
            let place = places.iter().find(|p| p.id == id).expect("a place");
            out.entry(m).or_default().push(place.date);
        }
        for dates in out.values_mut() {
            dates.sort();
        }
        out
    }

    #[test]
    fn a_balanced_period_gives_everyone_their_quota() {
        let candidates: Vec<Candidate> = (1..=4).map(|i| member(i, 2)).collect();
        let places: Vec<Place> = (0..4)
            .flat_map(|k| {
                [
                    free(10 * i64::from(k), week(k)),
                    free(10 * i64::from(k) + 1, week(k)),
                ]
            })
            .collect();
        let proposal = assign(&candidates, &places, 7);
        assert_eq!(proposal.assignments.len(), 8);
        assert!(proposal.shortfalls.is_empty());
        let ids: Vec<i64> = proposal.assignments.iter().map(|a| a.0).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted, "sorted by place id");
        for dates in duties(&proposal, &places).values() {
            assert_eq!(dates.len(), 2);
            assert_ne!(dates[0], dates[1], "never twice on one date");
        }
    }

    #[test]
    fn an_unavailable_date_is_never_given() {
        let mut away = member(1, 1);
        away.unavailable.insert(week(0));
        let places = [free(1, week(0)), free(2, week(1))];
        for seed in 0..20 {
            let proposal = assign(std::slice::from_ref(&away), &places, seed);
            assert_eq!(proposal.assignments, [(2, UserId(1))]);
        }
        away.unavailable.insert(week(1));
        let proposal = assign(&[away], &places, 0);
        assert!(proposal.assignments.is_empty());
        assert_eq!(
            proposal.shortfalls,
            [Shortfall {
                member: UserId(1),
                missing: 1,
                reason: ShortfallReason::Unavailable
            }]
        );
    }

    #[test]
    fn a_held_place_counts_towards_the_quota_and_is_never_moved() {
        let places = [
            held(1, week(0), 1),
            free(2, week(0)),
            free(3, week(1)),
            free(4, week(2)),
        ];
        let proposal = assign(&[member(1, 2)], &places, 3);
        assert_eq!(proposal.assignments.len(), 1, "one held, one more owed");
        let (place, who) = proposal.assignments[0];
        assert_eq!(who, UserId(1));
        assert_ne!(place, 2, "not a second duty on the held date");
        // Above the quota, the sign-ups stay and nothing is added.
        let over = [held(1, week(0), 1), held(2, week(1), 1), free(3, week(2))];
        let proposal = assign(&[member(1, 1)], &over, 3);
        assert_eq!(proposal, Proposal::default());
        // A place held by somebody who is not a candidate is simply not free.
        let other = [held(1, week(0), 9), free(2, week(1))];
        let proposal = assign(&[member(1, 2)], &other, 3);
        assert_eq!(proposal.assignments, [(2, UserId(1))]);
        assert_eq!(proposal.shortfalls[0].reason, ShortfallReason::NoPlaceLeft);
    }

    /// A can only do X; B can do X or Y and prefers X (collects that day); one place each
    /// date, and B is served first: B's duty moves to Y so that A gets X.
    #[test]
    fn an_augmenting_path_moves_a_proposed_duty() {
        let (x, y) = (week(0), week(1));
        let mut a = member(1, 1);
        a.unavailable.insert(y);
        let mut b = member(2, 1);
        b.collects.insert(x);
        let places = [free(1, x), free(2, y)];
        let b_first: Vec<u64> = (0..64)
            .filter(|&s| member_rank(s, UserId(2)) < member_rank(s, UserId(1)))
            .collect();
        assert!(!b_first.is_empty());
        for seed in b_first {
            // B alone would take X.
            let alone = assign(std::slice::from_ref(&b), &places, seed);
            assert_eq!(alone.assignments, [(1, UserId(2))]);
            let proposal = assign(&[a.clone(), b.clone()], &places, seed);
            assert_eq!(proposal.assignments, [(1, UserId(1)), (2, UserId(2))]);
            assert!(proposal.shortfalls.is_empty());
        }
    }

    #[test]
    fn shortfalls_say_whether_places_ran_out() {
        // Two places for four duties: everyone gets one, and no place is left.
        let places = [free(1, week(0)), free(2, week(1))];
        let proposal = assign(&[member(1, 2), member(2, 2)], &places, 0);
        assert_eq!(proposal.assignments.len(), 2);
        let reasons: Vec<_> = proposal
            .shortfalls
            .iter()
            .map(|s| (s.member, s.missing, s.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                (UserId(1), 1, ShortfallReason::NoPlaceLeft),
                (UserId(2), 1, ShortfallReason::NoPlaceLeft)
            ]
        );
        // Places remain, but on the date the member is already on duty.
        let same_day = [free(1, week(0)), free(2, week(0))];
        let proposal = assign(&[member(1, 2)], &same_day, 0);
        assert_eq!(proposal.assignments.len(), 1);
        assert_eq!(
            proposal.shortfalls,
            [Shortfall {
                member: UserId(1),
                missing: 1,
                reason: ShortfallReason::Unavailable
            }]
        );
    }

    #[test]
    fn the_next_duty_goes_to_who_owes_the_most() {
        let places = [free(1, week(0)), free(2, week(1))];
        for seed in 0..20 {
            let proposal = assign(&[member(1, 3), member(2, 1)], &places, seed);
            let missing: Vec<_> = proposal.shortfalls.iter().map(|s| s.missing).collect();
            assert_eq!(missing, [1, 1], "3 − 2 and 1 − 0");
        }
    }

    #[test]
    fn duties_go_to_basket_days_then_spread_over_the_period() {
        let places: Vec<Place> = (0..5).map(|k| free(i64::from(k), week(k))).collect();
        let mut with_held = places.clone();
        with_held[0].holder = Some(UserId(1));
        for seed in 0..20 {
            let proposal = assign(&[member(1, 3)], &with_held, seed);
            let dates = &duties(&proposal, &with_held)[&UserId(1)];
            assert_eq!(
                dates,
                &[week(2), week(4)],
                "farthest from week 0, then from both"
            );
            let mut basket = member(1, 1);
            basket.collects.insert(week(3));
            let proposal = assign(&[basket], &places, seed);
            assert_eq!(proposal.assignments, [(3, UserId(1))]);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_proposal() {
        let candidates: Vec<Candidate> = (1..=6).map(|i| member(i, 1)).collect();
        let places: Vec<Place> = (0..6).map(|k| free(i64::from(k), week(k))).collect();
        let proposals: BTreeSet<Vec<(i64, UserId)>> = (0..32)
            .map(|seed| {
                let first = assign(&candidates, &places, seed);
                assert_eq!(first, assign(&candidates, &places, seed));
                first.assignments
            })
            .collect();
        assert!(proposals.len() > 1, "other seeds break ties otherwise");
    }

    // --- Properties -------------------------------------------------------------------------

    #[derive(Clone, Debug)]
    struct Instance {
        candidates: Vec<Candidate>,
        places: Vec<Place>,
    }

    /// Member ids 10, 11, …; a holder `n` (the number of candidates) stands for somebody who
    /// is not a candidate.
    fn instance(
        max_candidates: usize,
        max_dates: u32,
        max_places: usize,
        max_quota: u32,
    ) -> impl Strategy<Value = Instance> {
        (1..=max_candidates, 1..=max_dates).prop_flat_map(move |(n, dates)| {
            let days = dates as usize;
            let person = (
                0..=max_quota,
                proptest::collection::vec(proptest::bool::weighted(0.3), days),
                proptest::collection::vec(proptest::bool::weighted(0.3), days),
            );
            let place = proptest::option::weighted(0.25, 0..=n);
            (
                proptest::collection::vec(person, n),
                proptest::collection::vec(proptest::collection::vec(place, 1..=max_places), days),
            )
                .prop_map(move |(people, grid)| {
                    let pick = |flags: &[bool]| -> BTreeSet<NaiveDate> {
                        (0..dates)
                            .filter(|&k| flags[k as usize])
                            .map(week)
                            .collect()
                    };
                    let candidates = people
                        .iter()
                        .enumerate()
                        .map(|(i, (quota, away, basket))| Candidate {
                            member: UserId(10 + i as i64),
                            quota: *quota,
                            unavailable: pick(away),
                            collects: pick(basket),
                        })
                        .collect();
                    let mut places = Vec::new();
                    for (k, column) in grid.iter().enumerate() {
                        for holder in column {
                            places.push(Place {
                                // Not in date order, so the output's sorting is exercised.
                                id: 1000 - places.len() as i64,
                                date: week(k as u32),
                                holder: holder.map(|h| UserId(10 + h as i64)),
                            });
                        }
                    }
                    Instance { candidates, places }
                })
        })
    }

    impl Instance {
        fn dates(&self) -> Vec<NaiveDate> {
            self.places
                .iter()
                .map(|p| p.date)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        }

        fn held_dates(&self, who: UserId) -> Vec<NaiveDate> {
            self.places
                .iter()
                .filter(|p| p.holder == Some(who))
                .map(|p| p.date)
                .collect()
        }

        fn owed(&self, c: &Candidate) -> u32 {
            c.quota
                .saturating_sub(self.held_dates(c.member).len() as u32)
        }

        /// Whether `c` may receive a duty on `date` at all (before any proposal).
        fn allowed(&self, c: &Candidate, date: NaiveDate) -> bool {
            !c.unavailable.contains(&date) && !self.held_dates(c.member).contains(&date)
        }

        /// Every vector of duties given per candidate that some assignment achieves, by
        /// dynamic programming over the dates (each date: a set of candidates, at most its
        /// free places, each allowed there and still under what they owe).
        fn achievable(&self) -> BTreeSet<Vec<u32>> {
            let n = self.candidates.len();
            let owed: Vec<u32> = self.candidates.iter().map(|c| self.owed(c)).collect();
            let mut layer: BTreeSet<Vec<u32>> = BTreeSet::from([vec![0; n]]);
            for date in self.dates() {
                let places = self
                    .places
                    .iter()
                    .filter(|p| p.date == date && p.holder.is_none())
                    .count() as u32;
                let mut next = BTreeSet::new();
                for given in &layer {
                    for mask in 0u32..(1 << n) {
                        if mask.count_ones() > places {
                            continue;
                        }
                        let mut more = given.clone();
                        let fits = (0..n).filter(|i| mask & (1 << i) != 0).all(|i| {
                            more[i] += 1;
                            more[i] <= owed[i] && self.allowed(&self.candidates[i], date)
                        });
                        if fits {
                            next.insert(more);
                        }
                    }
                }
                layer = next;
            }
            layer
        }

        /// Duties given per candidate by `proposal`.
        fn given(&self, proposal: &Proposal) -> Vec<u32> {
            self.candidates
                .iter()
                .map(|c| {
                    proposal
                        .assignments
                        .iter()
                        .filter(|a| a.1 == c.member)
                        .count() as u32
                })
                .collect()
        }

        /// What each candidate still owes with `given`, sorted from the largest.
        fn debts(&self, given: &[u32]) -> Vec<u32> {
            let mut debts: Vec<u32> = self
                .candidates
                .iter()
                .zip(given)
                .map(|(c, g)| self.owed(c) - g)
                .collect();
            debts.sort_unstable_by(|a, b| b.cmp(a));
            debts
        }
    }

    fn spread(debts: &[u32]) -> u32 {
        debts.first().copied().unwrap_or(0) - debts.last().copied().unwrap_or(0)
    }

    /// Rules 1–4, the shortfalls (rule 9) and direct maximality (rule 5).
    fn check_rules(inst: &Instance, proposal: &Proposal) -> Result<(), TestCaseError> {
        let ids: Vec<i64> = proposal.assignments.iter().map(|a| a.0).collect();
        prop_assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "sorted, each place once"
        );
        let mut on: BTreeMap<UserId, BTreeSet<NaiveDate>> = BTreeMap::new();
        for &(id, who) in &proposal.assignments {
            let place = inst.places.iter().find(|p| p.id == id);
            prop_assert!(place.is_some_and(|p| p.holder.is_none()), "a free place");
            let date = place.map(|p| p.date).unwrap_or_default();
            let c = inst.candidates.iter().find(|c| c.member == who);
            prop_assert!(c.is_some(), "a candidate");
            let c = c.unwrap_or(&inst.candidates[0]);
            prop_assert!(!c.unavailable.contains(&date), "available");
            prop_assert!(
                !inst.held_dates(who).contains(&date),
                "not beside a held place"
            );
            prop_assert!(on.entry(who).or_default().insert(date), "once per date");
        }
        let given = inst.given(proposal);
        let left = inst.places.iter().filter(|p| p.holder.is_none()).count() - ids.len();
        let mut expected = Vec::new();
        for (c, &g) in inst.candidates.iter().zip(&given) {
            let owed = inst.owed(c);
            prop_assert!(g <= owed, "quota respected");
            if g < owed {
                expected.push(Shortfall {
                    member: c.member,
                    missing: owed - g,
                    reason: if left == 0 {
                        ShortfallReason::NoPlaceLeft
                    } else {
                        ShortfallReason::Unavailable
                    },
                });
            }
        }
        prop_assert_eq!(&proposal.shortfalls, &expected);
        // No free place left that an owing candidate could take as it stands.
        for place in inst
            .places
            .iter()
            .filter(|p| p.holder.is_none() && !ids.contains(&p.id))
        {
            for (c, &g) in inst.candidates.iter().zip(&given) {
                let busy = on.get(&c.member).is_some_and(|d| d.contains(&place.date));
                prop_assert!(
                    g >= inst.owed(c) || busy || !inst.allowed(c, place.date),
                    "place {} could still go to {:?}",
                    place.id,
                    c.member
                );
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn every_proposal_keeps_the_rules(inst in instance(5, 5, 3, 3), seed in any::<u64>()) {
            let proposal = assign(&inst.candidates, &inst.places, seed);
            check_rules(&inst, &proposal)?;
            prop_assert_eq!(&proposal, &assign(&inst.candidates, &inst.places, seed));
        }

        #[test]
        fn the_proposal_places_as_many_duties_as_possible(
            inst in instance(5, 5, 3, 3),
            seed in any::<u64>(),
        ) {
            let proposal = assign(&inst.candidates, &inst.places, seed);
            let best = inst.achievable().iter().map(|g| g.iter().sum::<u32>()).max();
            prop_assert_eq!(Some(proposal.assignments.len() as u32), best);
        }

        /// Rule 6 against every assignment: ours is maximum, and what members still owe is
        /// the decreasingly minimal vector among the maximum ones, hence of minimal spread.
        #[test]
        fn what_members_still_owe_is_as_even_as_possible(
            inst in instance(4, 4, 2, 2),
            seed in any::<u64>(),
        ) {
            let proposal = assign(&inst.candidates, &inst.places, seed);
            check_rules(&inst, &proposal)?;
            let all = inst.achievable();
            let best = all.iter().map(|g| g.iter().sum::<u32>()).max().unwrap_or(0);
            let maximum: Vec<&Vec<u32>> =
                all.iter().filter(|g| g.iter().sum::<u32>() == best).collect();
            let given = inst.given(&proposal);
            prop_assert_eq!(given.iter().sum::<u32>(), best);
            let ours = inst.debts(&given);
            let fairest = maximum.iter().map(|g| inst.debts(g)).min();
            prop_assert_eq!(Some(&ours), fairest.as_ref());
            let least_spread = maximum.iter().map(|g| spread(&inst.debts(g))).min();
            prop_assert_eq!(Some(spread(&ours)), least_spread);
        }
    }
}
