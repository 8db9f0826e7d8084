//! What every handler uses.

pub use super::params::Route;
pub use crate::auth::{AmapAccess, CurrentUser};
pub use crate::error::{AppError, AppResult};
pub use crate::http::input::Input;
pub use crate::http::said::Said;
pub use crate::services;
pub use crate::state::AppState;
pub use app::api::ApiError;
pub use app::api::notice::Notice;
pub use app::domain::Action;
pub use axum::Json;
pub use axum::extract::State;
pub use axum::http::StatusCode;
