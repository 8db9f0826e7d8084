use crate::auth::AmapAccess;
use crate::error::AppResult;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::producers::{PersonRef, ProducerView};
use app::domain::{Action, ProducerId, UserId};
use axum::Json;
use axum::extract::State;

/// The AMAP's producers and their référents, in order (every member may see them).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/producers", tag = "producers",
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "Producers by name", body = Vec<ProducerView>),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
    ))]
pub async fn list_producers(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<ProducerView>>> {
    access.require(Action::ListProducers)?;
    let amap_id = access.amap.id;
    let producers = repo::producers::list(&state.db, amap_id).await?;
    let links = repo::producers::referent_links(&state.db, amap_id).await?;
    let people =
        repo::producers::users_by_id(&state.db, links.iter().map(|l| l.user_id).collect()).await?;
    Ok(Json(
        producers
            .into_iter()
            .map(|p| ProducerView {
                id: ProducerId(p.id),
                referents: links
                    .iter()
                    .filter(|l| l.producer_id == p.id)
                    .filter_map(|l| people.get(&l.user_id))
                    .map(|u| PersonRef {
                        id: UserId(u.id),
                        name: format!("{} {}", u.first_name, u.last_name),
                    })
                    .collect(),
                name: p.name,
                description: p.description,
            })
            .collect(),
    ))
}
