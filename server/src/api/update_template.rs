use super::create_template::{check_jokers, new_template};
use super::show_template::template_view;
use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo::{self, stock};
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{TemplateForm, TemplateView};
use app::domain::Action;
use app::domain::contract::editing::check_deadline;
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Edit a template's header: name, description, nature (only while nobody signed up),
/// deadline, late joiners, jokers, shared stock. Dates change through `/changes`.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}", tag = "templates", request_body = TemplateForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The template", body = TemplateView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 409, description = "Nature changed after sign-ups, or shared stock already overbooked", body = ApiError),
        (status = 422, description = "Invalid fields", body = ApiError),
    ))]
pub async fn update_template(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<TemplateForm>,
) -> AppResult<Json<TemplateView>> {
    let id = path::id(&params, "template_id")?;
    let input = form.parse(false).map_err(AppError::Validation)?;
    // Everything the checks read is read under the write lock: a sign-up landing meanwhile
    // cannot slip past the "no nature change once contracts exist" rule.
    let txn = repo::write_txn(&state.db).await?;
    let (loaded, producer) =
        contracts::template_for(&txn, &access, id, Action::ManageProducer).await?;
    check_jokers(&input, producer.notice_days)?;
    let dates: Vec<_> = loaded.dates.iter().map(|d| d.date).collect();
    check_deadline(input.deadline, &dates, "deadline").map_err(AppError::field)?;
    let old = &loaded.template;
    let subscribers = repo::templates::subscriber_count(&txn, id).await?;
    if subscribers > 0 && repo::templates::nature_of(&old.nature) != input.nature {
        return Err(AppError::Conflict(
            "nature of a template with contracts".into(),
        ));
    }
    let new = new_template(&input, old.producer_id);
    repo::templates::update_header(&txn, id, &new)
        .await
        .map_err(AppError::taken_on("name"))?;
    let template = repo::templates::find(&txn, access.amap.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if old.stock_shared != template.stock_shared {
        // The contracts move from one pool to the other: count both again.
        for t in [old, &template] {
            if !stock::recount(&txn, t).await?.is_empty() {
                return Err(AppError::Conflict("shared stock overbooked".into()));
            }
        }
    }
    let loaded = repo::templates::load(&txn, template).await?;
    let view = template_view(&txn, &loaded, &producer).await?;
    txn.commit().await?;
    Ok(Json(view))
}
