use super::show_template::template_view;
use crate::auth::AmapAccess;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::repo::{self, templates::NewTemplate};
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{TemplateForm, TemplateInput, TemplateView};
use app::domain::{Action, Money, Problem, ProblemCode, ProducerId};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

/// Create a draft template for one of the caller's producers: header, calendar, jokers.
/// Every active product of the producer is added at price 0, ready for its price.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates", tag = "templates", request_body = TemplateForm,
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 201, description = "The new draft", body = TemplateView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, or not a member of it", body = ApiError),
        (status = 422, description = "Invalid fields (name taken, deadline after the first delivery…)", body = ApiError),
    ))]
pub async fn create_template(
    State(state): State<AppState>,
    access: AmapAccess,
    Input(form): Input<TemplateForm>,
) -> AppResult<(StatusCode, Json<TemplateView>)> {
    access.require(Action::ManageTemplates)?;
    let input = form.parse(true).map_err(AppError::Validation)?;
    let producer_id = input.producer_id.unwrap_or(ProducerId(0));
    let producer = repo::producers::find(&state.db, access.amap.id, producer_id.0)
        .await?
        .ok_or_else(|| AppError::field(Problem::new("producer_id", ProblemCode::UnknownValue)))?;
    access.require(Action::ManageProducer(producer_id))?;
    check_jokers(&input, producer.notice_days)?;
    let products: Vec<_> = repo::products::of_producer(&state.db, access.amap.id, producer.id)
        .await?
        .into_iter()
        .filter(|p| p.active)
        .collect();
    let txn = repo::write_txn(&state.db).await?;
    let template =
        insert_or_taken(&txn, access.amap.id, &new_template(&input, producer.id)).await?;
    repo::templates::add_dates(&txn, template.id, &input.dates).await?;
    for (position, p) in products.iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        repo::templates::add_product(&txn, template.id, p.id, position, Money::ZERO).await?;
    }
    let loaded = repo::templates::load(&txn, template).await?;
    let view = template_view(&txn, &loaded, &producer).await?;
    txn.commit().await?;
    Ok((StatusCode::CREATED, Json(view)))
}

pub fn new_template(input: &TemplateInput, producer_id: i64) -> NewTemplate<'_> {
    NewTemplate {
        producer_id,
        name: &input.name,
        description: &input.description,
        nature: input.nature,
        deadline: input.deadline,
        late_joiners: input.late_joiners,
        prepaid_notice_days: input.prepaid_notice_days,
        jokers: input.jokers,
        stock_shared: input.stock_shared,
    }
}

/// Reference §2.6: jokers cannot close later than the producer needs to know.
pub fn check_jokers(input: &TemplateInput, producer_notice_days: i32) -> AppResult<()> {
    let notice = u32::try_from(producer_notice_days).unwrap_or(0);
    if input.jokers.is_consistent(notice) {
        Ok(())
    } else {
        Err(AppError::field(Problem::with_limit(
            "joker_days",
            ProblemCode::AtLeast,
            notice,
        )))
    }
}

pub async fn insert_or_taken(
    db: &impl sea_orm::ConnectionTrait,
    amap_id: i64,
    new: &NewTemplate<'_>,
) -> AppResult<crate::db::entities::contract_template::Model> {
    repo::templates::insert(db, amap_id, new)
        .await
        .map_err(AppError::taken_on("name"))
}
