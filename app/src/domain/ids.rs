//! Typed identifiers, so that a member id can never be passed where a producer id is expected.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl From<i64> for $name {
            fn from(raw: i64) -> Self {
                Self(raw)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

typed_id!(
    /// An AMAP (one tenant of a deployment).
    AmapId
);
typed_id!(
    /// A person with a login; may belong to several AMAPs.
    UserId
);
typed_id!(
    /// A farm supplying one AMAP.
    ProducerId
);
typed_id!(
    /// Something a producer sells (a basket, a bottle, a cheese…).
    ProductId
);
typed_id!(
    /// A contract template ("contrat vierge") offered for a season.
    TemplateId
);
typed_id!(
    /// One member's contract on one template.
    SubscriptionId
);
typed_id!(
    /// One entry rule of a template (stable: rules are deleted by id, not by position).
    RuleId
);
typed_id!(
    /// One cheque of a contract's schedule.
    ChequeId
);
typed_id!(
    /// A deposit slip ("bordereau de remise").
    RemittanceId
);
typed_id!(
    /// A membership period ("période d'adhésion"), usually a season.
    PeriodId
);
typed_id!(
    /// One member's membership of one period.
    AdhesionId
);
typed_id!(
    /// A rota period ("période de permanence"): its dates, places and participants.
    DutyPeriodId
);
typed_id!(
    /// One distribution date of a rota period.
    DutyDateId
);
typed_id!(
    /// One place on one date of a rota period (taken by at most one member).
    DutyPlaceId
);
typed_id!(
    /// A role on duty ("accueil", "distribution", "caisse"…), from the AMAP's list.
    DutyRoleId
);
