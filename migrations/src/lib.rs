//! Amapola's schema history. Migrations are frozen once released: never edit one, add another.
//! They never import entities or domain code, so old migrations keep compiling forever.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_tenancy_and_accounts;
mod m20261123_000002_create_contracts;
mod m20261123_000003_create_payments;
mod m20261201_000004_producer_cheque_desk;
mod m20261202_000005_create_entry_rule;
mod m20261202_000006_check_stored_enums;
mod m20261202_000007_untag_rule_scopes;
mod m20261202_000008_add_distribution_place;
mod m20261202_000009_members_and_mail;
mod m20261203_000010_outbox_reply_to;
mod m20261203_000011_delivery_sheet_mails;
mod m20261203_000012_create_adhesions;
mod m20261203_000013_mail_choices;
mod m20261203_000014_amap_mail_server;
mod m20261204_000015_create_rota;
mod m20261207_000016_create_calendar_feed;
mod m20261207_000017_create_throttle;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_tenancy_and_accounts::Migration),
            Box::new(m20261123_000002_create_contracts::Migration),
            Box::new(m20261123_000003_create_payments::Migration),
            Box::new(m20261201_000004_producer_cheque_desk::Migration),
            Box::new(m20261202_000005_create_entry_rule::Migration),
            Box::new(m20261202_000006_check_stored_enums::Migration),
            Box::new(m20261202_000007_untag_rule_scopes::Migration),
            Box::new(m20261202_000008_add_distribution_place::Migration),
            Box::new(m20261202_000009_members_and_mail::Migration),
            Box::new(m20261203_000010_outbox_reply_to::Migration),
            Box::new(m20261203_000011_delivery_sheet_mails::Migration),
            Box::new(m20261203_000012_create_adhesions::Migration),
            Box::new(m20261203_000013_mail_choices::Migration),
            Box::new(m20261203_000014_amap_mail_server::Migration),
            Box::new(m20261204_000015_create_rota::Migration),
            Box::new(m20261207_000016_create_calendar_feed::Migration),
            Box::new(m20261207_000017_create_throttle::Migration),
        ]
    }
}
