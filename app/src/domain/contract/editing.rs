//! What a référent may change on a template, checked against the template as it stands
//! (reference §2.2–§2.4). The handlers only look up rows; these decide.

use super::changes::TemplateChange;
use super::rules::{DateScope, EntryRule, ProductScope};
use super::template::{Offer, TemplateState};
use crate::domain::ids::ProductId;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;

/// The sign-up deadline is on or before the first delivery (reference §2.2); `field` names
/// the input that would break it.
pub fn check_deadline(
    deadline: NaiveDate,
    dates: &[NaiveDate],
    field: &str,
) -> Result<(), Problem> {
    match dates.iter().min() {
        Some(first) if deadline > *first => Err(Problem::new(field, ProblemCode::InvalidDate)),
        _ => Ok(()),
    }
}

/// Members see active templates, and archived ones they hold a contract on; drafts never.
pub fn visible_to_member(state: TemplateState, has_contract: bool) -> bool {
    match state {
        TemplateState::Active => true,
        TemplateState::Archived => has_contract,
        TemplateState::Draft => false,
    }
}

fn has_product(offer: &Offer, product: ProductId) -> bool {
    offer.products.iter().any(|p| p.id == product)
}

fn has_date(offer: &Offer, date: NaiveDate) -> bool {
    offer.dates.binary_search(&date).is_ok()
}

/// How many entry rules a template may hold: enough for any real contract, and a bound on
/// what every sign-up check walks through.
pub const MAX_RULES: usize = 50;

/// A rule may only name the template's own products and dates, and joins at most
/// [`MAX_RULES`] − 1 others (`offer` is the template as it stands, its rules included).
pub fn check_rule(offer: &Offer, rule: &EntryRule) -> Result<(), Problem> {
    if offer.rules.len() >= MAX_RULES {
        return Err(Problem::with_limit(
            "rules",
            ProblemCode::AtMost,
            MAX_RULES as u32,
        ));
    }
    let products_ok = match &rule.products {
        ProductScope::All => true,
        ProductScope::One(p) => has_product(offer, *p),
        ProductScope::Several(ps) => ps.iter().all(|p| has_product(offer, *p)),
    };
    if !products_ok {
        return Err(Problem::new("products", ProblemCode::UnknownValue));
    }
    let dates_ok = match &rule.dates {
        DateScope::EachDate | DateScope::WholeContract => true,
        DateScope::OneDate(d) => has_date(offer, *d),
        DateScope::SeveralDates(ds) => ds.iter().all(|d| has_date(offer, *d)),
    };
    if dates_ok {
        Ok(())
    } else {
        Err(Problem::new("dates", ProblemCode::UnknownValue))
    }
}

/// A change may only name existing dates and products, never land a date on another one or
/// before the sign-up deadline. (Whether an added product belongs to the producer is the
/// catalogue's business, checked by the caller.)
pub fn check_change(offer: &Offer, change: &TemplateChange) -> Result<(), Problem> {
    let unknown = |field: &str| Problem::new(field, ProblemCode::UnknownValue);
    let known_date = |field: &str, d: NaiveDate| {
        if has_date(offer, d) {
            Ok(())
        } else {
            Err(unknown(field))
        }
    };
    let known_product = |p: ProductId| {
        if has_product(offer, p) {
            Ok(())
        } else {
            Err(unknown("product_id"))
        }
    };
    match change {
        TemplateChange::AddDates(dates) => {
            if dates.iter().any(|d| has_date(offer, *d)) {
                return Err(Problem::new("date", ProblemCode::Taken));
            }
            check_deadline(offer.deadline, dates, "date")
        }
        TemplateChange::MoveDate { from, to } => {
            known_date("date", *from)?;
            if has_date(offer, *to) {
                return Err(Problem::new("to", ProblemCode::Taken));
            }
            check_deadline(offer.deadline, &[*to], "to")
        }
        TemplateChange::DeleteDate(d) => known_date("date", *d),
        TemplateChange::Cancel(e) | TemplateChange::Restore(e) => {
            known_date("date", e.date)?;
            e.product.map_or(Ok(()), known_product)
        }
        TemplateChange::SetPrice { product, .. } | TemplateChange::RemoveProduct(product) => {
            known_product(*product)
        }
        TemplateChange::AddProduct { product, .. } => {
            if has_product(offer, *product) {
                Err(Problem::new("product_id", ProblemCode::Taken))
            } else {
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::template::{Exclusion, fixtures};
    use crate::domain::contract::{Binds, Operator};
    use crate::domain::money::Money;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).expect("valid date")
    }

    fn offer() -> Offer {
        let mut offer = fixtures::offer();
        offer.deadline = day(1);
        offer.dates = vec![day(3), day(10)];
        offer
    }

    #[test]
    fn the_deadline_may_not_follow_the_first_delivery() {
        assert!(check_deadline(day(3), &[day(10), day(3)], "deadline").is_ok());
        let late = check_deadline(day(4), &[day(10), day(3)], "deadline");
        assert_eq!(late.map_err(|p| p.code), Err(ProblemCode::InvalidDate));
        assert!(check_deadline(day(30), &[], "deadline").is_ok());
    }

    #[test]
    fn drafts_are_never_shown_and_archives_only_to_their_members() {
        assert!(visible_to_member(TemplateState::Active, false));
        assert!(!visible_to_member(TemplateState::Draft, true));
        assert!(!visible_to_member(TemplateState::Archived, false));
        assert!(visible_to_member(TemplateState::Archived, true));
    }

    #[test]
    fn rules_name_only_the_templates_products_and_dates() {
        let offer = offer();
        let known = offer.products[0].id;
        let rule = |products, dates| EntryRule {
            dates,
            products,
            operator: Operator::MultipleOf,
            value: 6,
            message: None,
            binds: Binds::Everyone,
        };
        assert!(
            check_rule(
                &offer,
                &rule(ProductScope::One(known), DateScope::OneDate(day(3)))
            )
            .is_ok()
        );
        let stranger = rule(
            ProductScope::Several(vec![known, ProductId(999)]),
            DateScope::EachDate,
        );
        assert_eq!(
            check_rule(&offer, &stranger).map_err(|p| p.field),
            Err("products".into())
        );
        let off_calendar = rule(
            ProductScope::All,
            DateScope::SeveralDates(vec![day(3), day(4)]),
        );
        assert_eq!(
            check_rule(&offer, &off_calendar).map_err(|p| p.field),
            Err("dates".into())
        );
    }

    #[test]
    fn a_template_holds_at_most_fifty_rules() {
        let mut offer = offer();
        let rule = EntryRule {
            dates: DateScope::EachDate,
            products: ProductScope::All,
            operator: Operator::AtMost,
            value: 6,
            message: None,
            binds: Binds::Everyone,
        };
        offer.rules = vec![rule.clone(); MAX_RULES - 1];
        assert!(check_rule(&offer, &rule).is_ok());
        offer.rules.push(rule.clone());
        let full = check_rule(&offer, &rule).expect_err("the 51st rule");
        assert_eq!((full.field.as_str(), full.limit), ("rules", Some(50)));
    }

    #[test]
    fn changes_cannot_collide_or_precede_the_deadline() {
        let offer = offer();
        let product = offer.products[0].id;
        let problem = |c: TemplateChange| check_change(&offer, &c).map_err(|p| (p.field, p.code));
        assert_eq!(problem(TemplateChange::AddDates(vec![day(17)])), Ok(()));
        assert_eq!(
            problem(TemplateChange::AddDates(vec![day(10)])),
            Err(("date".into(), ProblemCode::Taken))
        );
        assert_eq!(
            problem(TemplateChange::MoveDate {
                from: day(10),
                to: day(3)
            }),
            Err(("to".into(), ProblemCode::Taken))
        );
        assert_eq!(
            problem(TemplateChange::MoveDate {
                from: day(10),
                to: NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
            }),
            Err(("to".into(), ProblemCode::InvalidDate))
        );
        assert_eq!(
            problem(TemplateChange::DeleteDate(day(4))),
            Err(("date".into(), ProblemCode::UnknownValue))
        );
        let cancel = TemplateChange::Cancel(Exclusion {
            date: day(3),
            product: Some(ProductId(999)),
        });
        assert_eq!(
            problem(cancel),
            Err(("product_id".into(), ProblemCode::UnknownValue))
        );
        assert_eq!(
            problem(TemplateChange::AddProduct {
                product,
                price: Money::ZERO
            }),
            Err(("product_id".into(), ProblemCode::Taken))
        );
        assert_eq!(
            problem(TemplateChange::SetPrice {
                product,
                price: Money::ZERO
            }),
            Ok(())
        );
    }
}
