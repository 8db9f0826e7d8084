use super::super::prelude::*;
use app::api::amaps::{AmapView, CreateAmapForm};
use app::domain::Grants;

/// Create an AMAP (platform operators only), optionally naming its first admin.
#[utoipa::path(post, path = "/api/v1/amaps", tag = "amaps", request_body = CreateAmapForm,
    responses(
        (status = 201, description = "Created", body = AmapView),
        (status = 403, description = "Not a platform operator", body = ApiError),
        (status = 422, description = "Invalid field, slug taken or unknown admin", body = ApiError),
    ))]
pub async fn create(
    State(state): State<AppState>,
    current: CurrentUser,
    Input(form): Input<CreateAmapForm>,
) -> AppResult<(StatusCode, Json<AmapView>)> {
    let grants = Grants {
        operator: current.user.operator,
        ..Grants::default()
    };
    if !grants.allows(Action::CreateAmap) {
        return Err(AppError::Forbidden);
    }
    let new = form.parse().map_err(AppError::Validation)?;
    let amap = services::amaps::create(&state.db, &new).await?;
    Ok((StatusCode::CREATED, Json(amap)))
}
