//! Contract templates as référents manage them: products, calendars, prices, entry rules,
//! stock, jokers, states, mass changes, and the subscriptions they received.
//!
//! Forms are flat (every field a string) so that the same body arrives from a plain HTML
//! form post and from a JSON client; `parse` turns them into domain values or field problems.

use super::amaps::amap_path;
use super::client;
use super::error::ApiError;
use super::producers::{PersonRef, ProducerRef};
use crate::domain::contract::calendar::{Frequency, generate_dates, normalize};
use crate::domain::contract::editing::check_deadline;
use crate::domain::contract::template::Exclusion;
use crate::domain::contract::{
    Binds, Conversion, DateScope, EntryRule, JokerKind, JokerMode, JokerPolicy, Nature, Operator,
    ProductScope, StockLimit, TemplateState,
};
use crate::domain::{
    Money, Problem, ProblemCode, Problems, ProducerId, ProductId, RuleId, TemplateId,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a [`StockForm`] asks for.
pub use crate::domain::contract::stock_change::StockChange;

pub use crate::domain::contract::changes::TemplateChange;

mod changes;
pub use changes::*;
pub(crate) mod fields;
pub use fields::*;
mod header;
pub use header::*;
mod producers;
pub use producers::*;
mod rules;
pub use rules::*;
mod stock;
pub use stock::*;
mod subscriptions;
pub use subscriptions::*;

pub fn templates_path(slug: &str) -> String {
    format!("{}/templates", amap_path(slug))
}

pub fn template_path(slug: &str, id: TemplateId) -> String {
    format!("{}/templates/{id}", amap_path(slug))
}

pub async fn list(slug: String) -> Result<Vec<TemplateSummary>, ApiError> {
    client::get(templates_path(&slug)).await
}

pub async fn show(slug: String, id: TemplateId) -> Result<TemplateView, ApiError> {
    client::get(template_path(&slug, id)).await
}

pub async fn subscriptions(slug: String, id: TemplateId) -> Result<Vec<SubscriptionRow>, ApiError> {
    client::get(format!("{}/subscriptions", template_path(&slug, id))).await
}

/// Active members without a contract on the template (names only).
pub async fn candidates(slug: String, id: TemplateId) -> Result<Vec<PersonRef>, ApiError> {
    client::get(format!("{}/candidates", template_path(&slug, id))).await
}

pub async fn producer(slug: String, id: ProducerId) -> Result<ProducerDetail, ApiError> {
    client::get(format!("{}/producers/{id}", amap_path(&slug))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_but_descriptions_keep_their_lines() {
        let form = ProductForm {
            name: "Vin\u{0}".into(),
            description: "Rouge.\nÉlevé en fût.".into(),
            ..ProductForm::default()
        };
        let problems = form.parse().expect_err("NUL refused");
        assert_eq!(problems, vec![Problem::new("name", ProblemCode::Malformed)]);
        let form = ProductForm {
            name: "Vin rouge".into(),
            ..form
        };
        assert_eq!(
            form.parse().map(|p| p.description).ok().as_deref(),
            Some("Rouge.\nÉlevé en fût.")
        );
    }

    #[test]
    fn a_calendar_is_generated_and_the_deadline_may_not_follow_the_first_delivery() {
        let form = TemplateForm {
            producer_id: "1".into(),
            name: "Légumes".into(),
            nature: "fixed_basket".into(),
            deadline: "2026-12-04".into(),
            frequency: "weekly".into(),
            first_date: "03/12/2026".into(),
            last_date: "2026-12-24".into(),
            ..TemplateForm::default()
        };
        let problems = form.parse(true).expect_err("deadline after first date");
        assert_eq!(
            problems,
            vec![Problem::new("deadline", ProblemCode::InvalidDate)]
        );
        let form = TemplateForm {
            deadline: "2026-12-01".into(),
            ..form
        };
        let input = form.parse(true).expect("valid");
        assert_eq!(input.dates.len(), 4);
        assert_eq!(input.jokers, JokerPolicy::default());
    }

    #[test]
    fn rules_read_from_flat_fields() {
        let form = RuleForm {
            date_scope: "each_date".into(),
            product_scope: "one".into(),
            products: "7".into(),
            operator: "multiple_of".into(),
            value: "6".into(),
            ..RuleForm::default()
        };
        let rule = form.parse().expect("valid");
        assert_eq!(rule.products, ProductScope::One(ProductId(7)));
        assert_eq!(
            (rule.operator, rule.value, rule.binds),
            (Operator::MultipleOf, 6, Binds::MembersOnly)
        );
        let missing = RuleForm::default().parse().expect_err("empty form");
        assert_eq!(missing.len(), 4, "{missing:?}");
    }
}
