use crate::auth::AmapAccess;
use crate::contracts::{self, views};
use crate::error::AppResult;
use crate::exports::{self, FileBody, Format, FormatQuery};
use crate::http::path;
use crate::repo::subscriptions;
use crate::repo::templates::Loaded;
use crate::state::AppState;
use app::api::ApiError;
use app::api::contracts::{Synthesis, SynthesisRow};
use app::domain::contract::{Offer, Quantities};
use app::domain::{Action, Money, ProductId};
use axum::extract::{RawPathParams, RawQuery, State};
use axum::response::Response;

/// What a producer delivers over a whole template: for every delivery date the units of each
/// product summed over all contracts, their running totals ("cumul") and their value at the
/// template's prices. As JSON, or as a CSV or XLSX file with `?format=`.
#[utoipa::path(get, path = "/api/v1/amaps/{slug}/templates/{template_id}/synthesis", tag = "templates",
    params(("slug" = String, Path, description = "The AMAP's URL name"), ("template_id" = i64, Path, description = "The template"),
        FormatQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses(
        (status = 200, description = "The synthesis; with `format=csv` or `format=xlsx`, a file to download \
            (`Content-Disposition: attachment; filename=\"synthese-<template>.csv\"`)", content(
            (Synthesis = "application/json"),
            (FileBody = "text/csv; charset=utf-8"),
            (FileBody = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 401, description = "No valid session", body = ApiError),
        (status = 403, description = "Neither a référent nor a user of this producer", body = ApiError),
        (status = 404, description = "No such AMAP or template", body = ApiError),
        (status = 422, description = "Unknown `format`", body = ApiError),
    ))]
pub async fn synthesis(
    State(state): State<AppState>,
    access: AmapAccess,
    params: RawPathParams,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let id = path::id(&params, "template_id")?;
    let format = Format::from_query(query.as_deref())?;
    let (loaded, producer) =
        contracts::template_for(&state.db, &access, id, Action::ReadDeliveries).await?;
    let db = &state.db;
    let subs = subscriptions::of_template_with_grids(db, &loaded).await?;
    let offer = views::offer(&loaded, &producer);
    let delivered = delivered(&offer, subs.iter().map(|(_, grid)| grid));
    let subscribers = u32::try_from(subs.len()).unwrap_or(u32::MAX);
    let view = build(&loaded, &offer, &delivered, subscribers, &producer);
    let stem = format!("synthese-{}", exports::slugify(&loaded.template.name));
    exports::respond(format, view, &stem, exports::synthesis_table)
}

/// Σ of the contracts' grids, keeping only what is actually delivered: nothing on a
/// cancelled date, nor of a product cancelled on that date.
pub fn delivered<'a>(offer: &Offer, grids: impl Iterator<Item = &'a Quantities>) -> Quantities {
    let mut sum = Quantities::new();
    for cell in grids.flat_map(Quantities::cells) {
        if offer.is_open(cell.date, cell.product) {
            let qty = sum.get(cell.date, cell.product).saturating_add(cell.qty);
            sum.set(cell.date, cell.product, qty);
        }
    }
    sum
}

fn build(
    loaded: &Loaded,
    offer: &Offer,
    delivered: &Quantities,
    subscribers: u32,
    producer: &crate::db::entities::producer::Model,
) -> Synthesis {
    let products: Vec<ProductId> = offer.products.iter().map(|p| p.id).collect();
    let mut running = vec![0_u32; products.len()];
    let rows: Vec<SynthesisRow> = offer
        .dates
        .iter()
        .map(|&date| {
            let quantities: Vec<u32> = products.iter().map(|&p| delivered.get(date, p)).collect();
            for (total, qty) in running.iter_mut().zip(&quantities) {
                *total = total.saturating_add(*qty);
            }
            SynthesisRow {
                date,
                cancelled: !offer.delivers_on(date),
                quantities,
                cumulative: running.clone(),
                amount: delivered.date_amount(date, |p| offer.price_of(p)),
            }
        })
        .collect();
    Synthesis {
        template: views::summary(loaded, producer, subscribers),
        products: views::template_products(loaded),
        amount: Money::from_cents(rows.iter().map(|r| r.amount.cents()).sum()),
        rows,
        totals: running,
    }
}
