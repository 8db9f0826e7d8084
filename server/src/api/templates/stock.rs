use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::templates::{StockForm, TemplateView};

/// Set or remove a stock limit (all dates or one date), or a conversion coefficient. The
/// counters are recounted; a limit below what members already hold is refused.
#[utoipa::path(put, path = "/api/v1/amaps/{slug}/templates/{template_id}/stock", tag = "templates", request_body = StockForm, params(TemplatePath),
    responses(
        (status = 200, description = "The template with its stock", body = TemplateView),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 409, description = "Members already hold more than the new limit", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn set_stock(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(form): Input<StockForm>,
) -> AppResult<Said<Json<TemplateView>>> {
    let change = form.parse().map_err(AppError::Validation)?;
    let caller = access.caller();
    let view = services::templates::set_stock(&state.db, &caller, path.template_id, change);
    Ok(Said(Notice::StockSaved, Json(view.await?)))
}
