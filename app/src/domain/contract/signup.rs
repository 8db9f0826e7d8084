//! Checking a whole sign-up: every rule that does not need other members' data. Stock,
//! which does, is checked by `stock::shortages` in the browser and held by the database on
//! the server.
//!
//! Field names of the problems follow the form: `q.{date}.{product}` for a cell
//! (`q.{product}` on an ABONNEMENT, whose form has one quantity per product), `q.{date}` for a
//! date across products, `joker.{date}` for a joker, `contract` for the whole contract.

use super::LocalNow;
use super::deadline::Window;
use super::grid::Quantities;
use super::jokers::{JokerChoice, JokerKind};
use super::rules::Binds;
use super::template::{Nature, Offer, TemplateState};
use crate::domain::collect;
use crate::domain::ids::ProductId;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The field of problems about the whole contract.
pub const CONTRACT_FIELD: &str = "contract";
/// The field of problems about the number of jokers.
pub const JOKERS_FIELD: &str = "jokers";

/// One cell: `q.{date}.{product}`, or `q.{product}` on an ABONNEMENT (one quantity per product).
pub fn cell_field(nature: Nature, date: NaiveDate, product: ProductId) -> String {
    match nature {
        Nature::FixedBasket => product_field(product),
        Nature::Free | Nature::PrepaidCard => format!("q.{date}.{product}"),
    }
}

/// One product across dates: `q.{product}`.
pub fn product_field(product: ProductId) -> String {
    format!("q.{product}")
}

/// One date across products: `q.{date}`.
pub fn date_field(date: NaiveDate) -> String {
    format!("q.{date}")
}

/// The joker on one date: `joker.{date}`.
pub fn joker_field(date: NaiveDate) -> String {
    format!("joker.{date}")
}

/// Who is entering the quantities: référents are exempt from `Binds::MembersOnly` rules and
/// from the sign-up window (they enter paper contracts and corrections).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entrant {
    Member,
    Referent,
}

/// What a member (or a référent for them) submits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Unknown fields make a body a plain form's flat fields (see `api::contracts::SignUpBody`).
#[serde(deny_unknown_fields)]
pub struct SignUp {
    /// ABONNEMENT: the quantity of each product on every date (cells' `date` ignored).
    #[serde(default, deserialize_with = "counted_basket")]
    pub basket: Vec<(ProductId, u32)>,
    /// LIBRE / CARTE_PREPAYEE (and référent corrections of an ABONNEMENT): the grid.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<super::grid::Cell>))]
    pub grid: Quantities,
    #[serde(default)]
    pub jokers: Vec<JokerChoice>,
}

/// A basket's (product, quantity) pairs, each quantity a count however JSON writes it (`2.0`
/// too: see `ids::whole_u32`).
fn counted_basket<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<(ProductId, u32)>, D::Error> {
    #[derive(Deserialize)]
    struct Count(#[serde(deserialize_with = "crate::domain::ids::whole_u32")] u32);
    let lines = Vec::<(ProductId, Count)>::deserialize(deserializer)?;
    Ok(lines
        .into_iter()
        .map(|(product, Count(qty))| (product, qty))
        .collect())
}

/// ABONNEMENT: the grid that `basket` and `jokers` produce — the basket on every open date of
/// `window`, nothing on absence dates, a postponed date's basket added to its target date.
/// Cancelled dates/products get nothing. A product listed twice in `basket` takes its last
/// quantity; a postponement only moves a basket between two dates of `window`.
pub fn expand_basket(
    offer: &Offer,
    basket: &[(ProductId, u32)],
    jokers: &[JokerChoice],
    window: &Window,
) -> Quantities {
    let basket: BTreeMap<ProductId, u32> = collect::map(basket.iter().copied());
    let mut grid = Quantities::new();
    let mut add = |date: NaiveDate, product: ProductId, qty: u32| {
        grid.set(date, product, grid.get(date, product).saturating_add(qty));
    };
    let skipped: BTreeSet<NaiveDate> = collect::set(jokers.iter().map(|j| j.date));
    for &date in offer
        .dates
        .iter()
        .filter(|d| window.allows(**d) && !skipped.contains(*d))
    {
        for (&product, &qty) in basket.iter().filter(|(p, _)| offer.is_open(date, **p)) {
            add(date, product, qty);
        }
    }
    for (from, to) in jokers.iter().filter_map(|j| Some((j.date, j.to?))) {
        if from == to || !window.allows(from) || !window.allows(to) {
            continue;
        }
        for (&product, &qty) in basket.iter() {
            if offer.is_open(from, product) && offer.is_open(to, product) {
                add(to, product, qty);
            }
        }
    }
    grid
}

/// The grid a sign-up stands for: `expand_basket` for an ABONNEMENT entered as a basket
/// (empty `grid`), the grid otherwise.
pub fn resulting_grid(offer: &Offer, sign_up: &SignUp, window: &Window) -> Quantities {
    if entered_as_basket(offer, sign_up) {
        expand_basket(offer, &sign_up.basket, &sign_up.jokers, window)
    } else {
        sign_up.grid.clone()
    }
}

fn entered_as_basket(offer: &Offer, sign_up: &SignUp) -> bool {
    offer.nature == Nature::FixedBasket && !sign_up.basket.is_empty()
}

/// Every problem with `sign_up`, or the grid to store.
///
/// Checks: cells only on open (date, product) pairs; a member changes only dates their
/// `window` allows (cells on other dates must equal `existing`, or be absent for a new
/// contract) — `Window::Closed` refuses any change; entry rules (per `entrant`) on the dates
/// that are active for this contract (open in the window or already holding quantities, not
/// cancelled, not an absence joker); jokers (kind allowed, count within min..=max, dates are
/// delivery dates, postponement targets are other open dates, no date used twice, and after
/// sign-up only dates still `changeable_after_sign_up`); a non-empty result.
///
/// A référent is held neither by the window (nor the joker delay) nor by
/// `Binds::MembersOnly` rules. An ABONNEMENT entered as a basket speaks only for the dates
/// the member may change: on the other dates the stored grid keeps `existing`, and a basket
/// or jokers that would change a date already holding quantities there is refused. After
/// sign-up, the dates whose joker is still `changeable_after_sign_up` count as open for an
/// existing ABONNEMENT.
pub fn check_sign_up(
    offer: &Offer,
    sign_up: &SignUp,
    entrant: Entrant,
    window: &Window,
    existing: Option<&Quantities>,
    now: LocalNow,
) -> Result<Quantities, Vec<Problem>> {
    let window = editable_window(offer, entrant, window, existing.is_some(), now);
    let nothing = Quantities::new();
    let before = existing.unwrap_or(&nothing);
    let mut problems = Vec::new();

    let grid = if entered_as_basket(offer, sign_up) {
        basket_grid(offer, sign_up, &window, existing, &mut problems)
    } else {
        sign_up.grid.clone()
    };

    for cell in grid.cells().filter(|c| !offer.is_open(c.date, c.product)) {
        problems.push(Problem::new(
            &cell_field(offer.nature, cell.date, cell.product),
            ProblemCode::CellClosed,
        ));
    }
    if entrant == Entrant::Member {
        for (date, product) in changed_cells(&grid, before) {
            if !window.allows(date) && offer.is_open(date, product) {
                let field = closed_field(offer, &sign_up.jokers, date, product);
                problems.push(Problem::new(&field, ProblemCode::DateClosed));
            }
        }
    }
    let new_member_contract = entrant == Entrant::Member && existing.is_none();
    joker_problems(
        offer,
        &sign_up.jokers,
        &window,
        new_member_contract,
        &mut problems,
    );

    let active = active_dates(offer, &grid, &window, &sign_up.jokers);
    for rule in &offer.rules {
        if entrant == Entrant::Member || rule.binds == Binds::Everyone {
            problems.extend(rule.violations(offer, &grid, &active));
        }
    }
    if grid.is_empty() {
        problems.push(Problem::new(CONTRACT_FIELD, ProblemCode::EmptyContract));
    }

    if problems.is_empty() {
        Ok(grid)
    } else {
        let mut unique: Vec<Problem> = Vec::with_capacity(problems.len());
        for problem in problems {
            if !unique.contains(&problem) {
                unique.push(problem);
            }
        }
        Err(unique)
    }
}

/// The dates `entrant` may change: everything for a référent; for a member, `window`, widened
/// after sign-up on an existing ABONNEMENT to the dates whose joker is still changeable.
pub fn editable_window(
    offer: &Offer,
    entrant: Entrant,
    window: &Window,
    has_contract: bool,
    now: LocalNow,
) -> Window {
    let jokers_still_open = offer.nature.settings().jokers
        && offer.state == TemplateState::Active
        && has_contract
        && offer.jokers.offered();
    match (entrant, window) {
        (Entrant::Referent, _) | (Entrant::Member, Window::Open) => Window::Open,
        (Entrant::Member, _) if jokers_still_open => {
            let dates: Vec<NaiveDate> = offer
                .dates
                .iter()
                .copied()
                .filter(|d| window.allows(*d) || offer.jokers.changeable_after_sign_up(*d, now))
                .collect();
            if dates.is_empty() {
                Window::Closed
            } else {
                Window::SomeDates { dates }
            }
        }
        (Entrant::Member, _) => window.clone(),
    }
}

/// ABONNEMENT entered as a basket: the expanded grid on the dates of `window`, `existing`
/// elsewhere. Reports basket products the offer lacks, and dates outside the window whose
/// quantities the basket and jokers would change.
fn basket_grid(
    offer: &Offer,
    sign_up: &SignUp,
    window: &Window,
    existing: Option<&Quantities>,
    problems: &mut Vec<Problem>,
) -> Quantities {
    for &(product, qty) in &sign_up.basket {
        if qty > 0 && offer.price_of(product).is_none() {
            problems.push(Problem::new(
                &product_field(product),
                ProblemCode::CellClosed,
            ));
        }
    }
    let mut grid = expand_basket(offer, &sign_up.basket, &sign_up.jokers, window);
    let Some(before) = existing else {
        return grid;
    };
    if *window == Window::Open {
        return grid;
    }
    let wanted = expand_basket(offer, &sign_up.basket, &sign_up.jokers, &Window::Open);
    let mut kept = BTreeSet::new();
    for cell in before.cells() {
        if !window.allows(cell.date) && offer.is_open(cell.date, cell.product) {
            grid.set(cell.date, cell.product, cell.qty);
            kept.insert(cell.date);
        }
    }
    // Dates left empty before (a late joiner's first dates, old absences) are not compared:
    // the basket never reached them.
    for (date, product) in changed_cells(&wanted, before) {
        if kept.contains(&date) && offer.is_open(date, product) {
            let field = closed_field(offer, &sign_up.jokers, date, product);
            problems.push(Problem::new(&field, ProblemCode::DateClosed));
        }
    }
    grid
}

/// The (date, product) pairs whose quantity differs between `a` and `b`.
fn changed_cells<'a>(
    a: &'a Quantities,
    b: &'a Quantities,
) -> impl Iterator<Item = (NaiveDate, ProductId)> + 'a {
    let keys: BTreeSet<(NaiveDate, ProductId)> =
        collect::set(a.cells().chain(b.cells()).map(|c| (c.date, c.product)));
    keys.into_iter()
        .filter(move |&(d, p)| a.get(d, p) != b.get(d, p))
}

/// Where a refused change shows: the joker that touches the date, else the cell.
fn closed_field(
    offer: &Offer,
    jokers: &[JokerChoice],
    date: NaiveDate,
    product: ProductId,
) -> String {
    jokers
        .iter()
        .find(|j| j.date == date || j.to == Some(date))
        .filter(|_| offer.nature.settings().jokers)
        .map_or_else(
            || cell_field(offer.nature, date, product),
            |j| joker_field(j.date),
        )
}

/// Kind, dates and count of the jokers (reference §2.6). `new_member_contract`: a member's
/// first sign-up, whose jokers must lie in the window.
fn joker_problems(
    offer: &Offer,
    jokers: &[JokerChoice],
    window: &Window,
    new_member_contract: bool,
    problems: &mut Vec<Problem>,
) {
    let policy = &offer.jokers;
    if !offer.nature.settings().jokers || !policy.offered() {
        for joker in jokers {
            problems.push(Problem::new(
                &joker_field(joker.date),
                ProblemCode::JokerNotAllowed,
            ));
        }
        return;
    }
    let mut used = BTreeSet::new();
    for joker in jokers {
        let field = joker_field(joker.date);
        let mut refuse = |code| problems.push(Problem::new(&field, code));
        match (policy.kind, joker.to) {
            (JokerKind::Absence, Some(_)) | (JokerKind::Postponement, None) => {
                refuse(ProblemCode::JokerNotAllowed);
            }
            _ => {}
        }
        for (date, is_target) in
            std::iter::once((joker.date, false)).chain(joker.to.map(|t| (t, true)))
        {
            if offer.dates.binary_search(&date).is_err() || (is_target && date == joker.date) {
                refuse(ProblemCode::InvalidDate);
            } else if !offer.delivers_on(date) {
                refuse(ProblemCode::JokerNotAllowed);
            } else if !used.insert(date) {
                refuse(ProblemCode::InvalidDate);
            }
            if new_member_contract && !window.allows(date) {
                refuse(ProblemCode::DateClosed);
            }
        }
    }
    let count = u32::try_from(jokers.len()).unwrap_or(u32::MAX);
    if count < policy.min {
        problems.push(Problem::with_limit(
            JOKERS_FIELD,
            ProblemCode::TooFewJokers,
            policy.min,
        ));
    }
    if count > policy.max {
        problems.push(Problem::with_limit(
            JOKERS_FIELD,
            ProblemCode::TooManyJokers,
            policy.max,
        ));
    }
}

/// The dates on which a rule with `DateScope::EachDate` is checked for this contract: delivery
/// dates that are open in `window` or already hold quantities in `grid`, minus cancelled
/// dates and joker dates (absent or postponed; a postponement's target stays active).
pub fn active_dates(
    offer: &Offer,
    grid: &Quantities,
    window: &Window,
    jokers: &[JokerChoice],
) -> Vec<NaiveDate> {
    offer
        .dates
        .iter()
        .copied()
        .filter(|d| window.allows(*d) || grid.date_total(*d) > 0)
        .filter(|d| offer.delivers_on(*d))
        .filter(|d| !jokers.iter().any(|j| j.date == *d))
        .collect()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod properties;
