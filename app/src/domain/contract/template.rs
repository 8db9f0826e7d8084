//! A contract template as the rules see it.

use super::jokers::JokerPolicy;
use super::rules::EntryRule;
use super::stock::Conversion;
use crate::domain::ids::ProductId;
use crate::domain::money::Money;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How members choose quantities (AmapJ `NatureContrat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    /// ABONNEMENT: one basket, the same on every date (jokers aside). Called "fixed basket"
    /// so that "subscription" means one thing only: a member's contract.
    FixedBasket,
    /// LIBRE: a free choice for each date.
    Free,
    /// CARTE_PREPAYEE: a free grid; each date stays editable until N days before it.
    PrepaidCard,
}

/// CREATION → ACTIF → ARCHIVE. Drafts are invisible to members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TemplateState {
    Draft,
    Active,
    Archived,
}

crate::domain::names::names!(Nature {
    FixedBasket = "fixed_basket",
    Free = "free",
    PrepaidCard = "prepaid_card",
});

/// The settings of a template that mean something for its nature (reference §2.1, §2.6):
/// the editor shows only these, the others keep their stored value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NatureSettings {
    /// Absences and postponements concern a basket fixed for the season.
    pub jokers: bool,
    /// The notice before each date concerns only a prepaid card.
    pub prepaid_notice: bool,
    /// A prepaid card is joined any time already: no late-joiner mode.
    pub late_joiners: bool,
}

impl Nature {
    pub fn settings(self) -> NatureSettings {
        NatureSettings {
            jokers: self == Nature::FixedBasket,
            prepaid_notice: self == Nature::PrepaidCard,
            late_joiners: self != Nature::PrepaidCard,
        }
    }

    /// Reference §2.1: a prepaid card cannot have a single delivery (an empty calendar is
    /// the form's own problem).
    pub fn check_calendar(self, dates: &[NaiveDate]) -> Result<(), Problem> {
        if self == Nature::PrepaidCard && dates.len() == 1 {
            Err(Problem::with_limit("dates", ProblemCode::AtLeast, 2))
        } else {
            Ok(())
        }
    }
}

crate::domain::names::names!(TemplateState {
    Draft = "draft",
    Active = "active",
    Archived = "archived",
});

/// One product of a template, with its unit price for this template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OfferProduct {
    pub id: ProductId,
    pub price: Money,
}

/// A cancelled ("barré") date, or one product cancelled on one date.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Exclusion {
    #[serde(with = "crate::domain::wire::date")]
    pub date: NaiveDate,
    /// `None`: the whole date is cancelled.
    pub product: Option<ProductId>,
}

/// Everything the sign-up rules need to know about a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Offer {
    pub nature: Nature,
    pub state: TemplateState,
    /// Last day of sign-up (members may sign up until the end of that day, AMAP time).
    #[serde(with = "crate::domain::wire::date")]
    pub deadline: NaiveDate,
    /// CARTE_PREPAYEE: a date is editable while `date − prepaid_notice_days > now`.
    pub prepaid_notice_days: u32,
    /// Late joiners ("retardataires") may subscribe after the deadline.
    pub late_joiners: bool,
    /// The producer's notice period ("délai de prévenance"), in days.
    pub producer_notice_days: u32,
    /// Delivery dates, sorted ascending, unique.
    #[serde(with = "crate::domain::wire::dates")]
    pub dates: Vec<NaiveDate>,
    /// Products in column order.
    pub products: Vec<OfferProduct>,
    pub exclusions: Vec<Exclusion>,
    pub rules: Vec<EntryRule>,
    pub jokers: JokerPolicy,
    /// How ordering one product consumes another's stock (large basket = 2 small ones).
    pub conversions: Vec<Conversion>,
}

impl Offer {
    /// Whether `product` can be ordered on `date` (the date exists and neither it nor
    /// the product is cancelled there).
    pub fn is_open(&self, date: NaiveDate, product: ProductId) -> bool {
        self.dates.binary_search(&date).is_ok()
            && self.products.iter().any(|p| p.id == product)
            && !self
                .exclusions
                .iter()
                .any(|e| e.date == date && e.product.is_none_or(|p| p == product))
    }

    /// Whether something can be delivered on `date`: it is a delivery date and at least one
    /// product is open there (a date whose products are all cancelled counts as cancelled).
    pub fn delivers_on(&self, date: NaiveDate) -> bool {
        self.products.iter().any(|p| self.is_open(date, p.id))
    }

    pub fn price_of(&self, product: ProductId) -> Option<Money> {
        self.products
            .iter()
            .find(|p| p.id == product)
            .map(|p| p.price)
    }
}

/// A sample AMAP offer shared by the contract tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::domain::contract::LocalNow;
    use chrono::Days;

    pub const SMALL_BASKET: ProductId = ProductId(1);
    pub const LARGE_BASKET: ProductId = ProductId(2);
    pub const EGGS: ProductId = ProductId(3);
    pub const WINE: ProductId = ProductId(4);

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    pub fn at(date: NaiveDate, h: u32, min: u32) -> LocalNow {
        date.and_hms_opt(h, min, 0).expect("valid time")
    }

    /// The eight Thursdays from 5 June to 24 July 2025.
    pub fn thursdays() -> Vec<NaiveDate> {
        (0..8).map(|w| day(2025, 6, 5) + Days::new(7 * w)).collect()
    }

    /// A LIBRE vegetable contract: deadline Sunday 1 June, eight Thursdays, four products.
    pub fn offer() -> Offer {
        Offer {
            nature: Nature::Free,
            state: TemplateState::Active,
            deadline: day(2025, 6, 1),
            prepaid_notice_days: 3,
            late_joiners: false,
            producer_notice_days: 7,
            dates: thursdays(),
            products: vec![
                OfferProduct {
                    id: SMALL_BASKET,
                    price: Money::from_cents(1_200),
                },
                OfferProduct {
                    id: LARGE_BASKET,
                    price: Money::from_cents(2_000),
                },
                OfferProduct {
                    id: EGGS,
                    price: Money::from_cents(350),
                },
                OfferProduct {
                    id: WINE,
                    price: Money::from_cents(800),
                },
            ],
            exclusions: Vec::new(),
            rules: Vec::new(),
            jokers: JokerPolicy::default(),
            conversions: Vec::new(),
        }
    }

    pub fn subscription() -> Offer {
        Offer {
            nature: Nature::FixedBasket,
            ..offer()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn each_nature_shows_only_its_own_settings() {
        let basket = Nature::FixedBasket.settings();
        assert!(basket.jokers && basket.late_joiners && !basket.prepaid_notice);
        let free = Nature::Free.settings();
        assert!(!free.jokers && free.late_joiners && !free.prepaid_notice);
        let card = Nature::PrepaidCard.settings();
        assert!(!card.jokers && !card.late_joiners && card.prepaid_notice);
    }

    #[test]
    fn a_prepaid_card_needs_two_dates() {
        let dates = thursdays();
        assert!(Nature::PrepaidCard.check_calendar(&dates[..2]).is_ok());
        let single = Nature::PrepaidCard
            .check_calendar(&dates[..1])
            .expect_err("one date");
        assert_eq!((single.field.as_str(), single.limit), ("dates", Some(2)));
        assert!(Nature::Free.check_calendar(&dates[..1]).is_ok());
    }

    #[test]
    fn cancelled_dates_and_cells_are_closed() {
        let mut offer = offer();
        let [first, second, third] = [0, 1, 2].map(|i| offer.dates[i]);
        offer.exclusions = vec![
            Exclusion {
                date: first,
                product: None,
            },
            Exclusion {
                date: second,
                product: Some(EGGS),
            },
        ];
        assert!(!offer.is_open(first, SMALL_BASKET) && !offer.delivers_on(first));
        assert!(!offer.is_open(second, EGGS) && offer.is_open(second, SMALL_BASKET));
        assert!(offer.delivers_on(second) && offer.delivers_on(third));
        assert!(!offer.is_open(third, ProductId(99)));
        assert!(!offer.is_open(day(2025, 6, 6), SMALL_BASKET));
        assert!(!offer.delivers_on(day(2025, 6, 6)));
    }

    #[test]
    fn a_date_whose_products_are_all_cancelled_delivers_nothing() {
        let mut offer = offer();
        let date = offer.dates[3];
        offer.exclusions = offer
            .products
            .iter()
            .map(|p| Exclusion {
                date,
                product: Some(p.id),
            })
            .collect();
        assert!(!offer.delivers_on(date));
    }

    #[test]
    fn prices_come_from_the_offer() {
        assert_eq!(offer().price_of(EGGS), Some(Money::from_cents(350)));
        assert_eq!(offer().price_of(ProductId(99)), None);
    }
}
