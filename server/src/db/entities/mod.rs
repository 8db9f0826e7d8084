//! sea-orm entities: the shape of each table, nothing more. They never leave the server:
//! handlers turn them into `app::api` views. The AMAP's own tables also (de)serialise, for
//! one use only: the AMAP's archive (`crate::archive`), a file format of its own.

pub mod account_token;
pub mod adhesion;
pub mod adhesion_period;
pub mod amap;
pub mod amap_mail_server;
pub mod app_user;
pub mod calendar_feed;
pub mod cheque;
pub mod cheque_event;
pub mod contract_template;
pub mod delivery_date;
pub mod delivery_notice;
pub mod duty_absence;
pub mod duty_date;
pub mod duty_move;
pub mod duty_participant;
pub mod duty_period;
pub mod duty_place;
pub mod duty_role;
pub mod entry_rule;
pub mod exclusion;
pub mod membership;
pub mod outbox_mail;
pub mod payment_plan;
pub mod producer;
pub mod producer_referent;
pub mod producer_user;
pub mod product;
pub mod remittance;
pub mod server_secret;
pub mod stock_conversion;
pub mod stock_counter;
pub mod stock_limit;
pub mod stored;
pub mod subscription;
pub mod subscription_cell;
pub mod subscription_joker;
pub mod template_product;
pub mod throttle;
