use crate::auth::AmapAccess;
use crate::contracts::{local_now, views};
use crate::error::AppResult;
use crate::repo::{self, subscriptions, templates};
use crate::state::AppState;
use app::api::ApiError;
use app::api::contracts::{MyContract, MyContracts};
use app::domain::Action;
use app::domain::contract::deadline::{Window, member_window, offered_to_members};
use app::domain::contract::editing::visible_to_member;
use app::domain::contract::history::is_finished;
use axum::Json;
use axum::extract::State;
use std::collections::HashMap;

/// "Mes contrats": the templates open to me, my contracts, and the finished ones.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/contracts", tag = "contracts",
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "Offered, current and past contracts", body = MyContracts),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
    ))]
pub async fn my_contracts(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<MyContracts>> {
    access.require(Action::ViewOwnSpace)?;
    let db = &state.db;
    let now = local_now(&access.amap);
    let producers: HashMap<i64, _> = repo::producers::list(db, access.amap.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mine: HashMap<i64, _> = subscriptions::of_user(db, access.amap.id, access.user.user.id)
        .await?
        .into_iter()
        .map(|s| (s.template_id, s))
        .collect();
    let all = templates::list(db, access.amap.id).await?;
    let counts = templates::subscriber_counts(db, all.iter().map(|t| t.id).collect()).await?;
    let mut result = MyContracts {
        offered: Vec::new(),
        mine: Vec::new(),
        history: Vec::new(),
    };
    for template in all {
        let Some(producer) = producers.get(&template.producer_id) else {
            continue;
        };
        let subscription = mine.get(&template.id);
        if !visible_to_member(templates::state_of(&template.state), subscription.is_some()) {
            continue;
        }
        let loaded = templates::load(db, template).await?;
        let offer = views::offer(&loaded, producer);
        let summary = views::summary(
            &loaded,
            producer,
            counts.get(&loaded.template.id).copied().unwrap_or(0),
        );
        match subscription {
            None => {
                if offered_to_members(&offer, now) {
                    result.offered.push(summary);
                }
            }
            Some(s) => {
                let grid = subscriptions::grid(db, s.id, &loaded.dates_by_id()).await?;
                let window = member_window(&offer, true, now);
                let contract = MyContract {
                    template: summary,
                    amount: views::amount(&loaded, &grid),
                    units: views::units(&grid),
                    editable: window != Window::Closed,
                };
                if is_finished(&window, &grid, now) {
                    result.history.push(contract);
                } else {
                    result.mine.push(contract);
                }
            }
        }
    }
    Ok(Json(result))
}
