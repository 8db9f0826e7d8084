use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::mails::{MailServerForm, MailServerView};

/// The AMAP's own SMTP server, if it has one (admins); the password is never sent back.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/mail-server", tag = "mails", params(AmapPath),
    responses(
        (status = 200, description = "The AMAP's mail server", body = MailServerView),
        (status = 403, description = "Not an admin", body = ApiError),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn show(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<MailServerView>> {
    access.require(Action::ManageAmap)?;
    Ok(Json(
        services::mails::mail_server(&state.db, &state.mailer, &access.caller()).await?,
    ))
}

/// Send this AMAP's mails through its own SMTP server, with its own sender and reply-to
/// (overriding the deployment's); an empty URL goes back to the deployment's server. The
/// masked URL sent back unchanged keeps the stored password.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/mail-server", tag = "mails", request_body = MailServerForm, params(AmapPath),
    responses(
        (status = 200, description = "Saved", body = MailServerView),
        (status = 403, description = "Not an admin", body = ApiError),
        (status = 404, description = "No such AMAP", body = ApiError),
        (status = 422, description = "Not an SMTP URL (`malformed`) or not an address (`invalid_email`)", body = ApiError),
    ))]
pub async fn update(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<MailServerForm>,
) -> AppResult<Said<Json<MailServerView>>> {
    access.require(Action::ManageAmap)?;
    let view =
        services::mails::set_mail_server(&state.db, &state.mailer, &access.caller(), &form).await?;
    Ok(Said(Notice::Saved, Json(view)))
}
