use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::error::AppResult;
use crate::http::path;
use crate::payments::register::Ledger;
use crate::payments::schedule::{Who, reschedule};
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::RecomputedAll;
use app::domain::{Action, Money};
use axum::Json;
use axum::extract::{RawPathParams, State};

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
    let db = &state.db;
    let (loaded, producer) =
        contracts::template_for(db, &access, id, Action::ManageProducer).await?;
    let ledger = Ledger::load(db, &access.amap, &loaded, &producer).await?;
    let offer = views::offer(&loaded, &producer);
    let txn = repo::write_txn(db).await?;
    let mut contracts = 0;
    for (sub, grid) in &ledger.contracts {
        let who = Who::of(sub, access.user.user.id);
        let credit = Money::from_cents(sub.credit_cents);
        if reschedule(&txn, who, &ledger.payments, &offer, grid, credit).await? {
            contracts += 1;
        }
    }
    txn.commit().await?;
    Ok(Json(RecomputedAll { contracts }))
}
