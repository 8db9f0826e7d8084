//! Saving or withdrawing one member's contract. The domain decides what is allowed; this file
//! only orders the writes so that the database can hold the two invariants the domain cannot
//! see: one contract per member per template (unique index) and stock never oversold
//! (conditional counter updates).

use crate::db::entities::{amap, app_user, producer};
use crate::error::{AppError, AppResult};
use crate::mail::outbox::{self, NewMail};
use crate::mail::{Mailer, compose};
use crate::payments::schedule::{TemplatePayments, Who, rebalance};
use crate::repo::stock::Shortage;
use crate::repo::templates::Loaded;
use crate::repo::{self, cheques, stock, subscriptions};
use crate::views;
use app::api::contracts::ContractEntry;
use app::domain::contract::deadline::{Window, window_for};
use app::domain::contract::entry::shortage_problem;
use app::domain::contract::signup::{Entrant, SignUp, check_sign_up};
use app::domain::contract::stock::consumption;
use app::domain::contract::{Nature, Offer, Quantities};
use app::domain::mail::MailKind;
use app::domain::payment::cheque::may_delete_contract;
use app::domain::{AmapId, Money, Problem, ProblemCode, ProductId, TemplateId, UserId};
use app::i18n::Locale;
use app::ui::kit::format::short_date;
use app::ui::paths::Amap;
use chrono::NaiveDateTime;
use sea_orm::DatabaseConnection;

/// Who the contract is for, and in which template.
pub struct Target<'a> {
    pub amap: &'a amap::Model,
    pub loaded: &'a Loaded,
    pub producer: &'a producer::Model,
    pub user_id: UserId,
    /// Who does it (the member, or the référent on their behalf), for the cheque audit trail.
    pub actor: i64,
    /// The AMAP's wall-clock time now (deadlines and frozen cheque lines are local).
    pub now: NaiveDateTime,
    /// The same moment in UTC (the application's clock), for the mail's timestamps.
    pub instant: chrono::DateTime<chrono::Utc>,
    /// Mails the member the saved contract and its cheques (`None`: the demo's seeding).
    pub confirm_with: Option<&'a Mailer>,
}

impl Target<'_> {
    fn window(&self, offer: &Offer, entrant: Entrant, has_contract: bool) -> Window {
        window_for(entrant, offer, has_contract, self.now)
    }

    fn shortage_problems(&self, nature: Nature, shortages: &[Shortage]) -> Vec<Problem> {
        shortages
            .iter()
            .map(|s| {
                let name = self
                    .loaded
                    .products
                    .iter()
                    .find(|(_, p)| p.id == s.product.0)
                    .map(|(_, p)| p.name.clone())
                    .unwrap_or_else(|| s.product.to_string());
                // The browser words its own warning with the same function.
                shortage_problem(nature, s.date, s.product, s.left, &name)
            })
            .collect()
    }
}

/// A contract as stored, and the amounts of its cheques after the save (in date order), which
/// the member is told on the next page ("3 chèques de 19,00 €").
pub struct Saved {
    pub entry: ContractEntry,
    pub cheques: Vec<Money>,
}

/// Creates or replaces the contract; returns it as stored.
pub async fn save(
    db: &DatabaseConnection,
    target: Target<'_>,
    sign_up: SignUp,
    entrant: Entrant,
) -> AppResult<Saved> {
    let loaded = target.loaded;
    let offer = views::offer(loaded, target.producer);
    let dates = loaded.dates_by_id();
    let template_id = TemplateId(loaded.template.id);
    let existing = subscriptions::find(db, template_id, target.user_id).await?;
    let seen = match &existing {
        Some(s) => Some(subscriptions::grid(db, s.id, &dates).await?),
        None => None,
    };
    let window = target.window(&offer, entrant, existing.is_some());
    let grid = check_sign_up(
        &offer,
        &sign_up,
        entrant,
        &window,
        seen.as_ref(),
        target.now,
    )
    .map_err(AppError::Validation)?;
    let by_referent = entrant == Entrant::Referent;
    // A référent enters paper contracts as they come; a member signs up once adhered.
    if !by_referent
        && let Some(period) =
            crate::services::adhesions::missing_requirement(db, &loaded.template, target.user_id)
                .await?
    {
        return Err(AppError::ConflictOn(vec![Problem {
            detail: Some(period.name),
            ..Problem::new("adhesion", ProblemCode::AdhesionRequired)
        }]));
    }
    let payments = TemplatePayments::load(db, loaded, target.producer, target.now.date()).await?;
    let before_seen = seen.as_ref().map(|g| consumption(g, &offer.conversions));
    let wanted = consumption(&grid, &offer.conversions);
    // Sold out already: refused from the counters as they are, without waiting for a turn to
    // write (most refusals of an opening rush). The write below still decides the rest.
    let sold_out = stock::shortages_now(
        db,
        &loaded.pool(),
        &before_seen.unwrap_or_default(),
        &wanted,
    )
    .await?;
    if !sold_out.is_empty() {
        return Err(AppError::ConflictOn(
            target.shortage_problems(offer.nature, &sold_out),
        ));
    }
    // What the confirmation needs and no write changes is read before the turn to write.
    let recipient = match target.confirm_with {
        Some(_) => recipient(db, &target).await?,
        None => None,
    };

    let txn = repo::write_txn(db).await?;
    // The first statement writes, taking the contract's lock before anything is read again.
    let (subscription, before, stored) = match existing {
        Some(s) => {
            subscriptions::touch(&txn, s.id, by_referent).await?;
            let before = subscriptions::grid(&txn, s.id, &dates).await?;
            if seen.as_ref().is_some_and(|seen| *seen != before) {
                // Someone (the référent, another tab) changed it since it was checked: check
                // again.
                return Err(AppError::Conflict("contract changed meanwhile".into()));
            }
            subscriptions::replace_content(&txn, s.id, &grid, &sign_up.jokers, |d| {
                loaded.date_id(d)
            })
            .await?;
            let stored = cheques::of_subscription(&txn, s.id).await?;
            (s, before, stored)
        }
        None => {
            let late = matches!(window, Window::LateFrom { .. });
            let s = match subscriptions::insert(
                &txn,
                target.amap.id,
                loaded.template.id,
                target.user_id.0,
                late,
                by_referent,
            )
            .await
            {
                Ok(s) => s,
                Err(e) if repo::is_unique_violation(&e) => {
                    return Err(AppError::Conflict("contract created meanwhile".into()));
                }
                Err(e) => return Err(e.into()),
            };
            // A new contract has no cells, jokers or cheques to replace.
            subscriptions::insert_content(&txn, s.id, &grid, &sign_up.jokers, |d| {
                loaded.date_id(d)
            })
            .await?;
            (s, Quantities::new(), Vec::new())
        }
    };
    // The cheques follow the new order (only the still-promised ones ever move).
    let who = Who::of(&subscription, target.actor);
    let credit = Money::from_cents(subscription.credit_cents);
    let moved = rebalance(&txn, who, &payments, &offer, &grid, credit, &stored).await?;
    let stored_cheques = if moved {
        cheques::of_subscription(&txn, subscription.id).await?
    } else {
        stored
    };
    if let (Some(mailer), Some(member)) = (target.confirm_with, &recipient) {
        confirm(
            &txn,
            mailer,
            &target,
            member,
            &grid,
            &payments.settings.payee,
            &stored_cheques,
            by_referent,
        )
        .await?;
    }
    let cheques = stored_cheques
        .iter()
        .map(|c| Money::from_cents(c.amount_cents))
        .collect();
    // Last before the commit: every contract of the template updates the same counter rows,
    // and on PostgreSQL each holds their lock until it commits.
    let shortages = stock::take(
        &txn,
        &loaded.pool(),
        &consumption(&before, &offer.conversions),
        &wanted,
    )
    .await?;
    if !shortages.is_empty() {
        txn.rollback().await?;
        return Err(AppError::ConflictOn(
            target.shortage_problems(offer.nature, &shortages),
        ));
    }
    txn.commit().await?;
    if let Some(mailer) = target.confirm_with {
        mailer.wake();
    }
    let entry = ContractEntry {
        grid,
        jokers: sign_up.jokers,
        late: subscription.late,
        edited_by_referent: subscription.edited_by_referent || by_referent,
    };
    Ok(Saved { entry, cheques })
}

/// The member to mail the saved contract to, if they want the mail.
async fn recipient(
    db: &impl sea_orm::ConnectionTrait,
    target: &Target<'_>,
) -> AppResult<Option<app_user::Model>> {
    let Some(member) = repo::users::find(db, target.user_id).await? else {
        return Ok(None);
    };
    let wanted = repo::memberships::find(db, target.amap.id, target.user_id)
        .await?
        .is_some_and(|m| repo::memberships::mail_choices(&m).wants(MailKind::SignUpConfirmation));
    Ok(wanted.then_some(member))
}

/// Queues the member's "contract saved" mail in the save's transaction: each delivery, the
/// total, and the cheques to write.
#[allow(clippy::too_many_arguments)]
async fn confirm(
    txn: &impl sea_orm::ConnectionTrait,
    mailer: &Mailer,
    target: &Target<'_>,
    member: &app_user::Model,
    grid: &Quantities,
    payee: &str,
    stored: &[crate::db::entities::cheque::Model],
    by_referent: bool,
) -> AppResult<()> {
    let locale = Locale::fr;
    let loaded = target.loaded;
    let product = |id: ProductId| loaded.products.iter().find(|(tp, _)| tp.product_id == id.0);
    let mut total = Money::ZERO;
    let mut deliveries = Vec::new();
    for date in loaded.dates.iter().map(|d| d.date) {
        let items: Vec<String> = grid
            .on_date(date)
            .filter(|(_, qty)| *qty > 0)
            .filter_map(|(id, qty)| {
                let (tp, p) = product(id)?;
                let price = Money::from_cents(tp.price_cents);
                total = total + price * qty;
                Some(format!("{qty} × {} ({price})", p.name))
            })
            .collect();
        if !items.is_empty() {
            deliveries.push(format!(
                "{} : {}",
                short_date(locale, date),
                items.join(", ")
            ));
        }
    }
    let path = Amap::new(target.amap.slug.clone()).contract(TemplateId(loaded.template.id));
    let summary = compose::ContractSummary {
        amap: &target.amap.name,
        template: &loaded.template.name,
        producer: &target.producer.name,
        deliveries,
        total,
        payee,
        cheques: stored
            .iter()
            .map(|c| (c.payment_date, Money::from_cents(c.amount_cents)))
            .collect(),
        by_referent,
        link: mailer.link(&path),
    };
    let mail = NewMail::new(
        Some(AmapId(target.amap.id)),
        MailKind::SignUpConfirmation,
        member.email.clone(),
        compose::contract_saved(locale, &member.first_name, summary),
    );
    outbox::enqueue(txn, mailer, mail, target.instant).await?;
    Ok(())
}

/// Deletes the contract and gives its stock back. Members may withdraw only while every
/// date they ordered is still changeable for them.
pub async fn withdraw(
    db: &DatabaseConnection,
    target: Target<'_>,
    entrant: Entrant,
) -> AppResult<()> {
    let loaded = target.loaded;
    let dates = loaded.dates_by_id();
    let existing = subscriptions::find(db, TemplateId(loaded.template.id), target.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let grid = subscriptions::grid(db, existing.id, &dates).await?;
    let window = target.window(&views::offer(loaded, target.producer), entrant, true);
    if !app::domain::contract::history::may_withdraw(&window, &grid) {
        return Err(AppError::field(Problem::new(
            "contract",
            ProblemCode::DateClosed,
        )));
    }
    let conversions = &loaded.conversions;
    let txn = repo::write_txn(db).await?;
    // Under the lock: a cheque received meanwhile keeps the contract.
    let held: Vec<_> = cheques::of_subscription(&txn, existing.id)
        .await?
        .iter()
        .map(cheques::held)
        .collect();
    may_delete_contract(&held).map_err(AppError::field)?;
    subscriptions::delete(&txn, existing.id).await?;
    stock::take(
        &txn,
        &loaded.pool(),
        &consumption(&grid, conversions),
        &consumption(&Quantities::new(), conversions),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
