use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::payments::register::{Ledger, register};
use crate::repo::{self, cheques};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::{ReceiveBody, Register};
use app::domain::payment::ChequeState;
use app::domain::payment::cheque::mark;
use app::domain::{Action, Problem};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Tick cheques as received by the AMAP (or back to promised). A remitted cheque is refused:
/// it comes back only by deleting its deposit slip.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/receive", tag = "cheques",
    request_body = ReceiveBody,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The register after the change", body = Register),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP, template or cheque", body = ApiError),
        (status = 422, description = "A cheque is already remitted", body = ApiError),
    ))]
pub async fn receive_cheques(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(body): Input<ReceiveBody>,
) -> AppResult<Json<Register>> {
    let id = path::id(&params, "template_id")?;
    let db = &state.db;
    let (received, promised) = body.ids().map_err(AppError::Validation)?;
    let txn = repo::write_txn(db).await?;
    let (loaded, producer) =
        contracts::template_for(&txn, &access, id, Action::HandleCheques).await?;
    let moves = received
        .iter()
        .map(|&c| (c, ChequeState::Received))
        .chain(promised.iter().map(|&c| (c, ChequeState::Promised)));
    let owners = cheques::owners(&txn, id).await?;
    let mut events = Vec::new();
    for (cheque_id, to) in moves {
        let cheque = cheques::find(&txn, id, cheque_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let from = cheques::state_of(&cheque.state);
        mark(from, to)
            .map_err(|code| AppError::field(Problem::new(&format!("got.{cheque_id}"), code)))?;
        if from == to {
            continue;
        }
        if !cheques::mark(&txn, cheque_id, from, to).await? {
            return Err(AppError::Conflict("cheque changed meanwhile".into()));
        }
        let action = if to == ChequeState::Received {
            "received"
        } else {
            "unreceived"
        };
        let moved = (Some(from), Some(to));
        events.push(cheques::Event::of_cheque(
            &cheque,
            &owners,
            access.user.user.id,
            action,
            moved,
        ));
    }
    cheques::record(&txn, events).await?;
    txn.commit().await?;
    let ledger = Ledger::load(db, &access.amap, &loaded, &producer).await?;
    Ok(Json(register(&loaded, &producer, &ledger, &access.grants)))
}
