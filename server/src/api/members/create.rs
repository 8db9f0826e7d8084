use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::members::{CreateMemberForm, MemberView};

/// Add a member: a new account, or an existing account (same e-mail) joining this AMAP.
///
/// Without a password, the person is mailed an invitation: a link, valid 7 days and usable
/// once, to choose their password (`POST /api/v1/auth/password`).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/members", tag = "members", request_body = CreateMemberForm, params(AmapPath),
    responses(
        (status = 201, description = "Member added", body = MemberView),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 409, description = "Already a member", body = ApiError),
    ))]
pub async fn create(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<CreateMemberForm>,
) -> AppResult<Said<(StatusCode, Json<MemberView>)>> {
    access.require(Action::ManageMembers)?;
    let new = form.parse().map_err(AppError::Validation)?;
    let view = services::members::create(&state.db, &state.mailer, &access.caller(), &new).await?;
    let member = format!("{} {}", view.first_name, view.last_name);
    Ok(Said(
        Notice::MemberAdded { member },
        (StatusCode::CREATED, Json(view)),
    ))
}
