use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::templates::{ChangeForm, ChangeOutcome};
use axum::response::{IntoResponse, Response};

/// Change a live template: add, move or delete dates, cancel ("barrer") or restore a date or
/// one product on a date, change a price, add or remove a product. Without `apply` nothing
/// changes and the answer lists the members whose contract the change would touch.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/changes", tag = "templates", request_body = ChangeForm, params(TemplatePath),
    responses(
        (status = 200, description = "Impacted members, and whether the change was applied", body = ChangeOutcome),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 409, description = "The change would oversell the stock", body = ApiError),
        (status = 422, description = "Unknown date or product, date taken…", body = ApiError),
    ))]
pub async fn change(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(form): Input<ChangeForm>,
) -> AppResult<Response> {
    let (change, apply) = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let outcome = services::templates::change(&state.db, &caller, path.template_id, change, apply);
    let outcome = outcome.await?;
    if !outcome.applied {
        // A preview says nothing: its page lists the contracts the change would touch.
        return Ok(Json(outcome).into_response());
    }
    let contracts = u32::try_from(outcome.impacted.len()).unwrap_or(u32::MAX);
    Ok(Said(Notice::ChangeApplied { contracts }, Json(outcome)).into_response())
}
