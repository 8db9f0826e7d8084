//! The AMAP a request is about (`/a/{slug}` pages, `/api/v1/amaps/{slug}/…` endpoints)
//! and what the caller holds there. Handlers ask `require(Action)`; the decision itself is
//! the pure `app::domain::access` rule.

use super::session::CurrentUser;
use crate::db::entities::{amap, membership};
use crate::error::AppError;
use crate::repo;
use crate::services::Caller;
use crate::state::AppState;
use app::domain::access::Decision;
use app::domain::{Action, Grants, ProducerId};
use axum::extract::{FromRef, FromRequestParts, Path};
use axum::http::request::Parts;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

pub struct AmapAccess {
    pub amap: amap::Model,
    pub user: CurrentUser,
    /// The caller's active membership here, if any.
    pub membership: Option<membership::Model>,
    pub grants: Grants,
    /// When the request arrived (the application's clock).
    pub now: DateTime<Utc>,
    people: std::sync::Arc<crate::directory_cache::DirectoryCache>,
    rota: std::sync::Arc<crate::services::rota::cache::RotaCache>,
}

impl AmapAccess {
    /// The caller as the services see it.
    pub fn caller(&self) -> Caller<'_> {
        Caller {
            amap: &self.amap,
            user: &self.user.user,
            grants: &self.grants,
            now: self.now,
            people: &self.people,
            rota: &self.rota,
        }
    }

    pub fn require(&self, action: Action) -> Result<(), AppError> {
        match self.grants.decide(action) {
            Decision::Allowed => Ok(()),
            Decision::Forbidden => Err(AppError::Forbidden),
            Decision::Hidden => Err(AppError::NotFound),
        }
    }
}

/// The active membership (if any) and the grants that follow from it.
async fn load_membership_and_grants(
    state: &AppState,
    amap_id: i64,
    user: &CurrentUser,
) -> Result<(Option<membership::Model>, Grants), AppError> {
    let user_id = user.user.id;
    let membership = repo::memberships::find(&state.db, amap_id, app::domain::UserId(user_id))
        .await?
        .filter(|m| m.active);
    let Some(membership) = membership else {
        return Ok((
            None,
            Grants {
                operator: user.user.operator,
                ..Grants::default()
            },
        ));
    };
    let (referent_of, producer_of) = tokio::try_join!(
        repo::producers::referent_of(&state.db, amap_id, user_id),
        repo::producers::producer_of(&state.db, amap_id, user_id),
    )?;
    let cheque_desk_of =
        repo::producers::handling_cheques(&state.db, amap_id, &producer_of).await?;
    let grants = Grants {
        operator: user.user.operator,
        member: true,
        admin: membership.admin,
        treasurer: membership.treasurer,
        coordinator: membership.coordinator,
        referent_of: referent_of.into_iter().map(ProducerId).collect(),
        producer_of: producer_of.into_iter().map(ProducerId).collect(),
        cheque_desk_of: cheque_desk_of.into_iter().map(ProducerId).collect(),
    };
    Ok((Some(membership), grants))
}

impl<S> FromRequestParts<S> for AmapAccess
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        // Authentication first: an anonymous caller learns nothing, not even whether the slug exists.
        let user = CurrentUser::from_request_parts(parts, state).await?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::NotFound)?;
        let slug = params.get("slug").ok_or(AppError::NotFound)?;
        let state = AppState::from_ref(state);
        let amap = repo::amaps::find_by_slug(&state.db, slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let (membership, grants) = load_membership_and_grants(&state, amap.id, &user).await?;
        Ok(Self {
            amap,
            user,
            membership,
            grants,
            now: state.clock.now(),
            people: state.directory.clone(),
            rota: state.rota.clone(),
        })
    }
}
