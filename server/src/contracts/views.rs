//! Stored rows → domain values and wire views.

use crate::db::entities::{contract_template, producer, product};
use crate::repo::templates::{self, Loaded};
use app::api::producers::ProducerRef;
use app::api::templates::{ProductView, TemplateProductView, TemplateSummary};
use app::domain::contract::{Offer, OfferProduct, Quantities};
use app::domain::{Money, ProducerId, ProductId, TemplateId};
use chrono::NaiveDate;

/// The domain's view of a template.
pub fn offer(loaded: &Loaded, producer: &producer::Model) -> Offer {
    let t = &loaded.template;
    Offer {
        nature: templates::nature_of(&t.nature),
        state: templates::state_of(&t.state),
        deadline: t.deadline,
        prepaid_notice_days: u32::try_from(t.prepaid_notice_days).unwrap_or(0),
        late_joiners: t.late_joiners,
        producer_notice_days: u32::try_from(producer.notice_days).unwrap_or(0),
        dates: loaded.dates.iter().map(|d| d.date).collect(),
        products: loaded
            .products
            .iter()
            .map(|(tp, _)| OfferProduct {
                id: ProductId(tp.product_id),
                price: Money::from_cents(tp.price_cents),
            })
            .collect(),
        exclusions: loaded.exclusions.clone(),
        rules: loaded.rules.iter().map(|(_, rule)| rule.clone()).collect(),
        jokers: templates::jokers_of(t),
        conversions: loaded.conversions.clone(),
    }
}

pub fn summary(loaded: &Loaded, producer: &producer::Model, subscribers: u32) -> TemplateSummary {
    let dates: Vec<NaiveDate> = loaded.dates.iter().map(|d| d.date).collect();
    summary_of(&loaded.template, &dates, producer, subscribers)
}

/// A summary from the template row and its dates alone (lists need no more).
pub fn summary_of(
    t: &contract_template::Model,
    dates: &[NaiveDate],
    producer: &producer::Model,
    subscribers: u32,
) -> TemplateSummary {
    TemplateSummary {
        id: TemplateId(t.id),
        name: t.name.clone(),
        producer: ProducerRef {
            id: ProducerId(producer.id),
            name: producer.name.clone(),
        },
        nature: templates::nature_of(&t.nature),
        state: templates::state_of(&t.state),
        deadline: t.deadline,
        first_date: dates.iter().min().copied(),
        last_date: dates.iter().max().copied(),
        date_count: u32::try_from(dates.len()).unwrap_or(u32::MAX),
        subscriber_count: subscribers,
    }
}

pub fn template_products(loaded: &Loaded) -> Vec<TemplateProductView> {
    loaded
        .products
        .iter()
        .map(|(tp, p)| TemplateProductView {
            id: ProductId(p.id),
            name: p.name.clone(),
            packaging: p.packaging.clone(),
            price: Money::from_cents(tp.price_cents),
        })
        .collect()
}

pub fn product_view(p: &product::Model) -> ProductView {
    ProductView {
        id: ProductId(p.id),
        producer_id: ProducerId(p.producer_id),
        name: p.name.clone(),
        packaging: p.packaging.clone(),
        description: p.description.clone(),
        active: p.active,
    }
}

/// A grid's value at this template's prices.
pub fn amount(loaded: &Loaded, grid: &Quantities) -> Money {
    grid.amount(|p| loaded.price_of(p))
}

/// Units in a grid.
pub fn units(grid: &Quantities) -> u32 {
    grid.cells().map(|c| c.qty).sum()
}
