//! Stored rows → wire views: the only place database rows become what clients see. Pure
//! functions; the services read the rows and call these.

use crate::db::entities::{
    amap, app_user, cheque, contract_template, membership, producer, product,
};
use crate::repo::templates::{self, Loaded};
use app::api::amaps::AmapView;
use app::api::auth::UserView;
use app::api::members::{MemberView, RolesView};
use app::api::payments::ChequeView;
use app::api::producers::{PersonRef, ProducerRef};
use app::api::templates::{ProductView, TemplateProductView, TemplateSummary};
use app::domain::contract::{Offer, OfferProduct, Quantities};
use app::domain::{ChequeId, Money, ProducerId, ProductId, RemittanceId, TemplateId, UserId};
use chrono::NaiveDate;
use std::collections::HashMap;

pub fn amap(model: &amap::Model) -> AmapView {
    AmapView {
        slug: model.slug.clone(),
        name: model.name.clone(),
        city: model.city.clone(),
        time_zone: model.time_zone.clone(),
        distribution_place: model.distribution_place.clone(),
        distribution_hours: model.distribution_hours.clone(),
        duty_reminder_days: u32::try_from(model.duty_reminder_days).unwrap_or(0),
        swap_close_days: u32::try_from(model.swap_close_days).unwrap_or(0),
    }
}

pub fn user(model: &app_user::Model) -> UserView {
    UserView {
        id: UserId(model.id),
        email: model.email.clone(),
        first_name: model.first_name.clone(),
        last_name: model.last_name.clone(),
    }
}

/// A person by first then last name; an account gone since shows its id with no name.
pub fn person(user: Option<&app_user::Model>, id: i64) -> PersonRef {
    PersonRef {
        id: UserId(id),
        name: user
            .map(|u| format!("{} {}", u.first_name, u.last_name))
            .unwrap_or_default(),
    }
}

pub fn producer_ref(model: &producer::Model) -> ProducerRef {
    ProducerRef {
        id: ProducerId(model.id),
        name: model.name.clone(),
    }
}

/// A member with roles, given the producers they refer and supply.
pub fn member(
    membership: &membership::Model,
    account: &app_user::Model,
    referent_of: Vec<ProducerRef>,
    producer_of: Vec<ProducerRef>,
) -> MemberView {
    MemberView {
        id: UserId(account.id),
        first_name: account.first_name.clone(),
        last_name: account.last_name.clone(),
        email: account.email.clone(),
        active: membership.active,
        roles: RolesView {
            admin: membership.admin,
            treasurer: membership.treasurer,
            coordinator: membership.coordinator,
            referent_of,
            producer_of,
        },
        contact: app::api::directory::ContactForm {
            phone1: account.phone1.clone(),
            phone2: account.phone2.clone(),
            address: account.address.clone(),
            postcode: account.postcode.clone(),
            town: account.town.clone(),
        },
        has_password: account.password_hash.is_some(),
    }
}
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

pub fn cheque(c: &cheque::Model, handed_on: &HashMap<RemittanceId, NaiveDate>) -> ChequeView {
    ChequeView {
        id: ChequeId(c.id),
        date: c.payment_date,
        amount: Money::from_cents(c.amount_cents),
        state: crate::repo::cheques::state_of(&c.state),
        bank: c.bank.clone(),
        number: c.number.clone(),
        drawer: c.drawer.clone(),
        comment: c.comment.clone(),
        handed_on: c
            .remittance_id
            .and_then(|id| handed_on.get(&RemittanceId(id)).copied()),
    }
}
