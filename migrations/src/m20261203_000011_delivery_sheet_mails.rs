//! The producer's delivery sheet mailed before each distribution, with the sheet attached:
//! `delivery_notice` remembers which (template, date) sheets were queued, so that a restart
//! or a second server never queues one twice; the outbox keeps a mail's attachment. And
//! `contract_template.announced_at`: members are told of a new contract once, however often
//! it goes back to draft and is published again.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DeliveryNotice {
    Table,
    Id,
    TemplateId,
    DeliveryDate,
    QueuedAt,
}

#[derive(DeriveIden)]
enum ContractTemplate {
    Table,
    Id,
    AnnouncedAt,
}

#[derive(DeriveIden)]
enum OutboxMail {
    Table,
    AttachmentName,
    Attachment,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DeliveryNotice::Table)
                    .col(big_pk_auto(DeliveryNotice::Id))
                    .col(big_integer(DeliveryNotice::TemplateId))
                    .col(date(DeliveryNotice::DeliveryDate))
                    .col(timestamp_with_time_zone(DeliveryNotice::QueuedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_delivery_notice_template")
                            .from(DeliveryNotice::Table, DeliveryNotice::TemplateId)
                            .to(ContractTemplate::Table, ContractTemplate::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_delivery_notice_template_date")
                    .table(DeliveryNotice::Table)
                    .col(DeliveryNotice::TemplateId)
                    .col(DeliveryNotice::DeliveryDate)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ContractTemplate::Table)
                    .add_column(timestamp_with_time_zone_null(ContractTemplate::AnnouncedAt))
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite alters one column at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxMail::Table)
                    .add_column(string_null(OutboxMail::AttachmentName))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxMail::Table)
                    .add_column(blob_null(OutboxMail::Attachment))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [OutboxMail::Attachment, OutboxMail::AttachmentName] {
            manager
                .alter_table(
                    Table::alter()
                        .table(OutboxMail::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(ContractTemplate::Table)
                    .drop_column(ContractTemplate::AnnouncedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(DeliveryNotice::Table).to_owned())
            .await
    }
}
