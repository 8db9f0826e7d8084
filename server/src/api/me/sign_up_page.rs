use super::super::params::TemplatePath;
use super::super::prelude::*;
use app::api::contracts::SignUpPage;

/// The sign-up form of one template for the caller: the rules, the open dates, the stock left
/// and the contract so far, so the browser can check every keystroke as the server will.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/contracts/{template_id}", tag = "contracts", params(TemplatePath),
    responses(
        (status = 200, description = "The form's data", body = SignUpPage),
        (status = 404, description = "No such AMAP or template (drafts are invisible)", body = ApiError),
    ))]
pub async fn sign_up_page(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<TemplatePath>,
) -> AppResult<Json<SignUpPage>> {
    let caller = access.caller();
    Ok(Json(
        services::me::sign_up_page(&state.db, &caller, path.template_id).await?,
    ))
}
