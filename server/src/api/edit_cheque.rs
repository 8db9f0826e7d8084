use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::payments::schedule::cheque_view;
use crate::repo::{self, cheques};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::{ChequeForm, ChequeView};
use app::domain::payment::cheque::may_edit;
use app::domain::payment::{ChequeState, Editor};
use app::domain::{Action, Problem};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// A référent corrects one cheque: bank, number, name on the cheque, comment, and the amount
/// of a promised or received cheque. A remitted cheque never changes.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/{cheque_id}", tag = "cheques",
    request_body = ChequeForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("cheque_id" = i64, Path, description = "The cheque")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The cheque", body = ChequeView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP, template or cheque", body = ApiError),
        (status = 422, description = "Invalid field, or the cheque is remitted", body = ApiError),
    ))]
pub async fn edit_cheque(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<ChequeForm>,
) -> AppResult<Json<ChequeView>> {
    let id = path::id(&params, "template_id")?;
    let cheque_id = path::id(&params, "cheque_id")?;
    let db = &state.db;
    let input = form.parse().map_err(AppError::Validation)?;
    let txn = repo::write_txn(db).await?;
    contracts::template_for(&txn, &access, id, Action::HandleCheques).await?;
    let cheque = cheques::find(&txn, id, cheque_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = cheques::state_of(&cheque.state);
    may_edit(from, Editor::Referent)
        .map_err(|code| AppError::field(Problem::new("amount", code)))?;
    if let Some(amount) = input.amount.filter(|a| a.cents() != cheque.amount_cents) {
        let states = [ChequeState::Promised, ChequeState::Received];
        if !cheques::set_amount(&txn, cheque_id, amount, &states).await? {
            return Err(AppError::Conflict("cheque changed meanwhile".into()));
        }
        let owners = cheques::owners(&txn, id).await?;
        let actor = access.user.user.id;
        let event = cheques::Event {
            amount,
            ..cheques::Event::of_cheque(
                &cheque,
                &owners,
                actor,
                "changed",
                (Some(from), Some(from)),
            )
        };
        cheques::record(&txn, vec![event]).await?;
    }
    let written = cheques::Written {
        bank: &input.details.bank,
        number: &input.details.number,
        drawer: &input.details.drawer,
        comment: Some(&input.comment),
    };
    cheques::set_details(&txn, cheque_id, written).await?;
    let stored = cheques::find(&txn, id, cheque_id)
        .await?
        .ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(Json(cheque_view(&stored, &Default::default())))
}
