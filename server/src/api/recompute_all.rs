use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::db::entities::cheque;
use crate::error::AppResult;
use crate::http::path;
use crate::payments::schedule::{TemplatePayments, Who, rebalance};
use crate::repo::{self, cheques, subscriptions};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::RecomputedAll;
use app::domain::{Action, Money};
use axum::Json;
use axum::extract::{RawPathParams, State};
use std::collections::HashMap;

/// After a price change or cancelled dates, recompute at once the still-promised cheques of
/// every contract whose cheques no longer cover its order (one click instead of one per
/// member). Contracts that still balance — including schedules a member edited — are left
/// alone; received and remitted cheques never change. One transaction: all or nothing.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/recompute", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "How many contracts got a new proposal", body = RecomputedAll),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
    ))]
pub async fn recompute_all(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<RecomputedAll>> {
    let id = path::id(&params, "template_id")?;
    let txn = repo::write_txn(&state.db).await?;
    let (loaded, producer) =
        contracts::template_for(&txn, &access, id, Action::ManageProducer).await?;
    let contracts = subscriptions::of_template_with_grids(&txn, &loaded).await?;
    let payments = TemplatePayments::load(&txn, &access.amap, &loaded, &producer).await?;
    let offer = views::offer(&loaded, &producer);
    // Every cheque of the template in one read, inside the transaction that rewrites them.
    let mut held: HashMap<i64, Vec<cheque::Model>> = HashMap::new();
    for c in cheques::of_template(&txn, loaded.template.id).await? {
        held.entry(c.subscription_id).or_default().push(c);
    }
    let mut recomputed = 0;
    for (sub, grid) in &contracts {
        let who = Who::of(sub, access.user.user.id);
        let credit = Money::from_cents(sub.credit_cents);
        let stored = held.remove(&sub.id).unwrap_or_default();
        if rebalance(&txn, who, &payments, &offer, grid, credit, &stored).await? {
            recomputed += 1;
        }
    }
    txn.commit().await?;
    Ok(Json(RecomputedAll {
        contracts: recomputed,
    }))
}
