//! A contract's schedule as "Mon échéancier" computes it while the member types: the plan's
//! lines (proposed, or the cheques held), the typed amounts in the editable ones, the
//! adjusting line recomputed, and the "trop-payé" problems — all from `domain::payment`.

use crate::api::payments::{ChequeView, ScheduleView};
use crate::domain::contract::{Offer, Quantities};
use crate::domain::payment::{
    Contract, Held, Line, LineRole, Terms, adjust_after_edit, check_lines, delivered_values,
};
use crate::domain::{Money, Problem};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// A contract's schedule as the form computes it.
#[derive(Clone)]
pub(super) struct Schedule {
    pub(super) view: ScheduleView,
    deliveries: Vec<(NaiveDate, Money)>,
    template_dates: Vec<NaiveDate>,
    frozen_before: Option<NaiveDate>,
}

/// One line of the form: the line, its role, its stored cheque if any.
pub(super) struct Row {
    pub(super) line: Line,
    pub(super) role: LineRole,
    pub(super) cheque: Option<ChequeView>,
}

impl Schedule {
    pub(super) fn new(
        view: ScheduleView,
        offer: &Offer,
        grid: &Quantities,
        frozen: Option<NaiveDate>,
    ) -> Self {
        Self {
            view,
            deliveries: delivered_values(offer, grid),
            template_dates: offer.dates.clone(),
            frozen_before: frozen,
        }
    }

    fn held(&self) -> Vec<Held> {
        self.view
            .cheques
            .iter()
            .map(|c| Held {
                date: c.date,
                amount: c.amount,
                state: c.state,
            })
            .collect()
    }

    pub(super) fn total(&self) -> Money {
        self.deliveries.iter().map(|(_, v)| *v).sum()
    }

    /// The lines with what the member typed in the editable ones and the adjusting line
    /// recomputed; the problems of a schedule that would overpay.
    pub(super) fn live(&self, typed: &BTreeMap<NaiveDate, String>) -> (Vec<Row>, Vec<Problem>) {
        let plan = &self.view.settings.plan;
        let held = self.held();
        let remitted: BTreeSet<NaiveDate> = self.view.remitted_dates.iter().copied().collect();
        let contract = Contract {
            template_dates: &self.template_dates,
            deliveries: &self.deliveries,
            credit: self.view.credit,
            held: &held,
            remitted: &remitted,
            frozen_before: self.frozen_before,
        };
        let base = if held.is_empty() {
            plan.propose(&contract)
        } else {
            plan.current(&contract)
        };
        let roles = plan.roles(&base);
        let mut lines: Vec<Line> = base
            .into_iter()
            .zip(&roles)
            .map(|(mut line, role)| {
                if *role == LineRole::Editable
                    && let Some(raw) = typed.get(&line.date)
                {
                    line.amount = match raw.trim() {
                        "" => Money::ZERO,
                        raw => Money::parse("", raw).unwrap_or(line.amount),
                    };
                }
                line
            })
            .collect();
        if roles.contains(&LineRole::Adjust) {
            let terms = Terms {
                total: self.total(),
                credit: self.view.credit,
                minimum: Money::ZERO,
            };
            lines = adjust_after_edit(&terms, lines.clone()).unwrap_or(lines);
        }
        let problems = check_lines(&lines).err().unwrap_or_default();
        let rows = lines
            .into_iter()
            .zip(roles)
            .map(|(line, role)| Row {
                cheque: self
                    .view
                    .cheques
                    .iter()
                    .find(|c| c.date == line.date)
                    .cloned(),
                line,
                role,
            })
            .collect();
        (rows, problems)
    }
}

