//! The coordinator adds a place to a date (in a role of the AMAP's list) or removes a free
//! one: a distribution that needs one more hand, or one fewer.

use super::{period_of, show};
use crate::error::{AppError, AppResult};
use crate::repo;
use crate::services::Caller;
use app::api::rota::RotaView;
use app::domain::rota::PLACES_MAX;
use app::domain::{
    Action, DutyDateId, DutyPeriodId, DutyPlaceId, DutyRoleId, Problem, ProblemCode,
};
use sea_orm::DatabaseConnection;

/// One more free place on `date`, in `role` (by default the AMAP's first); at most
/// [`PLACES_MAX`] a date.
pub async fn add_place(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    date: DutyDateId,
    role: Option<DutyRoleId>,
) -> AppResult<RotaView> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    let date = repo::rota::date(&txn, row.id, date)
        .await?
        .ok_or(AppError::NotFound)?;
    let role = match role {
        Some(role) => {
            let known = repo::rota::roles(&txn, caller.amap.id)
                .await?
                .iter()
                .any(|r| r.id == role.0);
            if !known {
                return Err(AppError::field(Problem::new(
                    "role_id",
                    ProblemCode::UnknownValue,
                )));
            }
            role.0
        }
        None => super::manage::default_role(&txn, caller).await?,
    };
    if repo::rota::places_of_date(&txn, date.id).await?.len() >= PLACES_MAX as usize {
        return Err(AppError::field(Problem::with_limit(
            "role_id",
            ProblemCode::AtMost,
            PLACES_MAX,
        )));
    }
    repo::rota::insert_place(&txn, &date, role).await?;
    txn.commit().await?;
    show(db, caller, id).await
}

/// Removes a place nobody holds; a held one is refused (409 `has_duties`): the coordinator
/// frees it first, which the history records.
pub async fn remove_place(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: DutyPeriodId,
    place: DutyPlaceId,
) -> AppResult<RotaView> {
    caller.require(Action::ManageRota)?;
    let txn = repo::write_txn(db).await?;
    let row = period_of(&txn, caller, id).await?;
    repo::rota::place(&txn, row.id, place)
        .await?
        .ok_or(AppError::NotFound)?;
    if !repo::rota::delete_free_place(&txn, row.id, place).await? {
        return Err(AppError::ConflictOn(vec![Problem::with_limit(
            "place_id",
            ProblemCode::HasDuties,
            1,
        )]));
    }
    txn.commit().await?;
    show(db, caller, id).await
}
