use super::super::params::RotaPath;
use super::super::prelude::*;
use app::api::rota::{ProposalForm, ProposalView, PublishedView};

/// Compute the fair automatic assignment of the free places and keep it as the period's
/// proposal (seen by coordinators only) until published or discarded.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/proposal", tag = "rota", request_body = ProposalForm, params(RotaPath),
    responses(
        (status = 200, description = "The proposal", body = ProposalView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
    ))]
pub async fn propose(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
    Input(form): Input<ProposalForm>,
) -> AppResult<Said<Json<ProposalView>>> {
    access.require(Action::ManageRota)?;
    let seed = form.seed.unwrap_or(0) as u64;
    let view = services::rota::proposal::propose(&state.db, &access.caller(), path.period_id, seed)
        .await?;
    let missing = view.shortfalls.iter().map(|s| s.missing).sum();
    Ok(Said(
        Notice::ProposalMade {
            assigned: view.assigned,
            missing,
        },
        Json(view),
    ))
}

/// Discard the proposal.
#[utoipa::path(delete, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/proposal", tag = "rota", params(RotaPath),
    responses(
        (status = 204, description = "Discarded"),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
    ))]
pub async fn discard(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
) -> AppResult<Said<StatusCode>> {
    access.require(Action::ManageRota)?;
    services::rota::proposal::discard(&state.db, &access.caller(), path.period_id).await?;
    Ok(Said(Notice::Saved, StatusCode::NO_CONTENT))
}

/// Publish the proposal: each proposed member is put on their place and told by mail.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/duty-periods/{period_id}/publish", tag = "rota", params(RotaPath),
    responses(
        (status = 200, description = "Published", body = PublishedView),
        (status = 403, description = "Neither coordinator nor admin", body = ApiError),
        (status = 404, description = "No such AMAP or period", body = ApiError),
        (status = 409, description = "A proposed place was taken meanwhile (`no_free_place`, `already_on_duty`): ask for a new proposal", body = ApiError),
    ))]
pub async fn publish(
    State(state): State<AppState>,
    access: AmapAccess,
    Route(path): Route<RotaPath>,
) -> AppResult<Said<Json<PublishedView>>> {
    access.require(Action::ManageRota)?;
    let view = services::rota::proposal::publish(
        &state.db,
        &state.mailer,
        &access.caller(),
        path.period_id,
    )
    .await?;
    Ok(Said(
        Notice::ProposalPublished {
            published: view.published,
        },
        Json(view),
    ))
}
