//! The cheque audit trail.

use super::*;

/// One line of the audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub member: String,
    pub action: ChequeEvent,
    pub from: Option<ChequeState>,
    pub to: Option<ChequeState>,
    #[serde(with = "crate::domain::wire::opt_date")]
    pub date: Option<NaiveDate>,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditLog {
    pub template: TemplateSummary,
    /// The AMAP's time zone (IANA name): the instants above are UTC, read in this zone.
    pub time_zone: String,
    pub entries: Vec<AuditEntry>,
}
