use super::views;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::repo::memberships::Flag;
use crate::repo::{self, is_unique_violation};
use crate::state::AppState;
use app::api::ApiError;
use app::api::amaps::{AmapView, CreateAmapForm, NewAmap};
use app::domain::access::Decision;
use app::domain::{Action, Grants, Problem, ProblemCode};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use sea_orm::ConnectionTrait;

/// Create an AMAP (platform operators only), optionally naming its first admin.
#[utoipa::path(post, path = "/api/v1/amaps", tag = "amaps", request_body = CreateAmapForm,
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 201, description = "Created", body = AmapView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a platform operator", body = ApiError),
        (status = 422, description = "Invalid field, slug taken or unknown admin", body = ApiError),
    ))]
pub async fn create_amap(
    State(state): State<AppState>,
    current: CurrentUser,
    Input(form): Input<CreateAmapForm>,
) -> AppResult<(StatusCode, Json<AmapView>)> {
    let grants = Grants {
        operator: current.user.operator,
        ..Grants::default()
    };
    if grants.decide(Action::CreateAmap) != Decision::Allowed {
        return Err(AppError::Forbidden);
    }
    let new = form.parse().map_err(AppError::Validation)?;
    // The write lock first: the admin's account is read before the inserts.
    let txn = repo::write_txn(&state.db).await?;
    let amap = create_amap_with(&txn, &new).await?;
    txn.commit().await?;
    Ok((StatusCode::CREATED, Json(amap)))
}

/// The use case, shared with the `create-amap` command.
pub async fn create_amap_with(db: &impl ConnectionTrait, new: &NewAmap) -> AppResult<AmapView> {
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
    let amap = repo::amaps::insert(db, row).await.map_err(|e| {
        if is_unique_violation(&e) {
            AppError::field(Problem::new("slug", ProblemCode::Taken))
        } else {
            e.into()
        }
    })?;
    if let Some(admin) = admin {
        repo::memberships::ensure(db, amap.id, admin.id).await?;
        repo::memberships::set_flag(db, amap.id, admin.id, Flag::Admin, true).await?;
    }
    Ok(views::amap(&amap))
}
