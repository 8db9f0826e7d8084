//! Typed identifiers, so that a member id can never be passed where a producer id is expected.

use serde::{Deserialize, Serialize};

/// Reads an id as JSON Schema's `integer` means it: `808` and also `808.0` (an integer
/// written with a fraction of zero, as some clients and generators send), never `808.5`;
/// and from an HTML form's text (`"808"`), where every value is one.
pub(crate) struct WholeNumber;

impl serde::de::Visitor<'_> for WholeNumber {
    type Value = i64;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::custom("out of range"))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<i64, E> {
        v.trim()
            .parse()
            .map_err(|_| E::custom("not a whole number"))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<i64, E> {
        // 2^63 is exactly representable; every whole f64 below it fits an i64.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        if v.fract() == 0.0 && (-LIMIT..LIMIT).contains(&v) {
            Ok(v as i64)
        } else {
            Err(E::custom("not a whole number"))
        }
    }
}

/// A count (a quantity of units) read as [`WholeNumber`] reads ids: `3` and `3.0` from JSON,
/// never `3.5` or a negative; as itself from binary formats.
pub(crate) fn whole_u32<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<u32, D::Error> {
    use serde::de::Error;
    if deserializer.is_human_readable() {
        let value = deserializer.deserialize_any(WholeNumber)?;
        u32::try_from(value).map_err(|_| D::Error::custom("not a count"))
    } else {
        u32::deserialize(deserializer)
    }
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // Binary formats (the islands' props) say what they hold no more than an i64.
                if deserializer.is_human_readable() {
                    deserializer.deserialize_any(WholeNumber).map(Self)
                } else {
                    i64::deserialize(deserializer).map(Self)
                }
            }
        }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_whole_numbers_however_written() {
        let read = |json: &str| serde_json::from_str::<UserId>(json).ok();
        assert_eq!(read("808"), Some(UserId(808)));
        assert_eq!(read("808.0"), Some(UserId(808)));
        assert_eq!(read("-2.0"), Some(UserId(-2)));
        assert_eq!(read("808.5"), None);
        assert_eq!(read("1e300"), None);
        assert_eq!(read("\"808\""), Some(UserId(808)));
        assert_eq!(read("\"eight\""), None);
        assert_eq!(
            serde_json::to_string(&UserId(808)).ok().as_deref(),
            Some("808")
        );
    }

    #[test]
    fn a_cell_quantity_is_a_count_however_written() {
        use crate::domain::contract::grid::Cell;
        let read = |qty: &str| {
            serde_json::from_str::<Cell>(&format!(
                r#"{{"date":"2026-09-01","product":1,"qty":{qty}}}"#
            ))
            .ok()
            .map(|cell| cell.qty)
        };
        assert_eq!(read("3"), Some(3));
        assert_eq!(read("3.0"), Some(3));
        assert_eq!(read("3.5"), None);
        assert_eq!(read("-1"), None);
        assert_eq!(read("4294967296"), None);
    }
}
