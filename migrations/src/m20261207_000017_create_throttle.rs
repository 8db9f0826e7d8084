//! Counted attempts (failed logins per address and per client, password-reset requests), kept
//! in the database so that a restart forgives nothing and every server process counts the same.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Throttle {
    Table,
    Key,
    Attempts,
    Since,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Throttle::Table)
                    .col(string_len(Throttle::Key, 400).primary_key())
                    .col(integer(Throttle::Attempts))
                    .col(timestamp_with_time_zone(Throttle::Since))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Throttle::Table).to_owned())
            .await
    }
}
