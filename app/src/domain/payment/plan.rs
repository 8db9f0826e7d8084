//! A template's payment plan applied to one contract: the schedule the member is offered, and
//! the one a member's typed amounts make. Shared by the sign-up page (live, in the browser)
//! and the server (which recomputes before storing anything).

use super::cheque::ChequeState;
use super::cheque::{Held, schedule};
use super::dates::PaymentDates;
use super::editing::{LineRole, check_lines, field, roles};
use super::proposal::{Line, Terms, adjust, propose};
use super::strategy::{Preset, Strategy};
use crate::domain::money::Money;
use crate::domain::problem::{Problem, ProblemCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What a member receives on each date, at the template's prices: cancelled dates and
/// products count for nothing (they are neither delivered nor paid).
pub fn delivered_values(
    offer: &crate::domain::contract::Offer,
    grid: &crate::domain::contract::Quantities,
) -> Vec<(NaiveDate, Money)> {
    let mut open = crate::domain::contract::Quantities::new();
    for cell in grid.cells().filter(|c| offer.is_open(c.date, c.product)) {
        open.set(cell.date, cell.product, cell.qty);
    }
    super::proposal::delivery_values(&open, |p| offer.price_of(p))
}

/// How a template's contracts are paid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PaymentPlan {
    pub strategy: Strategy,
    /// The smallest cheque the proposal makes (ignored by the presets that say so).
    pub minimum: Money,
}

impl Default for PaymentPlan {
    /// AmapJ's default: one cheque a month, smoothed, editable.
    fn default() -> Self {
        Self {
            strategy: Strategy::MonthlySmoothedEditable,
            minimum: Money::ZERO,
        }
    }
}

/// One contract as the plan sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contract<'a> {
    /// The template's delivery dates (payment dates follow from them).
    pub template_dates: &'a [NaiveDate],
    /// What the member receives on each date, at the template's prices.
    pub deliveries: &'a [(NaiveDate, Money)],
    pub credit: Money,
    pub held: &'a [Held],
    /// Payment dates already handed to the producer.
    pub remitted: &'a BTreeSet<NaiveDate>,
    /// Late joiners and prepaid cards: lines dated before this day are not modifiable (all but
    /// the last line), as AmapJ's `setNonModifableDateInPast` — see [`frozen_before`].
    pub frozen_before: Option<NaiveDate>,
}

/// How many days ahead a late joiner's or a prepaid card's cheque must be dated to be planned.
pub const FROZEN_DAYS: u64 = 5;

/// The day before which a contract's payment lines are frozen: `today` + 5 days for a late
/// joiner or a prepaid card (a cheque cannot be dated in the past), none otherwise.
pub fn frozen_before(late: bool, prepaid_card: bool, today: NaiveDate) -> Option<NaiveDate> {
    (late || prepaid_card).then(|| today + chrono::Days::new(FROZEN_DAYS))
}

impl Contract<'_> {
    pub fn total(&self) -> Money {
        self.deliveries.iter().map(|(_, value)| *value).sum()
    }

    fn terms(&self, minimum: Money) -> Terms {
        Terms {
            total: self.total(),
            credit: self.credit,
            minimum,
        }
    }
}

impl PaymentPlan {
    pub fn preset(&self) -> Preset {
        self.strategy.preset()
    }

    pub fn managed(&self) -> bool {
        self.preset().managed
    }

    /// What a copied template keeps of this plan: everything but a free list of payment
    /// dates, which belongs to the old calendar and becomes AmapJ's default strategy. (The
    /// hand-in date, also tied to the old season, is not part of the plan.)
    pub fn copied(&self) -> PaymentPlan {
        let free_dates = matches!(
            self.strategy,
            Strategy::Custom {
                dates: PaymentDates::Free(_),
                ..
            }
        );
        PaymentPlan {
            strategy: if free_dates {
                PaymentPlan::default().strategy
            } else {
                self.strategy.clone()
            },
            minimum: self.minimum,
        }
    }

    /// The payment dates of a template with these delivery dates (a free list with a date
    /// twice is refused).
    pub fn payment_dates(&self, template_dates: &[NaiveDate]) -> Result<Vec<NaiveDate>, Problem> {
        self.preset().dates.resolve(template_dates)
    }

    /// The stored cheques laid out on the payment dates, unchanged.
    pub fn current(&self, contract: &Contract) -> Vec<Line> {
        let dates = self
            .payment_dates(contract.template_dates)
            .unwrap_or_default();
        let mut lines = schedule(&dates, contract.held, contract.remitted);
        if let (Some(cutoff), Some((_, earlier))) = (contract.frozen_before, lines.split_last_mut())
        {
            for line in earlier.iter_mut().filter(|l| l.date < cutoff) {
                line.modifiable = false;
            }
        }
        lines
    }

    /// The proposal: the still-modifiable lines recomputed (reference §3.2), the others kept.
    /// With nothing left to modify, the current lines come back as they are.
    pub fn propose(&self, contract: &Contract) -> Vec<Line> {
        let preset = self.preset();
        let lines = self.current(contract);
        let terms = contract.terms(preset.minimum(self.minimum));
        propose(preset.kind, &terms, &lines, contract.deliveries).unwrap_or(lines)
    }

    /// How each line of `lines` behaves in the member's form.
    pub fn roles(&self, lines: &[Line]) -> Vec<LineRole> {
        roles(lines, self.preset().editable)
    }

    /// The schedule a member's typed amounts make: editable lines take what was typed, the
    /// adjusting line takes the rest (reference §3.3). Refused when it would overpay. With a
    /// plan the member may not edit, the proposal stands whatever was typed.
    pub fn edited(
        &self,
        contract: &Contract,
        typed: &BTreeMap<NaiveDate, Money>,
    ) -> Result<Vec<Line>, Vec<Problem>> {
        let preset = self.preset();
        // A first schedule starts from the proposal, a stored one from what is stored.
        let lines = if contract.held.is_empty() {
            self.propose(contract)
        } else {
            self.current(contract)
        };
        let roles = roles(&lines, preset.editable);
        let refused: Vec<Problem> = lines
            .iter()
            .zip(&roles)
            .filter(|(line, role)| {
                **role == LineRole::ReadOnly
                    && typed.get(&line.date).is_some_and(|a| *a != line.amount)
            })
            .filter_map(|(line, _)| {
                let held = contract.held.iter().find(|c| c.date == line.date);
                let code = match held.map(|c| c.state) {
                    Some(ChequeState::Received) => ProblemCode::ChequeReceived,
                    Some(ChequeState::Remitted) => ProblemCode::ChequeRemitted,
                    _ if contract.remitted.contains(&line.date) => ProblemCode::DateRemitted,
                    _ => return None,
                };
                Some(Problem::new(&field(line), code))
            })
            .collect();
        if !refused.is_empty() {
            return Err(refused);
        }
        if !roles.contains(&LineRole::Adjust) {
            return Ok(self.propose(contract));
        }
        let typed_lines: Vec<Line> = lines
            .into_iter()
            .zip(roles)
            .map(|(mut line, role)| {
                if role == LineRole::Editable
                    && let Some(amount) = typed.get(&line.date)
                {
                    line.amount = *amount;
                }
                line
            })
            .collect();
        let terms = contract.terms(preset.minimum(self.minimum));
        let adjusted = adjust(&terms, typed_lines).map_err(|_| Vec::new())?;
        check_lines(&adjusted)?;
        Ok(adjusted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::payment::proposal::tests::day;

    fn euros(e: i64) -> Money {
        Money::from_cents(e * 100)
    }

    /// A delivery of 10 € on the 1st and 15th of January, February and March: 60 €.
    fn deliveries() -> Vec<(NaiveDate, Money)> {
        [1, 2, 3]
            .iter()
            .flat_map(|&m| [(day(m, 1), euros(10)), (day(m, 15), euros(10))])
            .collect()
    }

    fn amounts(lines: &[Line]) -> Vec<i64> {
        lines.iter().map(|l| l.amount.cents() / 100).collect()
    }

    #[test]
    fn a_copy_keeps_the_plan_but_not_a_free_list_of_dates() {
        use crate::domain::payment::ProposalKind;
        let custom = |dates| PaymentPlan {
            strategy: Strategy::Custom {
                managed: true,
                kind: ProposalKind::SplitStrict,
                editable: false,
                dates,
            },
            minimum: euros(15),
        };
        let monthly = custom(PaymentDates::FirstOfMonth);
        assert_eq!(monthly.copied(), monthly);
        let free = custom(PaymentDates::Free(vec![day(1, 5)]));
        assert_eq!(
            free.copied(),
            PaymentPlan {
                minimum: euros(15),
                ..PaymentPlan::default()
            }
        );
    }

    #[test]
    fn the_default_plan_proposes_one_cheque_a_month() {
        let deliveries = deliveries();
        let dates: Vec<NaiveDate> = deliveries.iter().map(|(d, _)| *d).collect();
        let remitted = BTreeSet::new();
        let contract = Contract {
            template_dates: &dates,
            deliveries: &deliveries,
            credit: Money::ZERO,
            held: &[],
            remitted: &remitted,
            frozen_before: None,
        };
        let plan = PaymentPlan::default();
        assert_eq!(amounts(&plan.propose(&contract)), [20, 20, 20]);
        // The member writes 30 € in February: March adjusts to 10 €.
        let typed = BTreeMap::from([(day(2, 1), euros(30))]);
        assert_eq!(
            amounts(&plan.edited(&contract, &typed).expect("valid")),
            [20, 30, 10]
        );
        let too_much = BTreeMap::from([(day(1, 1), euros(50))]);
        let refused = plan.edited(&contract, &too_much).expect_err("overpaid");
        assert_eq!(refused[0].code, ProblemCode::Overpaid);
        assert_eq!(refused[0].limit, Some(1000));
    }

    #[test]
    fn a_member_cannot_retype_a_cheque_the_amap_holds() {
        let deliveries = deliveries();
        let dates: Vec<NaiveDate> = deliveries.iter().map(|(d, _)| *d).collect();
        let remitted = BTreeSet::new();
        let held = [
            Held {
                date: day(1, 1),
                amount: euros(20),
                state: ChequeState::Received,
            },
            Held {
                date: day(2, 1),
                amount: euros(20),
                state: ChequeState::Promised,
            },
            Held {
                date: day(3, 1),
                amount: euros(20),
                state: ChequeState::Promised,
            },
        ];
        let contract = Contract {
            template_dates: &dates,
            deliveries: &deliveries,
            credit: Money::ZERO,
            held: &held,
            remitted: &remitted,
            frozen_before: None,
        };
        let plan = PaymentPlan::default();
        let typed = BTreeMap::from([(day(1, 1), euros(10)), (day(2, 1), euros(25))]);
        let refused = plan.edited(&contract, &typed).expect_err("refused");
        assert_eq!(
            refused,
            [Problem::new(
                "payments.2025-01-01",
                ProblemCode::ChequeReceived
            )]
        );
        // Retyping the same amount is not a change.
        let same = BTreeMap::from([(day(1, 1), euros(20)), (day(2, 1), euros(25))]);
        assert_eq!(
            amounts(&plan.edited(&contract, &same).expect("valid")),
            [20, 25, 15]
        );
    }

    #[test]
    fn a_late_joiner_pays_nothing_on_dates_already_past() {
        let deliveries = deliveries();
        let dates: Vec<NaiveDate> = deliveries.iter().map(|(d, _)| *d).collect();
        let remitted = BTreeSet::new();
        let contract = Contract {
            template_dates: &dates,
            deliveries: &deliveries,
            credit: Money::ZERO,
            held: &[],
            remitted: &remitted,
            frozen_before: frozen_before(true, false, day(1, 20)),
        };
        // January is frozen; February and March share the 60 €.
        assert_eq!(
            amounts(&PaymentPlan::default().propose(&contract)),
            [0, 30, 30]
        );
        // Even when every date is past, the last line stays to pay on.
        let late = Contract {
            frozen_before: frozen_before(false, true, day(6, 1)),
            ..contract
        };
        assert_eq!(amounts(&PaymentPlan::default().propose(&late)), [0, 0, 60]);
        assert_eq!(frozen_before(false, false, day(6, 1)), None);
    }

    #[test]
    fn a_fixed_plan_ignores_typed_amounts_and_a_credit_lowers_the_cheques() {
        let deliveries = deliveries();
        let dates: Vec<NaiveDate> = deliveries.iter().map(|(d, _)| *d).collect();
        let remitted = BTreeSet::from([day(1, 1)]);
        let held = [Held {
            date: day(1, 1),
            amount: euros(20),
            state: ChequeState::Remitted,
        }];
        let contract = Contract {
            template_dates: &dates,
            deliveries: &deliveries,
            credit: euros(10),
            held: &held,
            remitted: &remitted,
            frozen_before: None,
        };
        let plan = PaymentPlan {
            strategy: Strategy::MonthlySmoothedFixed,
            minimum: Money::ZERO,
        };
        let typed = BTreeMap::from([(day(2, 1), euros(1))]);
        assert_eq!(
            amounts(&plan.edited(&contract, &typed).expect("proposal")),
            [20, 15, 15]
        );
    }
}
