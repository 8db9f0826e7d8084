use crate::auth::AmapAccess;
use crate::contracts::{self, local_now, views};
use crate::error::{AppError, AppResult};
use crate::http::path;
use crate::payments::schedule::TemplatePayments;
use crate::repo::{self, stock, subscriptions};
use crate::state::AppState;
use app::api::ApiError;
use app::api::contracts::{ContractEntry, SignUpPage, StockUsed};
use app::api::producers::PersonRef;
use app::domain::Money;
use app::domain::contract::deadline::member_window;
use app::domain::contract::editing::visible_to_member;
use app::domain::contract::stock::consumption;
use app::domain::{Action, UserId};
use axum::Json;
use axum::extract::{RawPathParams, State};

/// The sign-up form of one template for the caller: the rules, the open dates, the stock left
/// and the contract so far, so the browser can check every keystroke as the server will.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/contracts/{template_id}", tag = "contracts",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The form's data", body = SignUpPage),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such AMAP or template (drafts are invisible)", body = ApiError),
    ))]
pub async fn sign_up_page(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
) -> AppResult<Json<SignUpPage>> {
    access.require(Action::ViewOwnSpace)?;
    let template_id = path::id(&params, "template_id")?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, template_id, |_| Action::ViewOwnSpace).await?;
    let has_contract = repo::subscriptions::find(&state.db, template_id, access.user.user.id)
        .await?
        .is_some();
    if !visible_to_member(views::offer(&loaded, &producer).state, has_contract) {
        return Err(AppError::NotFound);
    }
    let user = &access.user.user;
    let page = page_for(&state, &access, &loaded, &producer, user.id, false).await?;
    Ok(Json(page))
}

/// The form's data for `user_id`'s contract, as a member sees it or as a référent edits it.
pub async fn page_for(
    state: &AppState,
    access: &AmapAccess,
    loaded: &repo::templates::Loaded,
    producer: &crate::db::entities::producer::Model,
    user_id: i64,
    as_referent: bool,
) -> AppResult<SignUpPage> {
    let db = &state.db;
    let offer = views::offer(loaded, producer);
    let now = local_now(&access.amap);
    let dates = loaded.dates_by_id();
    let existing = subscriptions::find(db, loaded.template.id, user_id).await?;
    let mine = match &existing {
        Some(s) => Some(ContractEntry {
            grid: subscriptions::grid(db, s.id, &dates).await?,
            jokers: subscriptions::jokers(db, s.id, &dates).await?,
            late: s.late,
            edited_by_referent: s.edited_by_referent,
        }),
        None => None,
    };
    let stored = mine
        .as_ref()
        .map(|m| consumption(&m.grid, &offer.conversions))
        .unwrap_or_default();
    let others = stock::used_by_others(db, &loaded.pool(), &stored).await?;
    let window = if as_referent {
        app::domain::contract::deadline::Window::Open
    } else {
        member_window(&offer, existing.is_some(), now)
    };
    let person = repo::users::find(db, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let subscribers = repo::templates::subscriber_count(db, loaded.template.id).await?;
    let payments = TemplatePayments::load(db, &access.amap, loaded, producer).await?;
    let (credit, stored) = match &existing {
        Some(s) => (
            Money::from_cents(s.credit_cents),
            repo::cheques::of_subscription(db, s.id).await?,
        ),
        None => (Money::ZERO, Vec::new()),
    };
    Ok(SignUpPage {
        template: views::summary(loaded, producer, u32::try_from(subscribers).unwrap_or(0)),
        description: loaded.template.description.clone(),
        member: PersonRef {
            id: UserId(person.id),
            name: format!("{} {}", person.first_name, person.last_name),
        },
        products: views::template_products(loaded),
        limits: loaded.limits.clone(),
        others: others
            .into_iter()
            .map(|((date, product), units)| StockUsed {
                date,
                product,
                units,
            })
            .collect(),
        offer,
        window,
        now,
        mine,
        as_referent,
        schedule: payments.view(credit, &stored),
    })
}
