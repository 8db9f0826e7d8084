use crate::auth::AmapAccess;
use crate::contracts::views;
use crate::error::AppResult;
use crate::payments::schedule::{TemplatePayments, cheque_view, tally};
use crate::repo::{self, cheques, subscriptions};
use crate::state::AppState;
use app::api::ApiError;
use app::api::payments::{ChequeGroup, MyPaymentContract, MyPayments};
use app::domain::payment::ChequeState;
use app::domain::payment::register::group_by_amount;
use app::domain::{Action, Money};
use axum::Json;
use axum::extract::State;

/// "Mes paiements": for each of my contracts, the cheques still to give (identical amounts
/// grouped), those at the AMAP and those handed to the producer with the real date.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/me/payments", tag = "contracts",
    params(("slug" = String, Path, description = "The AMAP's URL name")),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "My cheques", body = MyPayments),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 404, description = "No such AMAP", body = ApiError),
    ))]
pub async fn my_payments(
    State(state): State<AppState>,
    access: AmapAccess,
) -> AppResult<Json<MyPayments>> {
    access.require(Action::SignUp)?;
    let db = &state.db;
    let mut contracts = Vec::new();
    for sub in subscriptions::of_user(db, access.amap.id, access.user.user.id).await? {
        let Some(template) = repo::templates::find(db, access.amap.id, sub.template_id).await?
        else {
            continue;
        };
        let Some(producer) =
            repo::producers::find(db, access.amap.id, template.producer_id).await?
        else {
            continue;
        };
        let loaded = repo::templates::load(db, template).await?;
        let payments = TemplatePayments::load(db, &access.amap, &loaded, &producer).await?;
        let grid = subscriptions::grid(db, sub.id, &loaded.dates_by_id()).await?;
        let stored = cheques::of_subscription(db, sub.id).await?;
        let offer = views::offer(&loaded, &producer);
        let t = tally(&offer, &grid, Money::from_cents(sub.credit_cents), &stored);
        let handed_on = payments.handed_on();
        let in_state = |state: ChequeState| {
            stored
                .iter()
                .filter(|c| cheques::state_of(&c.state) == state)
                .map(|c| cheque_view(c, &handed_on))
                .collect::<Vec<_>>()
        };
        let promised: Vec<_> = in_state(ChequeState::Promised)
            .iter()
            .map(|c| (c.date, c.amount))
            .collect();
        contracts.push(MyPaymentContract {
            template: views::summary(&loaded, &producer, 0),
            payee: payments.settings.payee.clone(),
            hand_in_by: payments.settings.hand_in_by,
            collector: payments.settings.collector.clone(),
            managed: payments.plan().managed(),
            message: payments.settings.message.clone(),
            balance: t.balance(),
            tally: t,
            to_give: group_by_amount(&promised)
                .into_iter()
                .map(|(amount, dates)| ChequeGroup { amount, dates })
                .collect(),
            at_amap: in_state(ChequeState::Received),
            remitted: in_state(ChequeState::Remitted),
        });
    }
    contracts.sort_by(|a, b| a.template.name.cmp(&b.template.name));
    Ok(Json(MyPayments { contracts }))
}
