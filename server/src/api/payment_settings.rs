use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::payments::settings;
use crate::repo::{self, cheques};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::{PaymentSettings, PaymentSettingsForm};
use app::domain::{Action, Problem, ProblemCode};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// A template's payment settings: preset, payee ("ordre"), hand-in date, minimum cheque,
/// collecting référent.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/payments", tag = "cheques",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The settings (AmapJ's defaults until saved)", body = PaymentSettings),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
    ))]
pub async fn show_payment_settings(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<PaymentSettings>> {
    let id = path::id(&params, "template_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    Ok(Json(settings::load(&state.db, &loaded, &producer).await?))
}

/// Change a template's payment settings. Stored cheques are not touched: the register shows
/// which contracts then need a new proposal.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/payments", tag = "cheques",
    request_body = PaymentSettingsForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The settings as stored", body = PaymentSettings),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 422, description = "A field is invalid (unknown preset, duplicate payment date, collector not a référent…)", body = ApiError),
    ))]
pub async fn set_payment_settings(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<PaymentSettingsForm>,
) -> AppResult<Json<PaymentSettings>> {
    let id = path::id(&params, "template_id")?;
    let db = &state.db;
    let (loaded, producer) =
        contracts::template_for(db, &access, id, Action::ManageProducer).await?;
    let input = form.parse().map_err(AppError::Validation)?;
    let template_dates: Vec<_> = loaded.dates.iter().map(|d| d.date).collect();
    input
        .plan
        .payment_dates(&template_dates)
        .map_err(AppError::field)?;
    if let Some(collector) = input.collector {
        let refers = repo::producers::referent_links(db, access.amap.id)
            .await?
            .iter()
            .any(|l| l.producer_id == producer.id && l.user_id == collector.0);
        if !refers {
            return Err(AppError::field(Problem::new(
                "collector",
                ProblemCode::UnknownValue,
            )));
        }
    }
    let strategy =
        serde_json::to_string(&input.plan.strategy).map_err(|e| AppError::Internal(e.into()))?;
    cheques::save_plan(
        db,
        crate::db::entities::payment_plan::Model {
            template_id: id,
            amap_id: access.amap.id,
            strategy,
            payee: input.payee,
            hand_in_by: input.hand_in_by,
            minimum_cents: input.plan.minimum.cents(),
            collector_user_id: input.collector.map(|c| c.0),
            message: input.message,
        },
    )
    .await?;
    Ok(Json(settings::load(db, &loaded, &producer).await?))
}
