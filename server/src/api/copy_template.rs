use super::create_template::insert_or_taken;
use super::show_template::template_view;
use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo::{self, templates::NewTemplate};
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{CopyForm, TemplateView};
use app::domain::{Action, Money};
use axum::Json;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;

/// "Créer à partir de…": a new draft with the same products, prices, rules, jokers, stock
/// limits (those for every date) and conversions, on a new calendar.
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/copy", tag = "templates", request_body = CopyForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template to copy")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 201, description = "The new draft", body = TemplateView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 422, description = "Invalid fields (name taken, no dates…)", body = ApiError),
    ))]
pub async fn copy_template(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<CopyForm>,
) -> AppResult<(StatusCode, Json<TemplateView>)> {
    let id = path::id(&params, "template_id")?;
    let input = form.parse().map_err(AppError::Validation)?;
    // The source is read under the write lock, so the copy is of one consistent state.
    let txn = repo::write_txn(&state.db).await?;
    let (source, producer) =
        contracts::template_for(&txn, &access, id, Action::ManageProducer).await?;
    let s = &source.template;
    let new = NewTemplate {
        producer_id: s.producer_id,
        name: &input.name,
        description: &s.description,
        nature: repo::templates::nature_of(&s.nature),
        deadline: input.deadline,
        late_joiners: s.late_joiners,
        prepaid_notice_days: u32::try_from(s.prepaid_notice_days).unwrap_or(0),
        jokers: repo::templates::jokers_of(s),
        stock_shared: s.stock_shared,
    };
    let template = insert_or_taken(&txn, access.amap.id, &new).await?;
    repo::templates::add_dates(&txn, template.id, &input.dates).await?;
    let rules: Vec<_> = source.rules.iter().map(|(_, rule)| rule.clone()).collect();
    repo::rules::add(&txn, template.id, &rules).await?;
    for (tp, _) in &source.products {
        repo::templates::add_product(
            &txn,
            template.id,
            tp.product_id,
            tp.position,
            Money::from_cents(tp.price_cents),
        )
        .await?;
    }
    if !s.stock_shared {
        for limit in source.limits.iter().filter(|l| l.date.is_none()) {
            repo::stock::set_limit(&txn, &template, *limit).await?;
        }
    }
    for conversion in &source.conversions {
        repo::stock::set_conversion(&txn, template.id, *conversion).await?;
    }
    repo::stock::recount(&txn, &template).await?;
    if let Some(plan) = repo::cheques::plan(&txn, id).await? {
        repo::cheques::save_plan(&txn, copied_plan(plan, template.id)).await?;
    }
    let loaded = repo::templates::load(&txn, template).await?;
    let view = template_view(&txn, &loaded, &producer).await?;
    txn.commit().await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// The payment settings carried into a copy: all but what is tied to the old dates (the
/// hand-in date, a free list of payment dates — replaced by AmapJ's default plan).
fn copied_plan(
    plan: crate::db::entities::payment_plan::Model,
    template_id: i64,
) -> crate::db::entities::payment_plan::Model {
    use app::domain::payment::{PaymentDates, PaymentPlan, Strategy};
    let free_dates = matches!(
        serde_json::from_str::<Strategy>(&plan.strategy),
        Ok(Strategy::Custom {
            dates: PaymentDates::Free(_),
            ..
        })
    );
    let strategy = if free_dates {
        serde_json::to_string(&PaymentPlan::default().strategy).unwrap_or(plan.strategy)
    } else {
        plan.strategy
    };
    crate::db::entities::payment_plan::Model {
        template_id,
        strategy,
        hand_in_by: None,
        ..plan
    }
}
