//! Members and e-mail: a person's phones and address (for the member list), a token epoch
//! (raising it ends every session at once), single-use account links (invitation, password
//! reset, e-mail change — only their hash is kept), which directory fields each role sees
//! (an AMAP setting), and the outbox: every mail is a row written in the transaction of the
//! event that causes it, sent later by a worker.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
    Phone1,
    Phone2,
    Address,
    Postcode,
    Town,
    TokenEpoch,
}

#[derive(DeriveIden)]
enum Amap {
    Table,
    Id,
    DirectoryEmail,
    DirectoryPhone,
    DirectoryAddress,
}

#[derive(DeriveIden)]
enum AccountToken {
    Table,
    Id,
    UserId,
    Purpose,
    TokenHash,
    NewEmail,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxMail {
    Table,
    Id,
    AmapId,
    Kind,
    Recipient,
    Subject,
    TextBody,
    HtmlBody,
    State,
    Attempts,
    NextAttemptAt,
    LastError,
    MessageId,
    CreatedAt,
    SentAt,
}

const VISIBILITIES: &str = "('everyone', 'referents', 'nobody')";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for (column, len) in [
            (AppUser::Phone1, 30),
            (AppUser::Phone2, 30),
            (AppUser::Address, 200),
            (AppUser::Postcode, 10),
            (AppUser::Town, 100),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(AppUser::Table)
                        .add_column(string_len(column, len).default(""))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(AppUser::Table)
                    .add_column(integer(AppUser::TokenEpoch).default(0))
                    .to_owned(),
            )
            .await?;

        // AmapJ's defaults: e-mail and phones for everyone, the address for référents.
        for (column, default) in [
            (Amap::DirectoryEmail, "everyone"),
            (Amap::DirectoryPhone, "everyone"),
            (Amap::DirectoryAddress, "referents"),
        ] {
            let name = column.to_string();
            manager
                .alter_table(
                    Table::alter()
                        .table(Amap::Table)
                        .add_column(
                            string_len(column, 20)
                                .default(default)
                                .check(Expr::cust(format!("{name} IN {VISIBILITIES}"))),
                        )
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(AccountToken::Table)
                    .col(big_pk_auto(AccountToken::Id))
                    .col(big_integer(AccountToken::UserId))
                    .col(string_len(AccountToken::Purpose, 20).check(Expr::cust(
                        "purpose IN ('invitation', 'password_reset', 'email_change')",
                    )))
                    .col(string_len(AccountToken::TokenHash, 64).unique_key())
                    .col(string_len_null(AccountToken::NewEmail, 254))
                    .col(timestamp_with_time_zone(AccountToken::ExpiresAt))
                    .col(timestamp_with_time_zone_null(AccountToken::UsedAt))
                    .col(
                        timestamp_with_time_zone(AccountToken::CreatedAt)
                            .default(Expr::current_timestamp()),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_account_token_user")
                            .from(AccountToken::Table, AccountToken::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_account_token_user")
                    .table(AccountToken::Table)
                    .col(AccountToken::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OutboxMail::Table)
                    .col(big_pk_auto(OutboxMail::Id))
                    .col(big_integer_null(OutboxMail::AmapId))
                    .col(string_len(OutboxMail::Kind, 30))
                    .col(string_len(OutboxMail::Recipient, 254))
                    .col(string_len(OutboxMail::Subject, 250))
                    .col(text(OutboxMail::TextBody))
                    .col(text(OutboxMail::HtmlBody))
                    .col(string_len(OutboxMail::State, 10).check(Expr::cust(
                        "state IN ('queued', 'sending', 'sent', 'failed', 'held')",
                    )))
                    .col(integer(OutboxMail::Attempts).default(0))
                    .col(timestamp_with_time_zone(OutboxMail::NextAttemptAt))
                    .col(text_null(OutboxMail::LastError))
                    .col(string_len(OutboxMail::MessageId, 120).unique_key())
                    .col(
                        timestamp_with_time_zone(OutboxMail::CreatedAt)
                            .default(Expr::current_timestamp()),
                    )
                    .col(timestamp_with_time_zone_null(OutboxMail::SentAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_outbox_mail_amap")
                            .from(OutboxMail::Table, OutboxMail::AmapId)
                            .to(Amap::Table, Amap::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The worker's question: which mails are due now?
        manager
            .create_index(
                Index::create()
                    .name("ix_outbox_mail_due")
                    .table(OutboxMail::Table)
                    .col(OutboxMail::State)
                    .col(OutboxMail::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        // The admins' mail page and the daily quota: one AMAP's mails, newest first.
        manager
            .create_index(
                Index::create()
                    .name("ix_outbox_mail_amap")
                    .table(OutboxMail::Table)
                    .col(OutboxMail::AmapId)
                    .col(OutboxMail::CreatedAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OutboxMail::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AccountToken::Table).to_owned())
            .await?;
        for column in [
            Amap::DirectoryEmail,
            Amap::DirectoryPhone,
            Amap::DirectoryAddress,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Amap::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            AppUser::Phone1,
            AppUser::Phone2,
            AppUser::Address,
            AppUser::Postcode,
            AppUser::Town,
            AppUser::TokenEpoch,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(AppUser::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
