//! A mail written by a person (an admin's or a référent's message to members) is answered to
//! that person, not to the deployment's address: the outbox keeps each mail's reply-to.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxMail {
    Table,
    ReplyTo,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxMail::Table)
                    .add_column(string_null(OutboxMail::ReplyTo))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxMail::Table)
                    .drop_column(OutboxMail::ReplyTo)
                    .to_owned(),
            )
            .await
    }
}
