//! Pure business rules shared by the browser and the server.
//!
//! Nothing here touches leptos, axum, sea-orm, tokio, a clock or the environment:
//! `today`/`now` are parameters. The same code gives the browser instant feedback and
//! the server its final word, so a rule is written exactly once.

pub mod access;
pub mod account;
pub mod adhesion;
pub mod collect;
pub mod contract;
pub mod directory;
pub mod ids;
pub mod import;
pub mod mail;
pub mod money;
mod names;
pub mod payment;
pub mod problem;
pub mod rota;
pub mod throttle;
pub mod wire;

pub use access::{Action, Grants};
pub use account::{AmapName, City, Email, Password, PersonName, Slug};
pub use ids::{
    AdhesionId, AmapId, ChequeId, DutyDateId, DutyPeriodId, DutyPlaceId, DutyRoleId, PeriodId,
    ProducerId, ProductId, RemittanceId, RuleId, SubscriptionId, TemplateId, UserId,
};
pub use money::Money;
pub use problem::{Problem, ProblemCode, Problems};
