//! One contract's cheques: what the member's form shows, the writes a new schedule needs, and
//! the automatic proposal after the quantities change.

use crate::db::entities::{cheque, remittance, subscription};
use crate::error::{AppError, AppResult};
use crate::repo::cheques::{self, Event, NewCheque};
use crate::repo::templates::Loaded;
use crate::views::cheque as cheque_view;
use app::api::payments::{ChequeView, PaymentSettings, ScheduleView};
use app::domain::contract::{Offer, Quantities};
use app::domain::payment::ChequeEvent;
use app::domain::payment::cheque::{Change, changes};
use app::domain::payment::{
    ChequeState, Contract, Editor, Held, Line, PaymentPlan, Tally, delivered_values, frozen_before,
};
use app::domain::{ChequeId, Money, RemittanceId};
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use std::collections::{BTreeSet, HashMap};

/// What every schedule of a template shares.
pub struct TemplatePayments {
    pub settings: PaymentSettings,
    /// CARTE_PREPAYEE: lines dated in the next days are frozen (see `frozen_before`).
    pub prepaid: bool,
    pub template_dates: Vec<NaiveDate>,
    pub remittances: Vec<remittance::Model>,
    /// The AMAP's date today (its time zone), as the browser's copy of the rules sees it.
    pub today: NaiveDate,
}

impl TemplatePayments {
    /// `today` is the AMAP's date (its time zone), from the application's clock.
    pub async fn load(
        db: &impl ConnectionTrait,
        loaded: &Loaded,
        producer: &crate::db::entities::producer::Model,
        today: NaiveDate,
    ) -> AppResult<Self> {
        Self::load_many(db, &[(loaded, producer)], today)
            .await?
            .pop()
            .ok_or(AppError::NotFound)
    }

    /// The payments of many templates of one AMAP, in four queries whatever their number.
    pub async fn load_many(
        db: &impl ConnectionTrait,
        templates: &[(&Loaded, &crate::db::entities::producer::Model)],
        today: NaiveDate,
    ) -> AppResult<Vec<Self>> {
        let settings = super::settings::load_many(db, templates).await?;
        let ids = templates.iter().map(|(l, _)| l.template.id).collect();
        let mut remittances: HashMap<i64, Vec<remittance::Model>> = HashMap::new();
        for r in cheques::remittances_of(db, ids).await? {
            remittances.entry(r.template_id).or_default().push(r);
        }
        Ok(templates
            .iter()
            .zip(settings)
            .map(|((loaded, _), settings)| Self {
                settings,
                prepaid: crate::repo::templates::nature_of(&loaded.template.nature)
                    == app::domain::contract::Nature::PrepaidCard,
                template_dates: loaded.dates.iter().map(|d| d.date).collect(),
                remittances: remittances.remove(&loaded.template.id).unwrap_or_default(),
                today,
            })
            .collect())
    }

    pub fn plan(&self) -> &PaymentPlan {
        &self.settings.plan
    }

    pub fn remitted(&self) -> BTreeSet<NaiveDate> {
        self.remittances.iter().map(|r| r.payment_date).collect()
    }

    pub fn handed_on(&self) -> HashMap<RemittanceId, NaiveDate> {
        self.remittances
            .iter()
            .map(|r| (RemittanceId(r.id), r.handed_on))
            .collect()
    }

    pub fn payment_dates(&self) -> Vec<NaiveDate> {
        self.plan()
            .payment_dates(&self.template_dates)
            .unwrap_or_default()
    }

    /// Where a contract's lines stop being plannable: late joiners and prepaid cards cannot
    /// date a cheque in the past. The AMAP's date, as the sign-up page's `now` gives the
    /// browser, so that both sides freeze the same lines around midnight.
    pub fn frozen_before(&self, late: bool) -> Option<NaiveDate> {
        frozen_before(late, self.prepaid, self.today)
    }

    pub fn view(&self, credit: Money, stored: &[cheque::Model]) -> ScheduleView {
        let handed_on = self.handed_on();
        ScheduleView {
            settings: self.settings.clone(),
            payment_dates: self.payment_dates(),
            remitted_dates: self.remitted().into_iter().collect(),
            credit,
            cheques: stored.iter().map(|c| cheque_view(c, &handed_on)).collect(),
        }
    }
}

/// A contract's tally: what it orders against the cheques stored.
pub fn tally(offer: &Offer, grid: &Quantities, credit: Money, stored: &[cheque::Model]) -> Tally {
    let ordered = delivered_values(offer, grid).iter().map(|(_, v)| *v).sum();
    let held: Vec<Held> = stored.iter().map(cheques::held).collect();
    Tally::new(ordered, credit, &held)
}

/// Whose cheques are written, and by whom (for the audit trail).
#[derive(Clone, Copy)]
pub struct Who {
    pub amap_id: i64,
    pub template_id: i64,
    pub subscription_id: i64,
    pub member_user_id: i64,
    pub actor: i64,
    /// The contract is a late joiner's.
    pub late: bool,
}

impl Who {
    pub fn of(sub: &subscription::Model, actor: i64) -> Self {
        Self {
            amap_id: sub.amap_id,
            template_id: sub.template_id,
            subscription_id: sub.id,
            member_user_id: sub.user_id,
            actor,
            late: sub.late,
        }
    }

    pub fn event(&self, action: ChequeEvent, cheque_id: Option<i64>) -> Event {
        Event {
            amap_id: self.amap_id,
            template_id: self.template_id,
            subscription_id: Some(self.subscription_id),
            member_user_id: Some(self.member_user_id),
            cheque_id,
            actor: self.actor,
            action,
            from: None,
            to: None,
            date: None,
            amount: Money::ZERO,
        }
    }
}

/// Writes `wanted` over `stored`, refusing what the life cycle forbids; every write is
/// conditional on the cheque's state, so a reception that slipped in first wins (409). Says
/// whether any cheque changed.
pub async fn apply(
    db: &impl ConnectionTrait,
    who: Who,
    stored: &[cheque::Model],
    wanted: &[Line],
    remitted: &BTreeSet<NaiveDate>,
    editor: Editor,
) -> AppResult<bool> {
    let held: Vec<Held> = stored.iter().map(cheques::held).collect();
    let plan = changes(&held, wanted, remitted, editor).map_err(AppError::Validation)?;
    let allowed: &[ChequeState] = match editor {
        Editor::Member => &[ChequeState::Promised],
        Editor::Referent => &[ChequeState::Promised, ChequeState::Received],
    };
    let by_date = |date: NaiveDate| stored.iter().find(|c| c.payment_date == date);
    let mut events = Vec::new();
    for change in plan {
        match change {
            Change::Insert { date, amount } => {
                let row = cheques::insert(
                    db,
                    NewCheque {
                        amap_id: who.amap_id,
                        template_id: who.template_id,
                        subscription_id: who.subscription_id,
                        date,
                        amount,
                    },
                )
                .await?;
                events.push(Event {
                    to: Some(ChequeState::Promised),
                    date: Some(date),
                    amount,
                    ..who.event(ChequeEvent::Promised, Some(row.id))
                });
            }
            Change::Update { date, to, .. } => {
                let Some(row) = by_date(date) else { continue };
                if !cheques::set_amount(db, ChequeId(row.id), to, allowed).await? {
                    return Err(AppError::Conflict("cheque changed meanwhile".into()));
                }
                events.push(Event {
                    from: Some(cheques::state_of(&row.state)),
                    to: Some(cheques::state_of(&row.state)),
                    date: Some(date),
                    amount: to,
                    ..who.event(ChequeEvent::Changed, Some(row.id))
                });
            }
            Change::Delete { date, amount } => {
                let Some(row) = by_date(date) else { continue };
                if !cheques::delete_promised(db, ChequeId(row.id)).await? {
                    return Err(AppError::Conflict("cheque changed meanwhile".into()));
                }
                events.push(Event {
                    from: Some(ChequeState::Promised),
                    date: Some(date),
                    amount,
                    ..who.event(ChequeEvent::Deleted, Some(row.id))
                });
            }
        }
    }
    let changed = !events.is_empty();
    cheques::record(db, events).await?;
    Ok(changed)
}

/// After a contract's quantities changed: when the cheques no longer cover the order, the
/// still-promised ones get a new proposal. Received and remitted cheques are never touched;
/// what they overpay shows on the register as cheques to return. Says whether any cheque
/// changed (received cheques that overpay leave nothing to rewrite).
pub async fn reschedule(
    db: &impl ConnectionTrait,
    who: Who,
    payments: &TemplatePayments,
    offer: &Offer,
    grid: &Quantities,
    credit: Money,
) -> AppResult<bool> {
    let stored = cheques::of_subscription(db, who.subscription_id).await?;
    rebalance(db, who, payments, offer, grid, credit, &stored).await
}

/// [`reschedule`] with the contract's cheques already read in the same transaction (a whole
/// template's are read at once).
pub async fn rebalance(
    db: &impl ConnectionTrait,
    who: Who,
    payments: &TemplatePayments,
    offer: &Offer,
    grid: &Quantities,
    credit: Money,
    stored: &[cheque::Model],
) -> AppResult<bool> {
    if !payments.plan().managed()
        || tally(offer, grid, credit, stored).schedule_gap() == Money::ZERO
    {
        return Ok(false);
    }
    let wanted = proposal(payments, offer, grid, credit, stored, who.late);
    apply(
        db,
        who,
        stored,
        &wanted,
        &payments.remitted(),
        Editor::Referent,
    )
    .await
}

/// The plan's proposal for a contract, lines that would go negative set to zero.
pub fn proposal(
    payments: &TemplatePayments,
    offer: &Offer,
    grid: &Quantities,
    credit: Money,
    stored: &[cheque::Model],
    late: bool,
) -> Vec<Line> {
    let deliveries = delivered_values(offer, grid);
    let held: Vec<Held> = stored.iter().map(cheques::held).collect();
    let remitted = payments.remitted();
    let contract = Contract {
        template_dates: &payments.template_dates,
        deliveries: &deliveries,
        credit,
        held: &held,
        remitted: &remitted,
        frozen_before: payments.frozen_before(late),
    };
    payments
        .plan()
        .propose(&contract)
        .into_iter()
        .map(|mut line| {
            if line.amount < Money::ZERO {
                line.amount = Money::ZERO;
            }
            line
        })
        .collect()
}

/// The cheques a proposal would leave, without writing them: each kept cheque with its new
/// amount, new ones as promised without details (id 0). Zero lines are not cheques.
pub fn preview(
    wanted: &[Line],
    stored: &[cheque::Model],
    handed_on: &HashMap<RemittanceId, NaiveDate>,
) -> Vec<ChequeView> {
    wanted
        .iter()
        .filter(|l| l.amount > Money::ZERO)
        .map(|l| {
            let kept = stored.iter().find(|c| c.payment_date == l.date);
            let base = kept
                .map(|c| cheque_view(c, handed_on))
                .unwrap_or(ChequeView {
                    id: ChequeId(0),
                    date: l.date,
                    amount: l.amount,
                    state: ChequeState::Promised,
                    bank: String::new(),
                    number: String::new(),
                    drawer: String::new(),
                    comment: String::new(),
                    handed_on: None,
                });
            ChequeView {
                amount: l.amount,
                ..base
            }
        })
        .collect()
}
