//! Référents' and producers' pages: the templates list and editor, a producer's page, the
//! subscriptions of a template (and paper contracts), the producer's outputs, writing to
//! members.

pub mod outputs;
pub mod producer;
pub mod subscriptions;
pub mod template;
pub mod templates;
pub mod write;
