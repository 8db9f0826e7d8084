use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::members::{SelectionDone, SelectionForm};

/// Deactivate several members at once (the end of a season). Nobody deactivates themselves.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/members/deactivate", tag = "members", request_body = SelectionForm, params(AmapPath),
    responses(
        (status = 200, description = "How many were deactivated", body = SelectionDone),
        (status = 403, description = "Neither treasurer nor admin, or oneself in the selection", body = ApiError),
        (status = 422, description = "Nobody chosen, or not a member", body = ApiError),
    ))]
pub async fn deactivate(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<SelectionForm>,
) -> AppResult<Said<Json<SelectionDone>>> {
    access.require(Action::ManageMembers)?;
    let members = form.parse().map_err(AppError::Validation)?;
    let changed = services::members::deactivate_many(&state.db, &access.caller(), &members).await?;
    Ok(Said(
        Notice::MembersDeactivated { count: changed },
        Json(SelectionDone { changed }),
    ))
}
