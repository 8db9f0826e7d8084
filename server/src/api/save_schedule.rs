use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::payments::schedule::{self, TemplatePayments, Who};
use crate::repo::{self, cheques, subscriptions};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::{ScheduleBody, ScheduleView};
use app::domain::payment::{ChequeState, Contract, Editor, delivered_values};
use app::domain::{Action, Money};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Save my cheque schedule: the amounts of the editable lines (the last one is recomputed
/// to match the order), and the bank, number and name written on each promised cheque. A
/// schedule that overpays is refused ("trop-payé de X €"); cheques already received or
/// remitted cannot change.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/me/contracts/{template_id}/payments", tag = "contracts",
    request_body = ScheduleBody,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The schedule as stored", body = ScheduleView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such contract", body = ApiError),
        (status = 409, description = "A cheque was received meanwhile", body = ApiError),
        (status = 422, description = "Overpaid, or a received / remitted cheque would change", body = ApiError),
    ))]
pub async fn save_schedule(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(body): Input<ScheduleBody>,
) -> AppResult<Json<ScheduleView>> {
    access.require(Action::SignUp)?;
    let template_id = path::id(&params, "template_id")?;
    let input = body.parse().map_err(AppError::Validation)?;
    // Everything the new schedule is checked against is read under the write lock.
    let txn = repo::write_txn(&state.db).await?;
    let (loaded, producer) =
        contracts::template_for(&txn, &access, template_id, |_| Action::ViewOwnSpace).await?;
    let sub = subscriptions::find(&txn, template_id, access.user.user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let payments = TemplatePayments::load(&txn, &access.amap, &loaded, &producer).await?;
    let offer = views::offer(&loaded, &producer);
    let grid = subscriptions::grid(&txn, sub.id, &loaded.dates_by_id()).await?;
    let deliveries = delivered_values(&offer, &grid);
    let credit = Money::from_cents(sub.credit_cents);
    let remitted = payments.remitted();
    let stored = cheques::of_subscription(&txn, sub.id).await?;
    if payments.plan().managed() {
        let held: Vec<_> = stored.iter().map(cheques::held).collect();
        let contract = Contract {
            template_dates: &payments.template_dates,
            deliveries: &deliveries,
            credit,
            held: &held,
            remitted: &remitted,
            frozen_before: payments.frozen_before(sub.late),
        };
        let wanted = payments
            .plan()
            .edited(&contract, &input.amounts)
            .map_err(AppError::Validation)?;
        let who = Who::of(&sub, access.user.user.id);
        schedule::apply(&txn, who, &stored, &wanted, &remitted, Editor::Member).await?;
    }
    for cheque in cheques::of_subscription(&txn, sub.id).await? {
        let Some(details) = input.details.get(&cheque.payment_date) else {
            continue;
        };
        if cheques::state_of(&cheque.state) == ChequeState::Promised {
            let written = cheques::Written {
                bank: &details.bank,
                number: &details.number,
                drawer: &details.drawer,
                comment: None,
            };
            cheques::set_details(&txn, cheque.id, written).await?;
        }
    }
    let stored = cheques::of_subscription(&txn, sub.id).await?;
    txn.commit().await?;
    Ok(Json(payments.view(credit, &stored)))
}
