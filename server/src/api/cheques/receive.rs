use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::payments::{ReceiveBody, Register};

/// Tick cheques as received by the AMAP (or back to promised). A remitted cheque is refused:
/// it comes back only by deleting its deposit slip.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/receive", tag = "cheques", request_body = ReceiveBody, params(TemplatePath),
    responses(
        (status = 200, description = "The register after the change", body = Register),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
        (status = 404, description = "No such AMAP, template or cheque", body = ApiError),
        (status = 409, description = "A cheque changed meanwhile", body = ApiError),
        (status = 422, description = "A cheque is already remitted", body = ApiError),
    ))]
pub async fn receive(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
    Input(body): Input<ReceiveBody>,
) -> AppResult<Said<Json<Register>>> {
    let (received, promised) = body.ids().map_err(AppError::Validation)?;
    let caller = access.caller();
    let template = path.template_id;
    let view = services::cheques::receive(&state.db, &caller, template, received, promised);
    Ok(Said(Notice::ChequesReceived, Json(view.await?)))
}
