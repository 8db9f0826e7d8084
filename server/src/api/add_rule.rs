use super::show_template::reloaded_view;
use crate::auth::AmapAccess;
use crate::contracts;
use crate::error::{AppError, AppResult};
use crate::http::input::Input;
use crate::http::path;
use crate::repo;
use crate::state::AppState;
use app::api::ApiError;
use app::api::templates::{RuleForm, TemplateView};
use app::domain::contract::{DateScope, ProductScope};
use app::domain::{Action, Problem, ProblemCode, ProductId};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// Add an entry rule (packaging multiple, minimum, maximum, exact quantity).
#[utoipa::path(post, path = "/api/v1/amaps/{slug}/templates/{template_id}/rules", tag = "templates", request_body = RuleForm,
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The template with the rule", body = TemplateView),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Not a référent of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 422, description = "Invalid rule (unknown product or date…)", body = ApiError),
    ))]
pub async fn add_rule(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    Input(form): Input<RuleForm>,
) -> AppResult<Json<TemplateView>> {
    let id = path::id(&params, "template_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ManageProducer).await?;
    let rule = form.parse().map_err(AppError::Validation)?;
    let known_product = |p: &ProductId| loaded.products.iter().any(|(tp, _)| tp.product_id == p.0);
    let products_ok = match &rule.products {
        ProductScope::All => true,
        ProductScope::One(p) => known_product(p),
        ProductScope::Several(ps) => ps.iter().all(known_product),
    };
    if !products_ok {
        return Err(AppError::field(Problem::new(
            "products",
            ProblemCode::UnknownValue,
        )));
    }
    let dates_ok = match &rule.dates {
        DateScope::EachDate | DateScope::WholeContract => true,
        DateScope::OneDate(d) => loaded.date_id(*d).is_some(),
        DateScope::SeveralDates(ds) => ds.iter().all(|d| loaded.date_id(*d).is_some()),
    };
    if !dates_ok {
        return Err(AppError::field(Problem::new(
            "dates",
            ProblemCode::UnknownValue,
        )));
    }
    let mut rules = repo::templates::rules_of(&loaded.template);
    if rules.len() >= 50 {
        return Err(AppError::field(Problem::with_limit(
            "rules",
            ProblemCode::AtMost,
            50,
        )));
    }
    rules.push(rule);
    repo::templates::set_rules(&state.db, id, &rules).await?;
    Ok(Json(
        reloaded_view(&state.db, access.amap.id, id, &producer).await?,
    ))
}
