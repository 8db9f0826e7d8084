//! A template's header, its life cycle, and its deletion.

use super::create::{header, notice_days};
use super::{Caller, reloaded, template_for, view};
use crate::error::{AppError, AppResult};
use crate::mail::outbox::{self, NewMail};
use crate::mail::{Mailer, compose};
use crate::repo::{self, stock};
use app::api::templates::{TemplateInput, TemplateView};
use app::domain::Action;
use app::domain::AmapId;
use app::domain::TemplateId;
use app::domain::contract::TemplateState;
use app::domain::contract::editing::check_deadline;
use app::domain::contract::lifecycle::{
    Readiness, check_transition, may_change_nature, may_delete,
};
use app::domain::mail::MailKind;
use app::i18n::Locale;
use app::ui::paths::Amap;
use sea_orm::DatabaseConnection;

/// Name, description, nature (only while nobody signed up), deadline, late joiners, jokers,
/// shared stock. Dates change through `change`.
pub async fn update(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    id: TemplateId,
    input: &TemplateInput,
) -> AppResult<TemplateView> {
    // Everything the checks read is read under the write lock (and the template row's lock,
    // on PostgreSQL): a sign-up or another edit landing meanwhile cannot slip past them.
    let txn = repo::write_txn(db).await?;
    repo::templates::lock(&txn, id).await?;
    let (loaded, producer) = template_for(&txn, caller, id, Action::ManageProducer).await?;
    input
        .jokers
        .check(notice_days(producer.notice_days))
        .map_err(AppError::field)?;
    let dates: Vec<_> = loaded.dates.iter().map(|d| d.date).collect();
    check_deadline(input.deadline, &dates, "deadline").map_err(AppError::field)?;
    let old = &loaded.template;
    let subscribers = repo::templates::subscriber_count(&txn, id).await?;
    let nature = repo::templates::nature_of(&old.nature);
    if !may_change_nature(nature, input.nature, subscribers) {
        return Err(AppError::Conflict(
            "nature of a template with contracts".into(),
        ));
    }
    repo::templates::update_header(&txn, id, &header(input, old.producer_id))
        .await
        .map_err(AppError::taken_on("name"))?;
    let template = repo::templates::find(&txn, caller.amap.id, id)
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
    let view = view(&txn, &loaded, &producer).await?;
    txn.commit().await?;
    Ok(view)
}

/// Publish (draft → active), archive, or bring back.
pub async fn set_state(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    id: TemplateId,
    to: TemplateState,
) -> AppResult<TemplateView> {
    // Read under the write lock: a contract signed meanwhile forbids going back to draft.
    let txn = repo::write_txn(db).await?;
    repo::templates::lock(&txn, id).await?;
    let (loaded, producer) = template_for(&txn, caller, id, Action::ManageProducer).await?;
    let unpriced: Vec<String> = loaded
        .products
        .iter()
        .filter(|(tp, _)| tp.price_cents == 0)
        .map(|(_, p)| p.name.clone())
        .collect();
    let ready = Readiness {
        dates: loaded.dates.len(),
        products: loaded.products.len(),
        subscribers: repo::templates::subscriber_count(&txn, id).await?,
        unpriced: &unpriced,
    };
    let from = repo::templates::state_of(&loaded.template.state);
    check_transition(from, to, ready).map_err(AppError::field)?;
    repo::templates::set_state(&txn, id, to).await?;
    // Its first publication is news for every member, once: not when it comes back from the
    // archive, nor when it goes back to draft and is published again.
    let opened = from == TemplateState::Draft
        && to == TemplateState::Active
        && repo::templates::mark_announced(&txn, id, caller.now).await?;
    if opened {
        announce(&txn, mailer, caller, &loaded, &producer).await?;
    }
    let view = reloaded(&txn, caller.amap.id, id, &producer).await?;
    txn.commit().await?;
    if opened {
        mailer.wake();
    }
    Ok(view)
}

/// Queues "Nouveau contrat" to every active member, in the publication's transaction.
async fn announce(
    txn: &impl sea_orm::ConnectionTrait,
    mailer: &Mailer,
    caller: &Caller<'_>,
    loaded: &repo::templates::Loaded,
    producer: &crate::db::entities::producer::Model,
) -> AppResult<()> {
    let (Some(first), Some(last)) = (loaded.dates.first(), loaded.dates.last()) else {
        return Ok(());
    };
    let template = TemplateId(loaded.template.id);
    let opening = compose::Opening {
        amap: &caller.amap.name,
        template: &loaded.template.name,
        producer: &producer.name,
        deadline: loaded.template.deadline,
        first: first.date,
        last: last.date,
        link: mailer.link(&Amap::new(caller.amap.slug.clone()).contract(template)),
    };
    for (membership, account) in repo::memberships::list_with_users(txn, caller.amap.id).await? {
        let wanted = repo::memberships::mail_choices(&membership).wants(MailKind::ContractOpened);
        if !membership.active || !wanted {
            continue;
        }
        let mail = NewMail::new(
            Some(AmapId(caller.amap.id)),
            MailKind::ContractOpened,
            account.email.clone(),
            compose::contract_opened(Locale::fr, &account.first_name, &opening),
        );
        outbox::enqueue(txn, mailer, mail, caller.now).await?;
    }
    Ok(())
}

/// Deletes a template nobody signed up to (archive it otherwise).
pub async fn delete(db: &DatabaseConnection, caller: &Caller<'_>, id: TemplateId) -> AppResult<()> {
    let txn = repo::write_txn(db).await?;
    let (loaded, _) = template_for(&txn, caller, id, Action::ManageProducer).await?;
    if !may_delete(repo::templates::subscriber_count(&txn, id).await?) {
        return Err(AppError::Conflict("template has contracts".into()));
    }
    repo::templates::delete(&txn, id).await?;
    if !loaded.template.stock_shared {
        repo::stock::drop_pool(&txn, &loaded.pool()).await?;
    }
    txn.commit().await?;
    Ok(())
}
