use super::views;
use crate::auth::AmapAccess;
use crate::db::entities::producer;
use crate::error::AppResult;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::members::MemberView;
use app::api::producers::ProducerRef;
use app::domain::Action;
use axum::Json;
use axum::extract::State;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;

/// Every member of the AMAP, active or not, with their roles (treasurers and admins).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/members", tag = "members",
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "Members by last name", body = Vec<MemberView>),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither treasurer nor admin", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
    ))]
pub async fn list_members(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<Vec<MemberView>>> {
    access.require(Action::ListMembers)?;
    Ok(Json(member_views(&state.db, access.amap.id, None).await?))
}

/// Members with roles, in four queries whatever their number; `only` narrows to one person.
pub async fn member_views(
    db: &impl ConnectionTrait,
    amap_id: i64,
    only: Option<i64>,
) -> AppResult<Vec<MemberView>> {
    let members = repo::memberships::list_with_users(db, amap_id).await?;
    let producers: HashMap<i64, producer::Model> = repo::producers::list(db, amap_id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let by_user = |links: Vec<(i64, i64)>| {
        let mut map: HashMap<i64, Vec<ProducerRef>> = HashMap::new();
        for (user, producer) in links {
            if let Some(p) = producers.get(&producer) {
                map.entry(user).or_default().push(views::producer_ref(p));
            }
        }
        map
    };
    let mut referent_of = by_user(
        repo::producers::referent_links(db, amap_id)
            .await?
            .into_iter()
            .map(|l| (l.user_id, l.producer_id))
            .collect(),
    );
    let mut producer_of = by_user(
        repo::producers::producer_user_links(db, amap_id)
            .await?
            .into_iter()
            .map(|l| (l.user_id, l.producer_id))
            .collect(),
    );
    Ok(members
        .iter()
        .filter(|(_, account)| only.is_none_or(|id| id == account.id))
        .map(|(membership, account)| {
            let refers = referent_of.remove(&account.id).unwrap_or_default();
            let supplies = producer_of.remove(&account.id).unwrap_or_default();
            views::member(membership, account, refers, supplies)
        })
        .collect())
}
