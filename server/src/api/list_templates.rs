use crate::auth::AmapAccess;
use crate::contracts::views;
use crate::error::AppResult;
use crate::repo::{self, templates};
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::TemplateSummary;
use app::domain::{Action, ProducerId};
use axum::Json;
use axum::extract::State;
use std::collections::HashMap;

/// The templates the caller manages (référents: their producers'; treasurers and admins: all)
/// or delivers (a producer's own accounts), in every state.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "Templates by name", body = Vec<TemplateSummary>),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent, a producer, a treasurer nor an admin", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
    ))]
pub async fn list_templates(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<TemplateSummary>>> {
    access.require(Action::ListTemplates)?;
    let db = &state.db;
    let producers: HashMap<i64, _> = repo::producers::list(db, access.amap.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let all: Vec<_> = templates::list(db, access.amap.id)
        .await?
        .into_iter()
        .filter(|t| {
            access
                .grants
                .allows(Action::ReadDeliveries(ProducerId(t.producer_id)))
        })
        .collect();
    let ids: Vec<i64> = all.iter().map(|t| t.id).collect();
    let counts = templates::subscriber_counts(db, ids.clone()).await?;
    let dates = templates::dates_of(db, ids).await?;
    let summaries = all
        .iter()
        .filter_map(|t| {
            let producer = producers.get(&t.producer_id)?;
            let count = counts.get(&t.id).copied().unwrap_or(0);
            let days = dates.get(&t.id).map(Vec::as_slice).unwrap_or_default();
            Some(views::summary_of(t, days, producer, count))
        })
        .collect();
    Ok(Json(summaries))
}
