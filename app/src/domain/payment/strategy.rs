//! The payment presets a référent picks from (reference §3.1 table;
//! AmapJ `GestionContratPaiementUtils.getAlls`, `StrategiePaiement`).

use super::dates::PaymentDates;
use super::proposal::ProposalKind;
use crate::domain::money::Money;
use serde::{Deserialize, Serialize};

/// A named preset, or every setting chosen by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// The AMAP does not manage payments (NON_GERE).
    NotManaged,
    /// One cheque a month at the month's first delivery, smoothed, member may edit
    /// (UN_CHEQUE_PAR_MOIS_LISSE_MODIFIABLE_1ERE_LIVRAISON).
    MonthlySmoothedEditable,
    /// Same dates and amounts, member may not edit
    /// (UN_CHEQUE_PAR_MOIS_LISSE_NON_MODIFIABLE_1ERE_LIVRAISON).
    MonthlySmoothedFixed,
    /// One payment per delivery, paid ahead, not editable (UN_PAIEMENT_PAR_LIVRAISON).
    PerDelivery,
    /// One cheque dated the 1st of each month, smoothed, member may edit
    /// (UN_CHEQUE_PAR_MOIS_LISSE_MODIFIABLE_1ER_MOIS).
    MonthlyFirstOfMonthEditable,
    /// Everything chosen by the référent (PLUS_DE_CHOIX); the minimum cheque is kept.
    Custom {
        managed: bool,
        kind: ProposalKind,
        editable: bool,
        dates: PaymentDates,
    },
}

/// What a strategy means for a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Whether the AMAP tracks payments at all (GestionPaiement STANDARD vs NON_GERE).
    pub managed: bool,
    pub kind: ProposalKind,
    /// Whether the member may change the proposed amounts.
    pub editable: bool,
    pub dates: PaymentDates,
    /// The template's minimum cheque is ignored (treated as 0).
    pub minimum_forced_to_zero: bool,
}

impl Strategy {
    /// The settings this strategy stands for.
    pub fn preset(&self) -> Preset {
        let preset = |managed, kind, editable, dates, minimum_forced_to_zero| Preset {
            managed,
            kind,
            editable,
            dates,
            minimum_forced_to_zero,
        };
        match self {
            Self::NotManaged => preset(
                false,
                ProposalKind::SplitStrict,
                false,
                PaymentDates::Free(Vec::new()),
                true,
            ),
            Self::MonthlySmoothedEditable => preset(
                true,
                ProposalKind::SplitRounded,
                true,
                PaymentDates::FirstDeliveryOfMonth,
                false,
            ),
            Self::MonthlySmoothedFixed => preset(
                true,
                ProposalKind::SplitRounded,
                false,
                PaymentDates::FirstDeliveryOfMonth,
                false,
            ),
            Self::PerDelivery => preset(
                true,
                ProposalKind::PayAheadStrict,
                false,
                PaymentDates::EachDelivery,
                true,
            ),
            Self::MonthlyFirstOfMonthEditable => preset(
                true,
                ProposalKind::SplitRounded,
                true,
                PaymentDates::FirstOfMonth,
                false,
            ),
            Self::Custom {
                managed,
                kind,
                editable,
                dates,
            } => preset(*managed, *kind, *editable, dates.clone(), false),
        }
    }
}

impl Preset {
    /// The minimum cheque the proposal uses, given the one configured on the template.
    pub fn minimum(&self, configured: Money) -> Money {
        if self.minimum_forced_to_zero {
            Money::ZERO
        } else {
            configured
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_follow_the_amapj_table() {
        let rows = [
            (
                Strategy::NotManaged,
                false,
                ProposalKind::SplitStrict,
                false,
                true,
            ),
            (
                Strategy::MonthlySmoothedEditable,
                true,
                ProposalKind::SplitRounded,
                true,
                false,
            ),
            (
                Strategy::MonthlySmoothedFixed,
                true,
                ProposalKind::SplitRounded,
                false,
                false,
            ),
            (
                Strategy::PerDelivery,
                true,
                ProposalKind::PayAheadStrict,
                false,
                true,
            ),
            (
                Strategy::MonthlyFirstOfMonthEditable,
                true,
                ProposalKind::SplitRounded,
                true,
                false,
            ),
        ];
        for (strategy, managed, kind, editable, forced) in rows {
            let preset = strategy.preset();
            assert_eq!(
                (
                    preset.managed,
                    preset.kind,
                    preset.editable,
                    preset.minimum_forced_to_zero
                ),
                (managed, kind, editable, forced),
                "{strategy:?}"
            );
        }
        assert_eq!(
            Strategy::NotManaged.preset().dates,
            PaymentDates::Free(vec![])
        );
        assert_eq!(
            Strategy::PerDelivery.preset().dates,
            PaymentDates::EachDelivery
        );
        assert_eq!(
            Strategy::MonthlyFirstOfMonthEditable.preset().dates,
            PaymentDates::FirstOfMonth
        );
    }

    #[test]
    fn the_minimum_cheque_is_dropped_only_where_the_table_says() {
        let twenty = Money::from_cents(2000);
        assert_eq!(Strategy::PerDelivery.preset().minimum(twenty), Money::ZERO);
        assert_eq!(
            Strategy::MonthlySmoothedEditable.preset().minimum(twenty),
            twenty
        );
        let custom = Strategy::Custom {
            managed: true,
            kind: ProposalKind::PayAheadRounded,
            editable: true,
            dates: PaymentDates::EachDelivery,
        };
        let preset = custom.preset();
        assert_eq!(
            (preset.kind, preset.minimum(twenty)),
            (ProposalKind::PayAheadRounded, twenty)
        );
    }
}
