use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::payments::AuditLog;

/// Every cheque event of a template, newest first: who, when, from → to, amount.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/cheques/audit", tag = "cheques", params(TemplatePath),
    responses(
        (status = 200, description = "The audit trail", body = AuditLog),
        (status = 403, description = "Neither a référent of this producer (or treasurer) nor its account when it handles its cheques", body = ApiError),
    ))]
pub async fn audit(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Json<AuditLog>> {
    let caller = access.caller();
    Ok(Json(
        services::cheques::audit(&state.db, &caller, path.template_id).await?,
    ))
}
