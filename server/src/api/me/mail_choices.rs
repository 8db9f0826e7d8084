use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::mails::{MailChoicesForm, MailChoicesView};

/// Which optional mails I receive in this AMAP: contract openings, the summary after each
/// sign-up, delivery sheets (référents and producer accounts). Account mails and the
/// messages the AMAP's people write always arrive.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/mail-choices", tag = "mails", params(AmapPath),
    responses(
        (status = 200, description = "My choices", body = MailChoicesView),
        (status = 403, description = "Not a member (a platform operator)", body = ApiError),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn show(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<MailChoicesView>> {
    access.require(Action::SignUp)?;
    Ok(Json(
        services::me::mail_choices(&state.db, &access.caller()).await?,
    ))
}

/// Replace my choices (every one given; an unticked box is "no").
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/me/mail-choices", tag = "mails", request_body = MailChoicesForm, params(AmapPath),
    responses(
        (status = 200, description = "As stored", body = MailChoicesView),
        (status = 403, description = "Not a member (a platform operator)", body = ApiError),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn update(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<MailChoicesForm>,
) -> AppResult<Said<Json<MailChoicesView>>> {
    access.require(Action::SignUp)?;
    let view = services::me::set_mail_choices(&state.db, &access.caller(), form.choices()).await?;
    Ok(Said(Notice::Saved, Json(view)))
}
