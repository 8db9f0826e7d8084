//! Distributions: the dates the AMAP distributes (its published contracts' deliveries and
//! its rota's dates), who is on duty each day, and a day's sign-in sheet (*feuille
//! d'émargement*): the people on duty, then every member collecting that day with what they
//! collect, by name.

use super::Caller;
use crate::collation::sort_by_name;
use crate::db::entities::{app_user, duty_place, producer, stored};
use crate::error::{AppError, AppResult};
use crate::repo;
use crate::repo::templates::Loaded;
use crate::views;
use app::api::distributions::{DistributionView, OnDutyView, SheetProduct, SignInRow, SignInSheet};
use app::domain::contract::synthesis::delivered;
use app::domain::{Action, TemplateId};
use chrono::{Days, NaiveDate};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::{BTreeMap, HashMap};
use std::iter;

/// How far back and ahead the list of distributions reaches.
const LIST_BACK_DAYS: u64 = 14;
const LIST_AHEAD_DAYS: u64 = 120;

/// The published templates (not drafts) of the AMAP, loaded, with their producers.
async fn published(
    db: &impl ConnectionTrait,
    amap_id: i64,
) -> AppResult<Vec<(Loaded, producer::Model)>> {
    let producers: HashMap<i64, producer::Model> = repo::producers::list(db, amap_id)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let templates: Vec<_> = repo::templates::list(db, amap_id)
        .await?
        .into_iter()
        .filter(|t| t.state != stored::TemplateState::Draft)
        .collect();
    Ok(repo::templates::load_many(db, templates)
        .await?
        .into_iter()
        .filter_map(|l| {
            let producer = producers.get(&l.template.producer_id)?.clone();
            Some((l, producer))
        })
        .collect())
}

/// The days the AMAP's published contracts deliver (between two days, when given), each
/// with its contracts ("Légumes — Ferme du Petit Pré"), in order.
pub(crate) async fn contracts_by_day(
    db: &impl ConnectionTrait,
    amap_id: i64,
    between: Option<(NaiveDate, NaiveDate)>,
) -> AppResult<BTreeMap<NaiveDate, Vec<String>>> {
    let mut days: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    for (loaded, producer) in published(db, amap_id).await? {
        let dates = loaded.dates.iter().map(|d| d.date);
        for day in dates.filter(|d| between.is_none_or(|(from, to)| (from..=to).contains(d))) {
            days.entry(day)
                .or_default()
                .push(format!("{} — {}", loaded.template.name, producer.name));
        }
    }
    for contracts in days.values_mut() {
        contracts.sort();
    }
    Ok(days)
}

/// Everyone on duty between two days: (day, place, holder), by day then role order.
struct Duty {
    day: NaiveDate,
    place: duty_place::Model,
}

async fn duties_between(
    db: &impl ConnectionTrait,
    amap_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<Duty>> {
    let dates = repo::rota::dates_between(db, amap_id, from, to).await?;
    let days: HashMap<i64, NaiveDate> = dates.iter().map(|d| (d.id, d.day)).collect();
    let ids: Vec<i64> = dates.iter().map(|d| d.id).collect();
    Ok(repo::rota::places_of_dates(db, &ids)
        .await?
        .into_iter()
        .filter_map(|place| {
            Some(Duty {
                day: *days.get(&place.date_id)?,
                place,
            })
        })
        .collect())
}

/// The people on duty one day, "Prénom Nom" with their role, in role order.
fn on_duty(
    duties: &[Duty],
    day: NaiveDate,
    users: &HashMap<i64, app_user::Model>,
    roles: &[(i64, String)],
) -> Vec<OnDutyView> {
    let mut list: Vec<(usize, OnDutyView)> = duties
        .iter()
        .filter(|d| d.day == day)
        .filter_map(|d| {
            let user = users.get(&d.place.user_id?)?;
            let position = roles.iter().position(|(id, _)| *id == d.place.role_id);
            Some((
                position.unwrap_or(usize::MAX),
                OnDutyView {
                    name: super::rota::full_name(user),
                    role: position.map(|i| roles[i].1.clone()).unwrap_or_default(),
                },
            ))
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    list.into_iter().map(|(_, view)| view).collect()
}

async fn roles(db: &impl ConnectionTrait, amap_id: i64) -> AppResult<Vec<(i64, String)>> {
    Ok(repo::rota::roles(db, amap_id)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect())
}

/// The distributions from two weeks ago to four months ahead: each day's contracts and
/// people on duty, and whether the caller may read its sign-in sheet.
pub async fn list(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
) -> AppResult<Vec<DistributionView>> {
    caller.require(Action::ViewOwnSpace)?;
    let today = caller.local_now().date();
    let from = today
        .checked_sub_days(Days::new(LIST_BACK_DAYS))
        .unwrap_or(today);
    let to = today
        .checked_add_days(Days::new(LIST_AHEAD_DAYS))
        .unwrap_or(today);
    let mut days = contracts_by_day(db, caller.amap.id, Some((from, to))).await?;
    let duties = duties_between(db, caller.amap.id, from, to).await?;
    for duty in &duties {
        days.entry(duty.day).or_default();
    }
    let users =
        repo::producers::users_by_id(db, duties.iter().filter_map(|d| d.place.user_id).collect())
            .await?;
    let roles = roles(db, caller.amap.id).await?;
    let me = caller.user_id();
    Ok(days
        .into_iter()
        .map(|(day, contracts)| {
            let mine = duties
                .iter()
                .any(|d| d.day == day && d.place.user_id == Some(me));
            DistributionView {
                day,
                contracts,
                on_duty: on_duty(&duties, day, &users, &roles)
                    .into_iter()
                    .map(|d| format!("{} ({})", d.name, d.role))
                    .collect(),
                may_read_sheet: caller
                    .grants
                    .allows(Action::ReadSignInSheet { on_duty: mine }),
            }
        })
        .collect())
}

/// The sign-in sheet of `day`: for those who organise distributions and the people on duty
/// that day. A day without deliveries or duties is not a distribution (404).
pub async fn sign_in_sheet(
    db: &DatabaseConnection,
    caller: &Caller<'_>,
    day: NaiveDate,
) -> AppResult<SignInSheet> {
    caller.require(Action::ViewOwnSpace)?;
    let duties = duties_between(db, caller.amap.id, day, day).await?;
    let mine = duties
        .iter()
        .any(|d| d.place.user_id == Some(caller.user_id()));
    caller.require(Action::ReadSignInSheet { on_duty: mine })?;
    let delivering: Vec<_> = published(db, caller.amap.id)
        .await?
        .into_iter()
        .filter(|(loaded, _)| loaded.date_id(day).is_some())
        .collect();
    if delivering.is_empty() && duties.is_empty() {
        return Err(AppError::NotFound);
    }
    let mut products = Vec::new();
    // Per member: their units of each column.
    let mut collected: HashMap<i64, Vec<u32>> = HashMap::new();
    for (loaded, producer) in &delivering {
        let offer = views::offer(loaded, producer);
        let subs = repo::subscriptions::of_template_with_grids(db, loaded).await?;
        let mine: Vec<(i64, _)> = subs
            .iter()
            .map(|(s, grid)| (s.user_id, delivered(&offer, iter::once(grid))))
            .collect();
        for product in views::template_products(loaded) {
            let units: Vec<(i64, u32)> = mine
                .iter()
                .map(|(user, sum)| (*user, sum.get(day, product.id)))
                .filter(|(_, q)| *q > 0)
                .collect();
            // A product nobody collects that day (or not delivered then) has no column.
            if units.is_empty() {
                continue;
            }
            let column = products.len();
            for (user, q) in units {
                let row = collected.entry(user).or_default();
                row.resize(column + 1, 0);
                row[column] += q;
            }
            products.push(SheetProduct {
                template_id: TemplateId(loaded.template.id),
                contract: loaded.template.name.clone(),
                producer: producer.name.clone(),
                name: if product.packaging.trim().is_empty() {
                    product.name.clone()
                } else {
                    format!("{} ({})", product.name, product.packaging)
                },
            });
        }
    }
    let mut ids: Vec<i64> = collected.keys().copied().collect();
    ids.extend(duties.iter().filter_map(|d| d.place.user_id));
    let users = repo::producers::users_by_id(db, ids).await?;
    let mut rows: Vec<SignInRow> = collected
        .into_iter()
        .filter_map(|(user, mut quantities)| {
            let user = users.get(&user)?;
            quantities.resize(products.len(), 0);
            Some(SignInRow {
                last_name: user.last_name.clone(),
                first_name: user.first_name.clone(),
                quantities,
            })
        })
        .collect();
    sort_by_name(&mut rows, |r| (&r.last_name, &r.first_name));
    let totals = (0..products.len())
        .map(|i| rows.iter().map(|r| r.quantities[i]).sum())
        .collect();
    let roles = roles(db, caller.amap.id).await?;
    Ok(SignInSheet {
        day,
        amap_name: caller.amap.name.clone(),
        place: caller.amap.distribution_place.clone(),
        hours: caller.amap.distribution_hours.clone(),
        on_duty: on_duty(&duties, day, &users, &roles),
        products,
        rows,
        totals,
    })
}
