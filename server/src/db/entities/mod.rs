//! sea-orm entities: the shape of each table, nothing more. They never leave the server:
//! handlers turn them into `app::api` views.

pub mod amap;
pub mod app_user;
pub mod membership;
pub mod producer;
pub mod producer_referent;
pub mod producer_user;
pub mod server_secret;
