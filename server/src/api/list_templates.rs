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
    let counts = templates::subscriber_counts(db, all.iter().map(|t| t.id).collect()).await?;
    let mut summaries = Vec::new();
    for template in all {
        let Some(producer) = producers.get(&template.producer_id) else {
            continue;
        };
        let count = counts.get(&template.id).copied().unwrap_or(0);
        let loaded = templates::load(db, template).await?;
        summaries.push(views::summary(&loaded, producer, count));
    }
    Ok(Json(summaries))
}
