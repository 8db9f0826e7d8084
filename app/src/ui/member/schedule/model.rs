//! A contract's schedule as "Mon échéancier" computes it while the member types: the plan's
//! lines (proposed, or the cheques held), the typed amounts in the editable ones, the
//! adjusting line recomputed, and the "trop-payé" problems — all from `domain::payment`.

use crate::api::contracts::SignUpPage;
use crate::api::payments::{ChequeView, ScheduleView};
use crate::domain::contract::{Nature, Offer, Quantities};
use crate::domain::payment::{
    Contract, Held, Line, LineRole, Terms, adjust_after_edit, check_lines, delivered_values,
    frozen_before,
};
use crate::domain::{Money, Problem, collect};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// A contract's schedule as the form computes it.
#[derive(Clone)]
pub struct Schedule {
    pub view: ScheduleView,
    deliveries: Vec<(NaiveDate, Money)>,
    template_dates: Vec<NaiveDate>,
    frozen_before: Option<NaiveDate>,
}

/// One line of the form: the line, its role, its stored cheque if any.
pub struct Row {
    pub line: Line,
    pub role: LineRole,
    pub cheque: Option<ChequeView>,
}

impl Schedule {
    /// The schedule of the page's contract, when there is one and the AMAP manages its
    /// payments.
    pub fn of(page: &SignUpPage) -> Option<Self> {
        let mine = page.mine.as_ref()?;
        if !page.schedule.settings.plan.managed() {
            return None;
        }
        let prepaid = page.offer.nature == Nature::PrepaidCard;
        let frozen = frozen_before(mine.late, prepaid, page.now.date());
        Some(Self::new(
            page.schedule.clone(),
            &page.offer,
            &mine.grid,
            frozen,
        ))
    }

    /// The amounts a failed post typed, by payment date (`pay.{date}` fields).
    pub fn typed(&self, values: &BTreeMap<String, String>) -> BTreeMap<NaiveDate, String> {
        collect::map(
            self.view
                .payment_dates
                .iter()
                .chain(self.view.cheques.iter().map(|c| &c.date))
                .filter_map(|d| {
                    let value = values.get(&amount_field(*d))?;
                    (!value.is_empty()).then(|| (*d, value.clone()))
                }),
        )
    }

    /// Whether the member may still change anything.
    pub fn editable(&self) -> bool {
        let (rows, _) = self.live(&BTreeMap::new());
        rows.iter().any(|r| {
            r.role != LineRole::ReadOnly
                || r.cheque
                    .as_ref()
                    .is_none_or(|c| c.state == crate::domain::payment::ChequeState::Promised)
        })
    }

    pub fn new(
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

    pub fn total(&self) -> Money {
        self.deliveries.iter().map(|(_, v)| *v).sum()
    }

    /// The lines with what the member typed in the editable ones and the adjusting line
    /// recomputed; the problems of a schedule that would overpay.
    pub fn live(&self, typed: &BTreeMap<NaiveDate, String>) -> (Vec<Row>, Vec<Problem>) {
        let plan = &self.view.settings.plan;
        let held = self.held();
        let remitted: BTreeSet<NaiveDate> = collect::set(self.view.remitted_dates.iter().copied());
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

/// The posted name of a line's amount.
pub fn amount_field(date: NaiveDate) -> String {
    format!("pay.{date}")
}

/// The field the server names a line's problems with.
pub fn problem_field(date: NaiveDate) -> String {
    format!("payments.{date}")
}
