use super::super::prelude::*;
use app::api::directory::ContactForm;

/// My phones and address, as the member list shows them to those allowed to see them.
#[utoipa::path(get, path = "/api/v1/me/contact", tag = "me",
    responses(
        (status = 200, description = "My contact details", body = ContactForm),
        (status = 401, description = "Not logged in", body = ApiError),
    ))]
pub async fn show(current: CurrentUser) -> Json<ContactForm> {
    Json(services::directory::contact_of(&current.user))
}

/// Change my phones and address ("Mon compte"). Phones are read as people write them and
/// stored in one spelling ("06 12 34 56 78"); every field may be left empty.
#[utoipa::path(put, path = "/api/v1/me/contact", tag = "me", request_body = ContactForm,
    responses(
        (status = 200, description = "As stored", body = ContactForm),
        (status = 401, description = "Not logged in", body = ApiError),
        (status = 422, description = "Not a phone number, or a field too long", body = ApiError),
    ))]
pub async fn update(
    State(state): State<AppState>,
    current: CurrentUser,
    Input(form): Input<ContactForm>,
) -> AppResult<Said<Json<ContactForm>>> {
    let contact = form.parse().map_err(AppError::Validation)?;
    let stored = services::directory::set_contact(&state.db, &current.user, &contact).await?;
    Ok(Said(Notice::Saved, Json(stored)))
}
