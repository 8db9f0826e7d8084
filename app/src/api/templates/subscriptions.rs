//! The contracts a template received, as the référent lists them.

use super::*;

/// One subscription in a template's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SubscriptionRow {
    pub member: PersonRef,
    pub late: bool,
    pub edited_by_referent: bool,
    /// Dates with at least one unit.
    pub dates: u32,
    pub units: u32,
    pub amount: Money,
}
