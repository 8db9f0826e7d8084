//! An AMAP's own SMTP server (overriding the deployment's): its URL with the credentials, the
//! sender and reply-to address. A table of its own rather than columns of `amap`: the AMAP
//! row is read by every request, the password only by the mail worker.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AmapMailServer {
    Table,
    AmapId,
    SmtpUrl,
    MailFrom,
    MailReplyTo,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Amap {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AmapMailServer::Table)
                    .col(big_integer(AmapMailServer::AmapId).primary_key())
                    .col(text(AmapMailServer::SmtpUrl))
                    .col(string_len_null(AmapMailServer::MailFrom, 320))
                    .col(string_len_null(AmapMailServer::MailReplyTo, 320))
                    .col(timestamp_with_time_zone(AmapMailServer::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_amap_mail_server_amap")
                            .from(AmapMailServer::Table, AmapMailServer::AmapId)
                            .to(Amap::Table, Amap::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AmapMailServer::Table).to_owned())
            .await
    }
}
