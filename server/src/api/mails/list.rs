use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::mails::MailsPage;

/// The AMAP's mails, newest first (the last 200): state, attempts, the SMTP server's reason
/// for a failure, and each mail's text (admins). Without SMTP configured, mails are `held`
/// and read here.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/mails", tag = "mails", params(AmapPath),
    responses(
        (status = 200, description = "The AMAP's mails", body = MailsPage),
        (status = 403, description = "Not an admin", body = ApiError),
    ))]
pub async fn list(State(state): State<AppState>, access: AmapAccess) -> AppResult<Json<MailsPage>> {
    access.require(Action::ManageAmap)?;
    Ok(Json(
        services::mails::list(&state.db, &state.mailer, &access.caller()).await?,
    ))
}
