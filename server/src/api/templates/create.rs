use super::super::params::AmapPath;
use super::super::prelude::*;
use app::api::templates::{TemplateForm, TemplateView};

/// Create a draft template for one of the caller's producers: header, calendar, jokers.
/// Every active product of the producer is added at price 0, ready for its price.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates", tag = "templates", request_body = TemplateForm, params(AmapPath),
    responses(
        (status = 201, description = "The new draft", body = TemplateView),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 422, description = "Invalid fields (name taken, deadline after the first delivery…)", body = ApiError),
    ))]
pub async fn create(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<TemplateForm>,
) -> AppResult<Said<(StatusCode, Json<TemplateView>)>> {
    access.require(Action::ManageTemplates)?;
    let input = form.parse(true).map_err(AppError::Validation)?;
    let view = services::templates::create(&state.db, &access.caller(), &input).await?;
    let name = view.summary.name.clone();
    Ok(Said(
        Notice::TemplateCreated { name },
        (StatusCode::CREATED, Json(view)),
    ))
}
