use super::synthesis::delivered;
use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::error::{AppError, AppResult};
use crate::exports::{self, FileBody, Format, FormatQuery};
use crate::http::path;
use crate::repo::{self, subscriptions};
use crate::state::AppState;
use app::api::ApiError;
use app::api::contracts::{DeliverySheet, SheetRow};
use app::api::producers::PersonRef;
use app::domain::{Action, Money, UserId};
use axum::extract::{RawPathParams, RawQuery, State};
use axum::response::Response;
use std::iter;

/// The delivery sheet ("feuille de distribution") of one date: what to hand to whom, one row
/// per member with something to collect, by last name, with the totals and their value. As
/// JSON, or as a CSV or XLSX file with `?format=`.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/deliveries/{date}", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        ("date" = String, Path, description = "A delivery date of the template, YYYY-MM-DD"),
        FormatQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The sheet; with `format=csv` or `format=xlsx`, a file to download \
            (`Content-Disposition: attachment; filename=\"livraison-<template>-<YYYY-MM-DD>.csv\"`)", content(
            (DeliverySheet = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent nor a user of this producer", body = ApiError),
        (status = 404, description = "No such AMAP, template or delivery date", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn delivery_sheet(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let id = path::id(&params, "template_id")?;
    let date = path::date(&params, "date")?;
    let format = Format::from_query(query.as_deref())?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ReadDeliveries).await?;
    loaded.date_id(date).ok_or(AppError::NotFound)?;
    let db = &state.db;
    let subs = subscriptions::of_template_with_grids(db, &loaded).await?;
    let people =
        repo::producers::users_by_id(db, subs.iter().map(|(s, _)| s.user_id).collect()).await?;
    let offer = views::offer(&loaded, &producer);
    let products: Vec<_> = offer.products.iter().map(|p| p.id).collect();
    let mut rows = Vec::new();
    for (s, grid) in &subs {
        let Some(person) = people.get(&s.user_id) else {
            continue;
        };
        let mine = delivered(&offer, iter::once(grid));
        if mine.date_total(date) == 0 {
            continue;
        }
        let key = (
            exports::fold_accents(&person.last_name).to_lowercase(),
            exports::fold_accents(&person.first_name).to_lowercase(),
        );
        let row = SheetRow {
            member: PersonRef {
                id: UserId(person.id),
                name: format!("{} {}", person.first_name, person.last_name),
            },
            quantities: products.iter().map(|&p| mine.get(date, p)).collect(),
            amount: mine.date_amount(date, |p| offer.price_of(p)),
        };
        rows.push((key, row));
    }
    rows.sort_by(|(a, _), (b, _)| a.cmp(b));
    let rows: Vec<SheetRow> = rows.into_iter().map(|(_, row)| row).collect();
    let totals = (0..products.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.quantities.get(i))
                .fold(0_u32, |sum, q| sum.saturating_add(*q))
        })
        .collect();
    let subscribers = u32::try_from(subs.len()).unwrap_or(u32::MAX);
    let view = DeliverySheet {
        template: views::summary(&loaded, &producer, subscribers),
        date,
        products: views::template_products(&loaded),
        amount: Money::from_cents(rows.iter().map(|r| r.amount.cents()).sum()),
        rows,
        totals,
    };
    let stem = format!(
        "livraison-{}-{date}",
        exports::slugify(&loaded.template.name)
    );
    exports::respond(format, view, &stem, exports::sheet_table)
}
