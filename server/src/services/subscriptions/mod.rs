//! A member's contract as the référent handles it: the contract form's data (shared with the
//! member's own page), entering or correcting it, deleting it, and its money (credit,
//! carry-over, recomputed cheques).

use super::{Caller, template_for};
use crate::contracts::save;
use crate::db::entities::producer;
use crate::error::{AppError, AppResult};
use crate::mail::Mailer;
use crate::payments::schedule::{self, TemplatePayments, Who, reschedule, tally};
use crate::repo::{self, cheques, stock, subscriptions, templates::Loaded};
use crate::views;
use app::api::adhesions::PeriodRef;
use app::api::contracts::{ContractEntry, SignUpPage, StockUsed};
use app::api::payments::{ChequeView, Recomputed};
use app::domain::contract::deadline::window_for;
use app::domain::contract::signup::{Entrant, SignUp};
use app::domain::contract::stock::consumption;
use app::domain::payment::ChequeEvent;
use app::domain::payment::register::{carry_over, next_contract};
use app::domain::payment::{Editor, delivered_values};
use app::domain::{Action, Money, Problem, ProblemCode, SubscriptionId, TemplateId, UserId};
use sea_orm::{ConnectionTrait, DatabaseConnection};

mod money;
pub use money::*;

/// The form's data for `member`'s contract, as a member sees it or as a référent edits it.
pub(super) async fn page(
    db: &impl ConnectionTrait,
    caller: &Caller<'_>,
    loaded: &Loaded,
    producer: &producer::Model,
    member: UserId,
    as_referent: bool,
) -> AppResult<SignUpPage> {
    let offer = views::offer(loaded, producer);
    let now = caller.local_now();
    let dates = loaded.dates_by_id();
    let template = TemplateId(loaded.template.id);
    let existing = subscriptions::find(db, template, member).await?;
    let mine = match &existing {
        Some(s) => Some(ContractEntry {
            grid: subscriptions::grid(db, s.id, &dates).await?,
            jokers: subscriptions::jokers(db, s.id, &dates).await?,
            late: s.late,
            edited_by_referent: s.edited_by_referent,
        }),
        None => None,
    };
    let stored = mine
        .as_ref()
        .map(|m| consumption(&m.grid, &offer.conversions))
        .unwrap_or_default();
    let others = stock::used_by_others(db, &loaded.pool(), &stored).await?;
    let entrant = if as_referent {
        Entrant::Referent
    } else {
        Entrant::Member
    };
    let window = window_for(entrant, &offer, existing.is_some(), now);
    let person = repo::users::find(db, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let subscribers = repo::templates::subscriber_count(db, template).await?;
    let payments = TemplatePayments::load(db, loaded, producer, now.date()).await?;
    let (credit, cheques) = match &existing {
        Some(s) => (
            Money::from_cents(s.credit_cents),
            cheques::of_subscription(db, s.id).await?,
        ),
        None => (Money::ZERO, Vec::new()),
    };
    let adhesion_needed = if as_referent {
        None
    } else {
        crate::services::adhesions::missing_requirement(db, &loaded.template, member)
            .await?
            .map(|p| PeriodRef {
                id: app::domain::PeriodId(p.id),
                name: p.name,
            })
    };
    Ok(SignUpPage {
        adhesion_needed,
        template: views::summary(loaded, producer, u32::try_from(subscribers).unwrap_or(0)),
        description: loaded.template.description.clone(),
        member: views::person(Some(&person), person.id),
        products: views::template_products(loaded),
        limits: loaded.limits.clone(),
        others: others
            .into_iter()
            .map(|((date, product), units)| StockUsed {
                date,
                product,
                units,
            })
            .collect(),
        offer,
        window,
        now,
        mine,
        as_referent,
        schedule: payments.view(credit, &cheques),
    })
}

/// A member's contract as the référent edits it (or an empty one, for a paper contract).
pub async fn show(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
) -> AppResult<SignUpPage> {
    let (loaded, producer) = template_for(db, caller, template, Action::ManageProducer).await?;
    repo::memberships::find(db, caller.amap.id, member)
        .await?
        .ok_or(AppError::NotFound)?;
    page(db, caller, &loaded, &producer, member, true).await
}

/// Enters or corrects a member's contract. Rules marked "members only" and the sign-up
/// window do not bind the référent; stock does.
pub async fn save(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
    sign_up: SignUp,
) -> AppResult<save::Saved> {
    let (loaded, producer) = template_for(db, caller, template, Action::ManageProducer).await?;
    repo::memberships::find(db, caller.amap.id, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let target = save::Target {
        confirm_with: Some(mailer),
        ..target(caller, &loaded, &producer, member)
    };
    save::save(db, target, sign_up, Entrant::Referent).await
}

/// Deletes a member's contract (refused once a cheque is at the AMAP); its stock returns.
pub async fn delete(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
) -> AppResult<()> {
    let (loaded, producer) = template_for(db, caller, template, Action::ManageProducer).await?;
    save::withdraw(
        db,
        target(caller, &loaded, &producer, member),
        Entrant::Referent,
    )
    .await
}

pub(super) fn target<'a>(
    caller: &Caller<'a>,
    loaded: &'a Loaded,
    producer: &'a producer::Model,
    member: UserId,
) -> save::Target<'a> {
    save::Target {
        amap: caller.amap,
        loaded,
        producer,
        user_id: member,
        actor: caller.user_id(),
        now: caller.local_now(),
        instant: caller.now,
        confirm_with: None,
    }
}
