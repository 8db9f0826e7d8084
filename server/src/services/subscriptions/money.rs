//! A contract's money as the référent settles it: its credit, carrying a balance over, recomputing its still-promised cheques.

use super::*;

/// Sets a contract's credit ("avoir initial"); the still-promised cheques get a new proposal
/// that counts it.
pub async fn set_credit(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
    credit: Money,
) -> AppResult<()> {
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, template, Action::ManageProducer).await?;
    let sub = subscriptions::find(&txn, template, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = caller.local_now().date();
    let payments = TemplatePayments::load(&txn, &loaded, &producer, today).await?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(&txn, sub.id, &loaded.dates_by_id()).await?;
    let who = Who::of(&sub, caller.user_id());
    cheques::set_credit(&txn, sub.id, credit).await?;
    let event = cheques::Event {
        amount: credit,
        ..who.event(ChequeEvent::Credit, None)
    };
    cheques::record(&txn, vec![event]).await?;
    reschedule(&txn, who, &payments, &offer, &grid, credit).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves a contract's positive balance to the member's next contract with the same producer
/// (the domain's `next_contract`), where it lowers the still-promised cheques.
pub async fn carry_over_credit(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
) -> AppResult<()> {
    // The balance carried over is read under the write lock: two clicks move it once.
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) = template_for(&txn, caller, template, Action::ManageProducer).await?;
    let sub = subscriptions::find(&txn, template, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(&txn, sub.id, &loaded.dates_by_id()).await?;
    let credit = Money::from_cents(sub.credit_cents);
    let stored = cheques::of_subscription(&txn, sub.id).await?;
    let amount = carry_over(&tally(&offer, &grid, credit, &stored)).map_err(AppError::field)?;
    // The member's other contracts with this producer, by first delivery.
    let others: Vec<_> = subscriptions::of_user(&txn, caller.amap.id, member)
        .await?
        .into_iter()
        .filter(|other| other.id != sub.id)
        .collect();
    let templates =
        repo::templates::by_ids(&txn, others.iter().map(|o| o.template_id).collect()).await?;
    let firsts = repo::templates::dates_of(&txn, templates.keys().copied().collect()).await?;
    let candidates: Vec<(usize, chrono::NaiveDate)> = others
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            templates
                .get(&o.template_id)
                .is_some_and(|t| t.producer_id == producer.id)
        })
        .filter_map(|(i, o)| Some((i, *firsts.get(&o.template_id)?.iter().min()?)))
        .collect();
    let after = loaded.dates.first().map(|d| d.date).unwrap_or_default();
    let Some(index) = next_contract(after, &candidates) else {
        return Err(AppError::field(Problem::new(
            "credit",
            ProblemCode::NoNextContract,
        )));
    };
    let next = &others[index];
    let next_template = templates
        .get(&next.template_id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let next_loaded = repo::templates::load(&txn, next_template).await?;
    let today = caller.local_now().date();
    let next_payments = TemplatePayments::load(&txn, &next_loaded, &producer, today).await?;
    let next_offer = views::offer(&next_loaded, &producer);
    let next_grid = subscriptions::grid(&txn, next.id, &next_loaded.dates_by_id()).await?;
    let next_credit = Money::from_cents(next.credit_cents) + amount;
    cheques::set_credit(&txn, sub.id, credit - amount).await?;
    cheques::set_credit(&txn, next.id, next_credit).await?;
    let actor = caller.user_id();
    let (from_who, to_who) = (Who::of(&sub, actor), Who::of(next, actor));
    let events = vec![
        cheques::Event {
            amount: Money::ZERO - amount,
            ..from_who.event(ChequeEvent::CreditOut, None)
        },
        cheques::Event {
            amount,
            ..to_who.event(ChequeEvent::CreditIn, None)
        },
    ];
    cheques::record(&txn, events).await?;
    reschedule(
        &txn,
        to_who,
        &next_payments,
        &next_offer,
        &next_grid,
        next_credit,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// What a new proposal makes of a contract's still-promised cheques; applied when `apply`.
/// A preview reads one snapshot without the write lock.
pub async fn recompute(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    template: TemplateId,
    member: UserId,
    apply: bool,
) -> AppResult<Recomputed> {
    let txn = if apply {
        repo::write_txn(db).await?
    } else {
        repo::snapshot_txn(db).await?
    };
    let (loaded, producer) = template_for(&txn, caller, template, Action::ManageProducer).await?;
    let sub = subscriptions::find(&txn, template, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = caller.local_now().date();
    let payments = TemplatePayments::load(&txn, &loaded, &producer, today).await?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(&txn, sub.id, &loaded.dates_by_id()).await?;
    let credit = Money::from_cents(sub.credit_cents);
    let handed_on = payments.handed_on();
    let stored = cheques::of_subscription(&txn, sub.id).await?;
    let wanted = schedule::proposal(&payments, &offer, &grid, credit, &stored, sub.late);
    let before: Vec<ChequeView> = stored
        .iter()
        .map(|c| views::cheque(c, &handed_on))
        .collect();
    let after: Vec<ChequeView> = if apply {
        let who = Who::of(&sub, caller.user_id());
        let remitted = payments.remitted();
        schedule::apply(&txn, who, &stored, &wanted, &remitted, Editor::Referent).await?;
        let now = cheques::of_subscription(&txn, sub.id).await?;
        let after = now.iter().map(|c| views::cheque(c, &handed_on)).collect();
        txn.commit().await?;
        after
    } else {
        schedule::preview(&wanted, &stored, &handed_on)
    };
    Ok(Recomputed {
        subscription_id: SubscriptionId(sub.id),
        ordered: delivered_values(&offer, &grid)
            .iter()
            .map(|(_, v)| *v)
            .sum(),
        before,
        after,
    })
}
