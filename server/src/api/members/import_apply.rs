use super::super::params::ImportPath;
use super::super::prelude::*;
use app::api::imports::{ImportDone, ImportForm};

/// Import a previewed member list: every line, or none (422 naming each line's problems as
/// `line_<n>.<field>`). With `invite`, accounts without a password are mailed an invitation.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/members/imports/{import_id}", tag = "members", params(ImportPath), request_body = ImportForm,
    responses(
        (status = 200, description = "Imported", body = ImportDone),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such preview (expired, imported, or someone else's)", body = ApiError),
        (status = 409, description = "A line became a member meanwhile", body = ApiError),
        (status = 422, description = "Lines with problems; nothing imported", body = ApiError),
    ))]
pub async fn apply(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<ImportPath>,
    Input(form): Input<ImportForm>,
) -> AppResult<Said<Json<ImportDone>>> {
    access.require(Action::ManageMembers)?;
    let caller = access.caller();
    let done = services::imports::import(
        &state.db,
        &state.imports,
        &state.mailer,
        &caller,
        &path.import_id,
        form.invite,
    )
    .await?;
    let notice = Notice::MembersImported {
        added: done.added,
        invited: done.invited,
    };
    Ok(Said(notice, Json(done)))
}
