//! AMAPs of the deployment.

use super::Caller;
use crate::db::entities::app_user;
use crate::error::{AppError, AppResult};
use crate::repo::{self, memberships::Flag};
use crate::views;
use app::api::amaps::{AmapSettings, AmapView, NewAmap};
use app::domain::{Action, Problem, ProblemCode, UserId};
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// Creates an AMAP (and makes `admin_email`'s account its first admin), in one transaction.
pub async fn create(db: &DatabaseConnection, new: &NewAmap) -> AppResult<AmapView> {
    // The write lock first: the admin's account is read before the inserts.
    let txn = repo::write_txn(db).await?;
    let amap = create_in(&txn, new).await?;
    txn.commit().await?;
    Ok(amap)
}

/// [`create`] inside the caller's transaction (the demo seeds several AMAPs in one).
pub async fn create_in(db: &impl ConnectionTrait, new: &NewAmap) -> AppResult<AmapView> {
    if new.time_zone.parse::<chrono_tz::Tz>().is_err() {
        return Err(AppError::field(Problem::new(
            "time_zone",
            ProblemCode::InvalidTimeZone,
        )));
    }
    let admin = match &new.admin_email {
        Some(email) => Some(
            repo::users::find_by_email(db, email.as_str())
                .await?
                .ok_or_else(|| {
                    AppError::field(Problem::new("admin_email", ProblemCode::UnknownValue))
                })?,
        ),
        None => None,
    };
    let row = repo::amaps::NewAmapRow {
        slug: new.slug.as_str(),
        name: new.name.as_str(),
        city: new.city.as_str(),
        time_zone: &new.time_zone,
        membership_fee_cents: 0,
    };
    let amap = repo::amaps::insert(db, row)
        .await
        .map_err(AppError::taken_on("slug"))?;
    if let Some(admin) = admin {
        let id = UserId(admin.id);
        repo::memberships::ensure(db, amap.id, id).await?;
        repo::memberships::set_flag(db, amap.id, id, Flag::Admin, true).await?;
    }
    Ok(views::amap(&amap))
}

/// Changes the AMAP's settings (admins). A time zone the server does not know is refused on
/// its field: every local date and deadline depends on it.
pub async fn update_settings(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    settings: &AmapSettings,
) -> AppResult<AmapView> {
    caller.require(Action::ManageAmap)?;
    if settings.time_zone.parse::<chrono_tz::Tz>().is_err() {
        return Err(AppError::field(Problem::new(
            "time_zone",
            ProblemCode::InvalidTimeZone,
        )));
    }
    let amap = repo::amaps::update_settings(db, caller.amap.id, settings).await?;
    Ok(views::amap(&amap))
}

/// The AMAPs `user` sees: theirs, or every AMAP of the deployment for an operator.
pub async fn visible_to(
    db: &DatabaseConnection,
    user: &app_user::Model,
) -> AppResult<Vec<AmapView>> {
    let amaps = if user.operator {
        repo::amaps::list_all(db).await?
    } else {
        repo::amaps::list_active_for_user(db, user.id)
            .await?
            .into_iter()
            .map(|(_, a)| a)
            .collect()
    };
    Ok(amaps.iter().map(views::amap).collect())
}

/// The AMAP's archive (admins): every table of this AMAP as open files, without passwords
/// or sign-in links (see `crate::archive`); its file name, dated in the AMAP's time zone.
pub async fn archive(db: &DatabaseConnection, caller: &Caller<'_>) -> AppResult<(String, Vec<u8>)> {
    caller.require(Action::ManageAmap)?;
    let bytes =
        crate::archive::export(db, caller.amap.id, crate::archive::Options::default()).await?;
    let day = caller.local_now().format("%Y-%m-%d");
    Ok((format!("{}-{day}.zip", caller.amap.slug), bytes))
}
