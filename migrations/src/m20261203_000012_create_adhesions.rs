//! Memberships (adhésions): `adhesion_period` (a season's dates, minimum and suggested
//! amounts, who records them), `adhesion` (one member's membership of one period: its amount,
//! how and when it was paid), and `contract_template.adhesion_period_id`, the period a
//! template requires before a member signs up.
//!
//! Amounts are cents, as every amount. A member has at most one membership per period (the
//! unique index decides between two concurrent requests). A period with memberships, or
//! required by a template, cannot be deleted (the foreign keys restrict; the service says
//! why first).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AdhesionPeriod {
    Table,
    Id,
    AmapId,
    Name,
    StartsOn,
    EndsOn,
    MinimumCents,
    SuggestedCents,
    Enrolment,
    PaymentText,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Adhesion {
    Table,
    Id,
    AmapId,
    PeriodId,
    UserId,
    AmountCents,
    State,
    PaymentKind,
    ReceivedOn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Amap {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ContractTemplate {
    Table,
    AdhesionPeriodId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AdhesionPeriod::Table)
                    .col(big_pk_auto(AdhesionPeriod::Id))
                    .col(big_integer(AdhesionPeriod::AmapId))
                    .col(string_len(AdhesionPeriod::Name, 100))
                    .col(date(AdhesionPeriod::StartsOn))
                    .col(date(AdhesionPeriod::EndsOn))
                    .col(
                        big_integer(AdhesionPeriod::MinimumCents)
                            .check(Expr::cust("minimum_cents >= 0")),
                    )
                    .col(big_integer(AdhesionPeriod::SuggestedCents))
                    .col(
                        string_len(AdhesionPeriod::Enrolment, 20)
                            .check(Expr::cust("enrolment IN ('online', 'treasurer')")),
                    )
                    .col(text(AdhesionPeriod::PaymentText))
                    .col(timestamp_with_time_zone(AdhesionPeriod::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_adhesion_period_amap")
                            .from(AdhesionPeriod::Table, AdhesionPeriod::AmapId)
                            .to(Amap::Table, Amap::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_adhesion_period_amap_name")
                    .table(AdhesionPeriod::Table)
                    .col(AdhesionPeriod::AmapId)
                    .col(AdhesionPeriod::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Adhesion::Table)
                    .col(big_pk_auto(Adhesion::Id))
                    .col(big_integer(Adhesion::AmapId))
                    .col(big_integer(Adhesion::PeriodId))
                    .col(big_integer(Adhesion::UserId))
                    .col(big_integer(Adhesion::AmountCents).check(Expr::cust("amount_cents >= 0")))
                    .col(
                        string_len(Adhesion::State, 20)
                            .check(Expr::cust("state IN ('to_provide', 'cashed')")),
                    )
                    .col(string_len_null(Adhesion::PaymentKind, 20).check(Expr::cust(
                        "payment_kind IS NULL OR payment_kind IN ('cheque', 'cash', 'transfer')",
                    )))
                    .col(date_null(Adhesion::ReceivedOn))
                    .col(timestamp_with_time_zone(Adhesion::CreatedAt))
                    .col(timestamp_with_time_zone(Adhesion::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_adhesion_amap")
                            .from(Adhesion::Table, Adhesion::AmapId)
                            .to(Amap::Table, Amap::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_adhesion_period")
                            .from(Adhesion::Table, Adhesion::PeriodId)
                            .to(AdhesionPeriod::Table, AdhesionPeriod::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_adhesion_user")
                            .from(Adhesion::Table, Adhesion::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_adhesion_period_user")
                    .table(Adhesion::Table)
                    .col(Adhesion::PeriodId)
                    .col(Adhesion::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_adhesion_user")
                    .table(Adhesion::Table)
                    .col(Adhesion::UserId)
                    .to_owned(),
            )
            .await?;
        // SQLite adds a column with its reference written inline (it cannot add a constraint
        // to an existing table); PostgreSQL reads the same clause.
        manager
            .alter_table(
                Table::alter()
                    .table(ContractTemplate::Table)
                    .add_column(
                        ColumnDef::new(ContractTemplate::AdhesionPeriodId)
                            .big_integer()
                            .null()
                            .extra("REFERENCES adhesion_period (id) ON DELETE RESTRICT"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ContractTemplate::Table)
                    .drop_column(ContractTemplate::AdhesionPeriodId)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Adhesion::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AdhesionPeriod::Table).to_owned())
            .await
    }
}
