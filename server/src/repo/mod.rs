//! Repositories: every query the server runs. Anything owned by an AMAP is always
//! filtered by that AMAP's id, so one AMAP's rows cannot leak into another's answers.

pub mod amaps;
pub mod memberships;
pub mod producers;
pub mod secrets;
pub mod users;

use sea_orm::{DbErr, SqlErr};

/// True when the error is a unique-constraint violation (a duplicate e-mail, slug…).
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}
