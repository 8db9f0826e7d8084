//! The treasurer's views: the register of one template and its deposit slips.

use super::schedule::{TemplatePayments, preview, proposal, tally};
use crate::collation::sort_by_user;
use crate::db::entities::{app_user, cheque, producer, remittance, subscription};
use crate::error::AppResult;
use crate::repo::templates::Loaded;
use crate::repo::{self, cheques, subscriptions};
use crate::views::{self, cheque as cheque_view, person};
use app::api::payments::{PaymentDateView, Register, RegisterRow, RemittanceRef, Slip, SlipLine};
use app::api::producers::PersonRef;
use app::domain::payment::ChequeState;
use app::domain::payment::register::{DateStatus, Tally, next_to_remit, slip_consistent};
use app::domain::{Action, Grants, Money, ProducerId};
use app::domain::{RemittanceId, SubscriptionId, TemplateId};
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use std::collections::{BTreeMap, HashMap};

/// Every contract of a template with its cheques and its members, read in four queries.
pub struct Ledger {
    pub payments: TemplatePayments,
    pub contracts: Vec<(subscription::Model, app::domain::contract::Quantities)>,
    pub cheques: Vec<cheque::Model>,
    pub users: HashMap<i64, app_user::Model>,
}

impl Ledger {
    pub async fn load(
        db: &impl ConnectionTrait,
        loaded: &Loaded,
        producer: &producer::Model,
        today: NaiveDate,
    ) -> AppResult<Self> {
        let contracts = subscriptions::of_template_with_grids(db, loaded).await?;
        let users =
            repo::producers::users_by_id(db, contracts.iter().map(|(s, _)| s.user_id).collect())
                .await?;
        Ok(Self {
            payments: TemplatePayments::load(db, loaded, producer, today).await?,
            cheques: cheques::of_template(db, TemplateId(loaded.template.id)).await?,
            contracts,
            users,
        })
    }

    pub fn member(&self, user_id: i64) -> PersonRef {
        person(self.users.get(&user_id), user_id)
    }

    /// Each contract's cheques, grouped in one pass (the largest register holds 540).
    fn cheques_by_contract(&self) -> HashMap<i64, Vec<cheque::Model>> {
        let mut by_contract: HashMap<i64, Vec<cheque::Model>> = HashMap::new();
        for c in &self.cheques {
            by_contract
                .entry(c.subscription_id)
                .or_default()
                .push(c.clone());
        }
        by_contract
    }

    /// Who holds each contract.
    fn owners(&self) -> HashMap<i64, i64> {
        self.contracts
            .iter()
            .map(|(s, _)| (s.id, s.user_id))
            .collect()
    }
}

/// The register as `grants` may use it.
pub fn register(
    loaded: &Loaded,
    producer: &producer::Model,
    ledger: &Ledger,
    grants: &Grants,
) -> Register {
    let offer = views::offer(loaded, producer);
    let handed_on = ledger.payments.handed_on();
    let mut totals = Tally::default();
    let mut cheques = ledger.cheques_by_contract();
    let mut rows: Vec<RegisterRow> = ledger
        .contracts
        .iter()
        .map(|(sub, grid)| {
            let stored = cheques.remove(&sub.id).unwrap_or_default();
            let credit = Money::from_cents(sub.credit_cents);
            let t = tally(&offer, grid, credit, &stored);
            totals += &t;
            let recomputed = if t.schedule_gap() == Money::ZERO {
                Vec::new()
            } else {
                let wanted = proposal(&ledger.payments, &offer, grid, credit, &stored, sub.late);
                preview(&wanted, &stored, &handed_on)
            };
            RegisterRow {
                subscription_id: SubscriptionId(sub.id),
                member: ledger.member(sub.user_id),
                balance: t.balance(),
                schedule_gap: t.schedule_gap(),
                to_return: t.to_return(),
                tally: t,
                cheques: stored.iter().map(|c| cheque_view(c, &handed_on)).collect(),
                recomputed,
            }
        })
        .collect();
    sort_by_user(&mut rows, &ledger.users, |r| r.member.id.0);
    let dates = payment_dates(ledger);
    let statuses: Vec<DateStatus> = dates
        .iter()
        .map(|d| DateStatus {
            date: d.date,
            cheques: d.cheques,
            missing: d.missing.clone(),
            remitted: d.remittance.is_some(),
        })
        .collect();
    Register {
        template: views::summary(
            loaded,
            producer,
            u32::try_from(ledger.contracts.len()).unwrap_or(u32::MAX),
        ),
        settings: ledger.payments.settings.clone(),
        rows,
        next_to_remit: next_to_remit(&statuses),
        dates,
        totals,
        may_settle: grants.allows(Action::ManageProducer(ProducerId(producer.id))),
    }
}

/// Every payment date of the plan and every date holding a cheque, with its state.
fn payment_dates(ledger: &Ledger) -> Vec<PaymentDateView> {
    let mut by_date: BTreeMap<NaiveDate, PaymentDateView> = ledger
        .payments
        .payment_dates()
        .into_iter()
        .map(|date| (date, empty_date(date)))
        .collect();
    // Who still owes each date's cheque, by user, so the names come out in the one order.
    let owners = ledger.owners();
    let mut owing: BTreeMap<NaiveDate, Vec<i64>> = BTreeMap::new();
    for c in &ledger.cheques {
        let view = by_date
            .entry(c.payment_date)
            .or_insert_with(|| empty_date(c.payment_date));
        view.cheques += 1;
        view.amount = view.amount + Money::from_cents(c.amount_cents);
        match cheques::state_of(&c.state) {
            ChequeState::Promised => {
                if let Some(&user_id) = owners.get(&c.subscription_id) {
                    owing.entry(c.payment_date).or_default().push(user_id);
                }
            }
            ChequeState::Received => view.received += 1,
            ChequeState::Remitted => {}
        }
    }
    for r in &ledger.payments.remittances {
        let view = by_date
            .entry(r.payment_date)
            .or_insert_with(|| empty_date(r.payment_date));
        view.remittance = Some(RemittanceRef {
            id: RemittanceId(r.id),
            handed_on: r.handed_on,
            total: Money::from_cents(r.total_cents),
        });
    }
    for (date, mut users) in owing {
        sort_by_user(&mut users, &ledger.users, |id| *id);
        if let Some(view) = by_date.get_mut(&date) {
            view.missing = users.into_iter().map(|id| ledger.member(id).name).collect();
        }
    }
    by_date.into_values().collect()
}

fn empty_date(date: NaiveDate) -> PaymentDateView {
    PaymentDateView {
        date,
        cheques: 0,
        amount: Money::ZERO,
        received: 0,
        missing: Vec::new(),
        remittance: None,
    }
}

/// A deposit slip with its cheques, cross-checked against its stored total.
pub async fn slip(
    db: &impl ConnectionTrait,
    loaded: &Loaded,
    producer: &producer::Model,
    remittance: &remittance::Model,
) -> AppResult<Slip> {
    let in_slip = cheques::in_remittance(db, RemittanceId(remittance.id)).await?;
    let subs = subscriptions::of_template(db, TemplateId(loaded.template.id)).await?;
    let owner: HashMap<i64, i64> = subs.iter().map(|s| (s.id, s.user_id)).collect();
    let users = repo::producers::users_by_id(db, owner.values().copied().collect()).await?;
    let mut in_slip: Vec<_> = in_slip
        .iter()
        .map(|c| {
            (
                owner.get(&c.subscription_id).copied().unwrap_or_default(),
                c,
            )
        })
        .collect();
    sort_by_user(&mut in_slip, &users, |(user_id, _)| *user_id);
    let lines: Vec<SlipLine> = in_slip
        .into_iter()
        .map(|(user_id, c)| SlipLine {
            member: person(users.get(&user_id), user_id).name,
            bank: c.bank.clone(),
            number: c.number.clone(),
            drawer: c.drawer.clone(),
            amount: Money::from_cents(c.amount_cents),
        })
        .collect();
    let amounts: Vec<Money> = lines.iter().map(|l| l.amount).collect();
    let total = Money::from_cents(remittance.total_cents);
    let count = u32::try_from(remittance.cheque_count).unwrap_or_default();
    let settings = super::settings::load(db, loaded, producer).await?;
    Ok(Slip {
        id: RemittanceId(remittance.id),
        template: views::summary(loaded, producer, u32::try_from(subs.len()).unwrap_or(0)),
        producer: producer.name.clone(),
        payee: settings.payee,
        payment_date: remittance.payment_date,
        handed_on: remittance.handed_on,
        consistent: slip_consistent(total, count, &amounts),
        lines,
        total,
        count,
    })
}
