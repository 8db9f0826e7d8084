//! Path parameters beyond the AMAP's slug. (utoipa's path macro cannot read tuple patterns,
//! so handlers take `RawPathParams` and pick what they need by name.)

use crate::error::AppError;
use axum::extract::RawPathParams;
use chrono::NaiveDate;

fn raw<'a>(params: &'a RawPathParams, name: &str) -> Option<&'a str> {
    params.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// A numeric id; anything else is a 404 (there is no such thing).
pub fn id(params: &RawPathParams, name: &str) -> Result<i64, AppError> {
    raw(params, name)
        .and_then(|v| v.parse().ok())
        .ok_or(AppError::NotFound)
}

pub fn date(params: &RawPathParams, name: &str) -> Result<NaiveDate, AppError> {
    raw(params, name)
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .ok_or(AppError::NotFound)
}
