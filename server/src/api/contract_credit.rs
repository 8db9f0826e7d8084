use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::payments::schedule::{TemplatePayments, Who, reschedule, tally};
use crate::repo::{self, cheques, subscriptions};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::CreditForm;
use app::domain::payment::register::{carry_over, next_contract};
use app::domain::{Action, Money, Problem, ProblemCode};
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;

/// Set a contract's credit ("avoir initial"), e.g. a refund owed from last season. The
/// still-promised cheques get a new proposal that counts it.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/credit", tag = "cheques",
    request_body = CreditForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("member_id" = i64, Path, description = "The member whose contract it is")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 204, description = "Stored"),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
        (status = 422, description = "Not an amount", body = ApiError),
    ))]
pub async fn set_credit(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<CreditForm>,
) -> AppResult<StatusCode> {
    let id = path::id(&params, "template_id")?;
    let member_id = path::id(&params, "member_id")?;
    let credit = form.parse().map_err(AppError::Validation)?;
    let txn = repo::write_txn(&state.db).await?;
    let (loaded, producer) =
        contracts::template_for(&txn, &access, id, Action::ManageProducer).await?;
    let sub = subscriptions::find(&txn, id, member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let payments = TemplatePayments::load(&txn, &access.amap, &loaded, &producer).await?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(&txn, sub.id, &loaded.dates_by_id()).await?;
    let who = Who::of(&sub, access.user.user.id);
    cheques::set_credit(&txn, sub.id, credit).await?;
    cheques::record(
        &txn,
        vec![cheques::Event {
            amount: credit,
            ..who.event("credit", None)
        }],
    )
    .await?;
    reschedule(&txn, who, &payments, &offer, &grid, credit).await?;
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Move a contract's positive balance to the member's next contract with the same producer,
/// where it lowers the still-promised cheques.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/carry-over", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("member_id" = i64, Path, description = "The member whose contract it is")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 204, description = "Carried over"),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
        (status = 422, description = "No positive balance, or no later contract with this producer", body = ApiError),
    ))]
pub async fn carry_over_credit(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<StatusCode> {
    let id = path::id(&params, "template_id")?;
    let member_id = path::id(&params, "member_id")?;
    // The balance carried over is read under the write lock: two clicks move it once.
    let txn = repo::write_txn(&state.db).await?;
    let db = &txn;
    let (loaded, producer) =
        contracts::template_for(db, &access, id, Action::ManageProducer).await?;
    let sub = subscriptions::find(db, id, member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(db, sub.id, &loaded.dates_by_id()).await?;
    let credit = Money::from_cents(sub.credit_cents);
    let stored = cheques::of_subscription(db, sub.id).await?;
    let amount = carry_over(&tally(&offer, &grid, credit, &stored)).map_err(AppError::field)?;

    // The member's other contracts with this producer, by first delivery.
    let mut candidates = Vec::new();
    for other in subscriptions::of_user(db, access.amap.id, member_id).await? {
        if other.id == sub.id {
            continue;
        }
        let Some(template) = repo::templates::find(db, access.amap.id, other.template_id).await?
        else {
            continue;
        };
        if template.producer_id != producer.id {
            continue;
        }
        let dates = repo::templates::dates_of(db, vec![template.id]).await?;
        if let Some(first) = dates
            .get(&template.id)
            .and_then(|d| d.iter().min().copied())
        {
            candidates.push(((other, template), first));
        }
    }
    let after = loaded.dates.first().map(|d| d.date).unwrap_or_default();
    let keyed: Vec<(usize, chrono::NaiveDate)> = candidates
        .iter()
        .enumerate()
        .map(|(i, (_, first))| (i, *first))
        .collect();
    let Some(index) = next_contract(after, &keyed) else {
        return Err(AppError::field(Problem::new(
            "credit",
            ProblemCode::NoNextContract,
        )));
    };
    let ((next, next_template), _) = candidates.swap_remove(index);
    let next_loaded = repo::templates::load(db, next_template).await?;
    let next_payments = TemplatePayments::load(db, &access.amap, &next_loaded, &producer).await?;
    let next_offer = views::offer(&next_loaded, &producer);
    let next_grid = subscriptions::grid(db, next.id, &next_loaded.dates_by_id()).await?;
    let next_credit = Money::from_cents(next.credit_cents) + amount;
    cheques::set_credit(&txn, sub.id, credit - amount).await?;
    cheques::set_credit(&txn, next.id, next_credit).await?;
    let actor = access.user.user.id;
    let (from_who, to_who) = (Who::of(&sub, actor), Who::of(&next, actor));
    cheques::record(
        &txn,
        vec![
            cheques::Event {
                amount: Money::ZERO - amount,
                ..from_who.event("credit_out", None)
            },
            cheques::Event {
                amount,
                ..to_who.event("credit_in", None)
            },
        ],
    )
    .await?;
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
    Ok(StatusCode::NO_CONTENT)
}
