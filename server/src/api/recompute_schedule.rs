use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::payments::schedule::{self, TemplatePayments, Who, cheque_view};
use crate::repo::{self, cheques, subscriptions};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::{ChequeView, Recomputed};
use app::domain::payment::{Editor, delivered_values};
use app::domain::{Action, Money};
use axum::Json;
use axum::extract::{RawPathParams, State};
use sea_orm::TransactionTrait;

/// What a new proposal would make of a contract's still-promised cheques after its order
/// changed (prices, cancelled dates, jokers). Received and remitted cheques stay as they are.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/recompute", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("member_id" = i64, Path, description = "The member whose contract it is")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The cheques before and after", body = Recomputed),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
    ))]
pub async fn preview_recompute(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<Recomputed>> {
    Ok(Json(run(&state, &access, &params, false).await?))
}

/// Apply the new proposal to the still-promised cheques.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/recompute", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("member_id" = i64, Path, description = "The member whose contract it is")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The cheques before and after", body = Recomputed),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or contract", body = ApiError),
        (status = 409, description = "A cheque was received meanwhile", body = ApiError),
    ))]
pub async fn apply_recompute(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<Recomputed>> {
    Ok(Json(run(&state, &access, &params, true).await?))
}

async fn run(
    state: &AppState,
    access: &AmapAccess,
    params: &RawPathParams,
    apply: bool,
) -> AppResult<Recomputed> {
    let id = path::id(params, "template_id")?;
    let member_id = path::id(params, "member_id")?;
    // A preview reads one consistent snapshot without the write lock; applying reads what it
    // rewrites under the write lock.
    let txn = if apply {
        repo::write_txn(&state.db).await?
    } else {
        state.db.begin().await?
    };
    let db = &txn;
    let (loaded, producer) =
        contracts::template_for(db, access, id, Action::ManageProducer).await?;
    let sub = subscriptions::find(db, id, member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let payments = TemplatePayments::load(db, &access.amap, &loaded, &producer).await?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(db, sub.id, &loaded.dates_by_id()).await?;
    let credit = Money::from_cents(sub.credit_cents);
    let handed_on = payments.handed_on();
    let stored = cheques::of_subscription(&txn, sub.id).await?;
    let wanted = schedule::proposal(&payments, &offer, &grid, credit, &stored, sub.late);
    let before: Vec<ChequeView> = stored.iter().map(|c| cheque_view(c, &handed_on)).collect();
    let after: Vec<ChequeView> = if apply {
        let who = Who::of(&sub, access.user.user.id);
        schedule::apply(
            &txn,
            who,
            &stored,
            &wanted,
            &payments.remitted(),
            Editor::Referent,
        )
        .await?;
        let now = cheques::of_subscription(&txn, sub.id).await?;
        now.iter().map(|c| cheque_view(c, &handed_on)).collect()
    } else {
        schedule::preview(&wanted, &stored, &handed_on)
    };
    if apply {
        txn.commit().await?;
    }
    Ok(Recomputed {
        subscription_id: sub.id,
        ordered: delivered_values(&offer, &grid)
            .iter()
            .map(|(_, v)| *v)
            .sum(),
        before,
        after,
    })
}
