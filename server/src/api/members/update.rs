use super::super::params::MemberPath;
use super::super::prelude::*;
use app::api::members::{MemberEditForm, MemberView};

/// Correct a member's names, e-mail and contact details (admins and treasurers; the e-mail,
/// the login, admins only). The e-mail of an account that also belongs to another AMAP is its
/// owner's to change (422 `shared_account`). A new address ends the links sent to the old one;
/// an account without a password yet is invited again at the new one.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/members/{member_id}", tag = "members", request_body = MemberEditForm, params(MemberPath),
    responses(
        (status = 200, description = "Updated member", body = MemberView),
        (status = 403, description = "Neither treasurer nor admin, or a treasurer changing an e-mail", body = ApiError),
        (status = 404, description = "No such AMAP or member", body = ApiError),
        (status = 409, description = "The e-mail belongs to another account", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn update(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<MemberPath>,
    Input(form): Input<MemberEditForm>,
) -> AppResult<Said<Json<MemberView>>> {
    access.require(Action::ManageMembers)?;
    let edit = form.parse().map_err(AppError::Validation)?;
    let view = services::members::edit(
        &state.db,
        &state.mailer,
        &access.caller(),
        path.member_id,
        &edit,
    )
    .await?;
    let member = format!("{} {}", view.first_name, view.last_name);
    Ok(Said(Notice::MemberSaved { member }, Json(view)))
}
