use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::error::AppResult;
use crate::http::path;
use crate::repo::{self, subscriptions};
use crate::state::AppState;
use app::api::ApiError;
use app::api::producers::PersonRef;
use app::api::templates::SubscriptionRow;
use app::domain::{Action, UserId};
use axum::Json;
use axum::extract::{RawPathParams, State};
use std::collections::BTreeSet;

/// Who signed up to a template, with what (dates, units, amount).
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "Contracts by member name", body = Vec<SubscriptionRow>),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
    ))]
pub async fn list_subscriptions(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<Vec<SubscriptionRow>>> {
    let id = path::id(&params, "template_id")?;
    let (loaded, _) =
        contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    let db = &state.db;
    let subs = subscriptions::of_template_with_grids(db, &loaded).await?;
    let people =
        repo::producers::users_by_id(db, subs.iter().map(|(s, _)| s.user_id).collect()).await?;
    let mut rows: Vec<SubscriptionRow> = subs
        .iter()
        .filter_map(|(s, grid)| {
            let person = people.get(&s.user_id)?;
            let dates: BTreeSet<_> = grid.cells().map(|c| c.date).collect();
            Some(SubscriptionRow {
                member: PersonRef {
                    id: UserId(person.id),
                    name: format!("{} {}", person.first_name, person.last_name),
                },
                late: s.late,
                edited_by_referent: s.edited_by_referent,
                dates: u32::try_from(dates.len()).unwrap_or(u32::MAX),
                units: views::units(grid),
                amount: views::amount(&loaded, grid),
            })
        })
        .collect();
    rows.sort_by(|a, b| a.member.name.cmp(&b.member.name));
    Ok(Json(rows))
}
