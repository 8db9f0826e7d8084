use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::AppResult;
use crate::http::path;
use crate::repo::{self, subscriptions};
use crate::state::AppState;
use app::api::ApiError;
use app::api::producers::PersonRef;
use app::domain::{Action, UserId};
use axum::Json;
use axum::extract::{RawPathParams, State};
use std::collections::HashSet;

/// Active members without a contract on this template, for "Saisir un contrat papier": names
/// only, so a référent (who may not read the member list) can pick someone.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/candidates", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "Members by last name", body = Vec<PersonRef>),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
    ))]
pub async fn list_candidates(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<Vec<PersonRef>>> {
    let id = path::id(&params, "template_id")?;
    contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    let signed: HashSet<i64> = subscriptions::of_template(&state.db, id)
        .await?
        .into_iter()
        .map(|s| s.user_id)
        .collect();
    let mut people: Vec<_> = repo::memberships::list_with_users(&state.db, access.amap.id)
        .await?
        .into_iter()
        .filter(|(m, u)| m.active && !signed.contains(&u.id))
        .map(|(_, u)| u)
        .collect();
    people.sort_by(|a, b| (&a.last_name, &a.first_name).cmp(&(&b.last_name, &b.first_name)));
    Ok(Json(
        people
            .into_iter()
            .map(|u| PersonRef {
                id: UserId(u.id),
                name: format!("{} {}", u.last_name, u.first_name),
            })
            .collect(),
    ))
}
